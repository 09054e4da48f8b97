/**
 * The client's situation and needs before going digital (RAN FC&S annex),
 * and which way each answer points. Pure. As the annex says, these questions
 * "do not necessarily lead to one or the other": the summary lists reasons,
 * never a verdict.
 */

import { CallcareError } from './errors';
import { t } from './i18n';
import { type Client, type ConsiderationAnswer, type ConsiderationId, considerationIdSchema } from './schemas';

export type Direction = 'digital' | 'face-to-face' | 'hybrid';

/** In the annex's order. */
export const CONSIDERATION_IDS: readonly ConsiderationId[] = considerationIdSchema.options;

/** Which way a "yes" and a "no" point for each question; no entry: that answer points nowhere in particular. */
const POINTS: Record<ConsiderationId, Partial<Record<'yes' | 'no', Direction>>> = {
  'open-to-digital': { yes: 'digital', no: 'face-to-face' },
  access: { yes: 'digital', no: 'face-to-face' },
  skills: { yes: 'digital', no: 'face-to-face' },
  prison: { yes: 'face-to-face' },
  language: { yes: 'hybrid' },
  distractions: { yes: 'face-to-face', no: 'digital' },
  'distance-illness': { yes: 'digital' },
  'met-before': { yes: 'digital', no: 'face-to-face' },
  trust: { yes: 'digital', no: 'face-to-face' },
  'uncomfortable-topics': { yes: 'hybrid' },
  'practical-matters': { yes: 'digital' },
  'complexity-crisis': { yes: 'hybrid' },
  'express-safely': { yes: 'digital', no: 'face-to-face' },
  'speak-privately': { yes: 'digital', no: 'face-to-face' },
};

type Group = 'before' | 'circumstances' | 'relationship' | 'content' | 'privacy';

/** The annex's headings, in its order. */
export const CONSIDERATION_GROUPS: Record<ConsiderationId, Group> = {
  'open-to-digital': 'before',
  access: 'circumstances',
  skills: 'circumstances',
  prison: 'circumstances',
  language: 'circumstances',
  distractions: 'circumstances',
  'distance-illness': 'circumstances',
  'met-before': 'relationship',
  trust: 'relationship',
  'uncomfortable-topics': 'content',
  'practical-matters': 'content',
  'complexity-crisis': 'content',
  'express-safely': 'privacy',
  'speak-privately': 'privacy',
};

/** A question's words in the current language: the question, what the annex says, and where each answer points. */
export function considerationText(id: ConsiderationId) {
  return {
    question: t(`consideration.${id}.question`),
    explain: t(`consideration.${id}.explain`),
    ifYes: t(`consideration.${id}.ifYes`),
    ifNo: t(`consideration.${id}.ifNo`),
  };
}

export interface Reason {
  id: ConsiderationId;
  question: string;
  answer: ConsiderationAnswer;
  /** Why this answer points the way it does, in the annex's words. */
  why: string;
  note: string;
}

export interface ConsiderationsSummary {
  digital: Reason[];
  'face-to-face': Reason[];
  hybrid: Reason[];
  /** Answered "unsure": to explore with the client. */
  unsure: Reason[];
  /** Answered, but pointing nowhere in particular. */
  neutral: Reason[];
  unanswered: ConsiderationId[];
}

export function summarise(considerations: Client['considerations']): ConsiderationsSummary {
  const summary: ConsiderationsSummary = {
    digital: [],
    'face-to-face': [],
    hybrid: [],
    unsure: [],
    neutral: [],
    unanswered: [],
  };
  for (const id of CONSIDERATION_IDS) {
    const given = considerations[id];
    if (!given) {
      summary.unanswered.push(id);
      continue;
    }
    const text = considerationText(id);
    const reason: Reason = {
      id,
      question: text.question,
      answer: given.answer,
      why: given.answer === 'unsure' ? text.explain : given.answer === 'yes' ? text.ifYes : text.ifNo,
      note: given.note,
    };
    if (given.answer === 'unsure') {
      summary.unsure.push(reason);
      continue;
    }
    const direction = POINTS[id][given.answer];
    if (direction) summary[direction].push(reason);
    else summary.neutral.push(reason);
  }
  return summary;
}

/** Answers a question (or clears its answer with null). The date is when the answer was last changed. */
export function setAnswer(
  considerations: Client['considerations'],
  id: ConsiderationId,
  given: ConsiderationAnswer | null,
  now: number,
): Client['considerations'] {
  const { [id]: previous, ...rest } = considerations;
  if (given === null) return rest;
  if (previous?.answer === given) return considerations;
  return { ...rest, [id]: { answer: given, note: previous?.note ?? '', answeredAt: now } };
}

/** A note on an answered question. An unanswered question has no note to keep. */
export function setAnswerNote(
  considerations: Client['considerations'],
  id: ConsiderationId,
  note: string,
): Client['considerations'] {
  const previous = considerations[id];
  if (!previous) throw new CallcareError('answer-first');
  return { ...considerations, [id]: { ...previous, note } };
}
