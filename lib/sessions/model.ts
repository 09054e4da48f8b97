/**
 * A session's record and every change a practitioner makes to it. Pure: each
 * function takes a session and returns a new one, with the time passed in.
 */

import { CallcareError } from '../errors';
import type {
  Aftercare,
  AgreementRecord,
  AgreementState,
  EndReason,
  Person,
  Role,
  Session,
  SessionPlatform,
  Side,
  TemplateSnapshot,
} from '../schemas';

export interface NewSession {
  id: string;
  origin: Session['origin'];
  platform: SessionPlatform;
  host: string | null;
  tabId: number | null;
  clientId?: string | null;
  template: TemplateSnapshot;
  now: number;
}

const untouched = (): AgreementRecord => ({
  state: 'not-discussed',
  note: '',
  changedAt: null,
  history: [],
  confirmedFrom: null,
});

function agreementsFor(template: TemplateSnapshot): Session['agreements'] {
  return Object.fromEntries(
    template.items.filter((item) => item.kind === 'agreement').map((item) => [item.id, untouched()]),
  );
}

/** An agreement's record, looked up as the record's own key only (never something inherited). */
export const recordOf = (session: Session, itemId: string): AgreementRecord =>
  (Object.hasOwn(session.agreements, itemId) ? session.agreements[itemId] : undefined) ?? untouched();

export function emptyAftercare(): Aftercare {
  return {
    clientSeemed: null,
    clientSeemedNote: '',
    concerns: '',
    followUpToday: false,
    followUpAt: null,
    followUpDoneAt: null,
    followUpAgreed: '',
    nextContact: '',
    otherHelp: '',
    wellbeing: '',
    wantsSupervision: false,
    selfRating: null,
    updatedAt: null,
    completedAt: null,
  };
}

export function createSession({
  id,
  origin,
  platform,
  host,
  tabId,
  clientId = null,
  template,
  now,
}: NewSession): Session {
  return {
    id,
    origin,
    platform,
    host,
    tabId,
    clientId,
    startedAt: now,
    endedAt: null,
    endReason: null,
    status: 'running',
    template,
    agreements: agreementsFor(template),
    checks: {},
    people: [],
    conversationStartedAt: null,
    aftercare: emptyAftercare(),
  };
}

function requireItem(session: Session, itemId: string, kind: 'agreement' | 'check') {
  const item = session.template.items.find((candidate) => candidate.id === itemId);
  if (!item || item.kind !== kind)
    throw new Error(`"${itemId}" is not ${kind === 'agreement' ? 'an agreement' : 'a check'} of this session`);
  return item;
}

/** The session with one agreement's record replaced. */
const withAgreement = (session: Session, itemId: string, record: AgreementRecord): Session => ({
  ...session,
  agreements: { ...session.agreements, [itemId]: record },
});

export function setAgreementState(session: Session, itemId: string, state: AgreementState, now: number): Session {
  requireItem(session, itemId, 'agreement');
  const current = recordOf(session, itemId);
  // Choosing "not discussed" for a rule never touched records it all the same: it was said.
  if (current.state === state && current.changedAt !== null) return session;
  return withAgreement(session, itemId, {
    ...current,
    state,
    changedAt: now,
    history: [...current.history, { state, at: now }],
    confirmedFrom: null,
  });
}

/**
 * Takes back an agreement's change made at `undoneAt`, if it is still the
 * last one: the state before it comes back (unset, if there was none).
 */
export function undoAgreementChange(session: Session, itemId: string, undoneAt: number): Session {
  requireItem(session, itemId, 'agreement');
  const current = recordOf(session, itemId);
  const last = current.history.at(-1);
  if (!last || last.at !== undoneAt) return session;
  const history = current.history.slice(0, -1);
  const before = history.at(-1);
  return withAgreement(session, itemId, {
    ...current,
    state: before?.state ?? 'not-discussed',
    changedAt: before?.at ?? null,
    history,
    confirmedFrom: before ? current.confirmedFrom : null,
  });
}

export function setAgreementNote(session: Session, itemId: string, note: string): Session {
  requireItem(session, itemId, 'agreement');
  const current = recordOf(session, itemId);
  return withAgreement(session, itemId, { ...current, note });
}

/** What was recorded for an agreement in the client's previous session. */
export interface Carried {
  sessionId: string;
  state: AgreementState;
  note: string;
  at: number;
}

/** Re-confirms for today what was agreed last time: the practitioner's click, never an assumption. */
export function reconfirm(session: Session, itemId: string, last: Carried, now: number): Session {
  requireItem(session, itemId, 'agreement');
  const current = recordOf(session, itemId);
  return withAgreement(session, itemId, {
    state: last.state,
    note: current.note.trim().length > 0 ? current.note : last.note,
    changedAt: now,
    history: [...current.history, { state: last.state, at: now }],
    confirmedFrom: { sessionId: last.sessionId, at: last.at },
  });
}

export function linkClient(session: Session, clientId: string | null): Session {
  return { ...session, clientId };
}

/** True once anything has been recorded: a state, a note, a tick or a person. */
export function hasRecords(session: Session): boolean {
  return (
    Object.values(session.agreements).some((record) => record.changedAt !== null || record.note.length > 0) ||
    Object.keys(session.checks).length > 0 ||
    session.people.length > 0
  );
}

/** Runs the session with another template. Only before anything is recorded, so no record is ever hidden. */
export function switchTemplate(session: Session, template: TemplateSnapshot): Session {
  if (hasRecords(session)) throw new CallcareError('checklist-locked');
  return { ...session, template, agreements: agreementsFor(template), checks: {} };
}

export function setCheck(session: Session, itemId: string, checked: boolean, now: number): Session {
  requireItem(session, itemId, 'check');
  return { ...session, checks: { ...session.checks, [itemId]: { checked, changedAt: now } } };
}

export interface NewPerson {
  id: string;
  side: Side;
  role: Role;
  name: string;
  joinedLater: boolean;
}

/** The first minutes of a call: who is noted then was there from the start, unless the practitioner says otherwise. */
export const FIRST_MINUTES_MS = 5 * 60 * 1000;

/** The practitioner marks the start of the conversation (once: the first mark stands). */
export function startConversation(session: Session, now: number): Session {
  return session.conversationStartedAt === null ? { ...session, conversationStartedAt: now } : session;
}

/**
 * Whether someone noted now most likely joined after the start: once the
 * practitioner has marked the start of the conversation, or after the first
 * minutes. People noted at the start are not. The practitioner can always say
 * otherwise when adding the person.
 */
export function suggestsJoinedLater(session: Session, now: number): boolean {
  const marked = session.conversationStartedAt !== null && now >= session.conversationStartedAt;
  return marked || now - session.startedAt > FIRST_MINUTES_MS;
}

export function addPerson(session: Session, person: NewPerson, now: number): Session {
  const name = person.name.trim();
  // The practitioner themselves needs no name; everyone else a first name or an initial.
  if (name.length === 0 && person.role !== 'me') throw new CallcareError('person-needs-name');
  const added: Person = { ...person, name, notedAt: now };
  return { ...session, people: [...session.people, added] };
}

export function removePerson(session: Session, personId: string): Session {
  return { ...session, people: session.people.filter((person) => person.id !== personId) };
}

/** Ends a running session. Ending one that has already ended changes nothing. */
export function endSession(session: Session, reason: EndReason, now: number): Session {
  if (session.status !== 'running') return session;
  return { ...session, status: 'aftercare-pending', endedAt: now, endReason: reason };
}

export type AftercareFields = Omit<Aftercare, 'updatedAt' | 'completedAt'>;

export function keepAftercareDraft(session: Session, fields: Partial<AftercareFields>, now: number): Session {
  return { ...session, aftercare: { ...session.aftercare, ...fields, updatedAt: now } };
}

/** Saving the note completes the session. A running session is ended first. */
export function completeAftercare(session: Session, fields: Partial<AftercareFields>, now: number): Session {
  const ended = endSession(session, 'ended-by-practitioner', now);
  return {
    ...ended,
    status: 'complete',
    aftercare: { ...ended.aftercare, ...fields, updatedAt: now, completedAt: ended.aftercare.completedAt ?? now },
  };
}

export interface Progress {
  agreementsTotal: number;
  agreementsRecorded: number;
  agreed: number;
  checksTotal: number;
  checksTicked: number;
}

/** An agreement counts as recorded once its state is anything but "not discussed", the default. */
export function progress(session: Session): Progress {
  const agreementItems = session.template.items.filter((item) => item.kind === 'agreement');
  const checkItems = session.template.items.filter((item) => item.kind === 'check');
  return {
    agreementsTotal: agreementItems.length,
    agreementsRecorded: agreementItems.filter(
      (item) => (session.agreements[item.id]?.state ?? 'not-discussed') !== 'not-discussed',
    ).length,
    agreed: agreementItems.filter((item) => session.agreements[item.id]?.state === 'agreed').length,
    checksTotal: checkItems.length,
    checksTicked: checkItems.filter((item) => session.checks[item.id]?.checked === true).length,
  };
}

export const isPending = (session: Session) => session.status === 'aftercare-pending';
export const isRunning = (session: Session) => session.status === 'running';
