/**
 * The digest: a few facts about every session, kept in one stored value, so
 * the history and the overview can show thousands of sessions at once without
 * reading (and decrypting) every record. Derived from the sessions and rebuilt
 * from them whenever it is missing or out of step. Pure.
 */

import { followUpState } from '../followUps';
import {
  type AgreementState,
  type Session,
  sessionPlatformSchema,
  sessionStatusSchema,
  storedItemIdSchema,
} from '../schemas';
import { z } from '../zod';

export const digestEntrySchema = z.object({
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  platform: sessionPlatformSchema,
  status: sessionStatusSchema,
  clientId: z.string().nullable(),
  /** Which list of agreement ids (in `orders`) the states below follow: the checklist's id and version. */
  order: z.string(),
  /** One letter per agreement, in that order: a agreed, d declined, n not discussed, x not applicable. */
  states: z.string().regex(/^[adnx]*$/),
  checksTicked: z.number().int(),
  selfRating: z.enum(['good', 'okay', 'tired', 'strained']).nullable(),
  supervision: z.boolean(),
  /** A follow-up flagged today: open, done, or none. */
  followUp: z.enum(['open', 'done']).nullable(),
  /** When its reminder comes, while it is open. */
  followUpAt: z.number().nullable(),
  /** The date of next contact, "yyyy-mm-dd", or empty. */
  nextContact: z.string(),
});

export const digestSchema = z.object({
  entries: z.record(z.string(), digestEntrySchema),
  /** For each checklist version, the ids of its agreements in order. Kept apart so each entry stays small. */
  orders: z.record(z.string(), z.array(storedItemIdSchema)),
  /** The latest wording of each checklist item seen, by id, for the charts. */
  texts: z.record(storedItemIdSchema, z.string()),
});

export type DigestEntry = z.infer<typeof digestEntrySchema>;
export type Digest = z.infer<typeof digestSchema>;
export type DigestRow = DigestEntry & { id: string };

const CODES: Record<AgreementState, string> = {
  agreed: 'a',
  declined: 'd',
  'not-discussed': 'n',
  'not-applicable': 'x',
};
const STATES: Record<string, AgreementState> = { a: 'agreed', d: 'declined', n: 'not-discussed', x: 'not-applicable' };

const orderKey = (session: Session) => `${session.template.id}@${session.template.version}`;
const agreementIds = (session: Session) =>
  session.template.items.filter((item) => item.kind === 'agreement').map((item) => item.id);

export function digestOf(session: Session): DigestEntry {
  return {
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    platform: session.platform,
    status: session.status,
    clientId: session.clientId,
    order: orderKey(session),
    states: agreementIds(session)
      .map((id) => CODES[session.agreements[id]?.state ?? 'not-discussed'])
      .join(''),
    checksTicked: Object.values(session.checks).filter((check) => check.checked).length,
    selfRating: session.aftercare.selfRating,
    supervision: session.aftercare.wantsSupervision,
    followUp: followUpState(session.aftercare),
    followUpAt: followUpState(session.aftercare) === 'open' ? session.aftercare.followUpAt : null,
    nextContact: session.aftercare.nextContact,
  };
}

/** A row's agreements as item id and state, in its checklist's order. */
export function agreementsOf(
  digest: Pick<Digest, 'orders'>,
  entry: Pick<DigestEntry, 'order' | 'states'>,
): Array<[string, AgreementState]> {
  const ids = (Object.hasOwn(digest.orders, entry.order) ? digest.orders[entry.order] : undefined) ?? [];
  return [...entry.states].flatMap((code, index) => {
    const id = ids[index];
    const state = STATES[code];
    return id && state ? [[id, state] as [string, AgreementState]] : [];
  });
}

/** Folds changed sessions (or, with undefined, removed ones) into the digest, copying it once. */
export function withChanges(digest: Digest, changes: ReadonlyArray<readonly [string, Session | undefined]>): Digest {
  const next: Digest = { entries: { ...digest.entries }, orders: { ...digest.orders }, texts: { ...digest.texts } };
  for (const [id, session] of changes) {
    if (!session) {
      delete next.entries[id];
      continue;
    }
    next.entries[id] = digestOf(session);
    next.orders[orderKey(session)] ??= agreementIds(session);
    for (const item of session.template.items) next.texts[item.id] = item.text;
  }
  return next;
}

export const EMPTY_DIGEST: Digest = { entries: {}, orders: {}, texts: {} };

export function digestFrom(sessions: readonly Session[]): Digest {
  return withChanges(
    EMPTY_DIGEST,
    sessions.map((session) => [session.id, session] as const),
  );
}

export const rowsOf = (digest: Digest): DigestRow[] =>
  Object.entries(digest.entries).map(([id, entry]) => ({ ...entry, id }));
