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
  endedAt: z.nullable(z.number()),
  platform: sessionPlatformSchema,
  status: sessionStatusSchema,
  clientId: z.nullable(z.string()),
  /** Which list of agreement ids (in `orders`) the states below follow: the checklist's id and version. */
  order: z.string(),
  /** One letter per agreement, in that order: a agreed, d declined, n not discussed, x not applicable. */
  states: z.string().check(z.regex(/^[adnx]*$/)),
  checksTicked: z.int(),
  selfRating: z.nullable(z.enum(['good', 'okay', 'tired', 'strained'])),
  supervision: z.boolean(),
  /** A follow-up flagged today: open, done, or none. */
  followUp: z.nullable(z.enum(['open', 'done'])),
  /** When its reminder comes, while it is open. */
  followUpAt: z.nullable(z.number()),
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

export const EMPTY_DIGEST: Digest = { entries: {}, orders: {}, texts: {} };

/** The digest of these sessions, made afresh. */
export function digestFrom(sessions: readonly Session[]): Digest {
  return joined(
    foldChanges(
      { index: EMPTY_INDEX, weeks: {} },
      sessions.map((session) => [session.id, session] as const),
    ),
  );
}

export const rowsOf = (digest: Digest): DigestRow[] =>
  Object.entries(digest.entries).map(([id, entry]) => ({ ...entry, id }));

// Kept in parts: the digest of 10,000 sessions is megabytes, and every session change rewrote it whole. Each
// entry is kept in the part of the week its session started (weeks from Monday, in UTC, so a change of time zone
// never moves it), beside a small index: the checklists' orders and texts, how many sessions each week holds, the
// sessions with a reminder to come (so the worker and the popup read only the index) and those not complete (which
// History lists first, whatever their week). A change writes one week and the index.

/** A week, by the date ("yyyy-mm-dd", UTC) of its Monday. */
export const weekSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const DAY_MS = 24 * 60 * 60 * 1000;

/** The week a session's entry is kept under: the UTC date of the Monday its start falls in, whatever the time zone. */
export function weekOf(startedAt: number): string {
  const date = new Date(startedAt);
  // A start no date can hold (a damaged record) still has a place.
  if (!(date.getUTCFullYear() >= 0 && date.getUTCFullYear() <= 9999)) return '0000-01-01';
  const monday = new Date(startedAt - ((date.getUTCDay() + 6) % 7) * DAY_MS);
  if (!(monday.getUTCFullYear() >= 0)) return '0000-01-01';
  return monday.toISOString().slice(0, 10);
}

export const digestIndexSchema = z.object({
  orders: digestSchema.shape.orders,
  texts: digestSchema.shape.texts,
  /** How many sessions each week's part holds: a view knows the whole count before it reads them all. */
  weeks: z.record(weekSchema, z.int().check(z.nonnegative())),
  /** The entries of sessions with a follow-up open or a date of next contact still to come, for the reminders. */
  reminders: z.record(z.string(), digestEntrySchema),
  /** The entries of sessions not complete (running, or their note to write), which History lists first. */
  open: z.record(z.string(), digestEntrySchema),
});

export const digestWeekSchema = z.object({ id: weekSchema, entries: z.record(z.string(), digestEntrySchema) });

export type DigestIndex = z.infer<typeof digestIndexSchema>;
export type DigestWeek = z.infer<typeof digestWeekSchema>;

export const EMPTY_INDEX: DigestIndex = { orders: {}, texts: {}, weeks: {}, reminders: {}, open: {} };

/** The index and the weeks read so far: everything a change needs to know of the digest. */
export interface DigestParts {
  index: DigestIndex;
  weeks: Record<string, Record<string, DigestEntry>>;
}

/** A date of next contact more than this long past is no longer reminded of, and leaves the index. */
const REMINDER_KEPT_MS = 14 * 24 * 60 * 60 * 1000;

function remindsOf(entry: DigestEntry, now: number): boolean {
  if (entry.followUp === 'open') return true;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(entry.nextContact);
  return day !== null && Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) > now - REMINDER_KEPT_MS;
}

/**
 * Folds changed sessions (or, with undefined, removed ones) into the parts
 * read. Returns the new index and only the weeks that changed, which are all
 * a write needs. A removed session is found in the weeks read.
 */
export function foldChanges(
  parts: DigestParts,
  changes: ReadonlyArray<readonly [string, Session | undefined]>,
  now = Date.now(),
): DigestParts {
  const index: DigestIndex = {
    orders: { ...parts.index.orders },
    texts: { ...parts.index.texts },
    weeks: { ...parts.index.weeks },
    reminders: {},
    open: {},
  };
  const changed: Record<string, Record<string, DigestEntry>> = {};
  const week = (key: string) => {
    changed[key] ??= { ...(parts.weeks[key] ?? {}) };
    return changed[key];
  };
  // Where each session of the weeks read is now: a removed one is taken from there.
  const whereIs = new Map<string, string>();
  for (const [key, entries] of Object.entries(parts.weeks)) for (const id of Object.keys(entries)) whereIs.set(id, key);
  for (const [id, session] of changes) {
    const home = session ? weekOf(session.startedAt) : undefined;
    const was = whereIs.get(id);
    if (was !== undefined && was !== home) {
      delete week(was)[id];
      whereIs.delete(id);
    }
    if (!session || home === undefined) continue;
    week(home)[id] = digestOf(session);
    whereIs.set(id, home);
    index.orders[orderKey(session)] ??= agreementIds(session);
    for (const item of session.template.items) index.texts[item.id] = item.text;
  }
  for (const [key, entries] of Object.entries(changed)) {
    const count = Object.keys(entries).length;
    if (count > 0) index.weeks[key] = count;
    else delete index.weeks[key];
  }
  // The entries the index keeps follow every change; the reminders lose the dates long past at each write.
  const current = { ...parts.index.reminders, ...parts.index.open };
  for (const entries of Object.values(changed)) {
    for (const [id, entry] of Object.entries(entries)) current[id] = entry;
  }
  for (const [id, session] of changes) if (!session) delete current[id];
  for (const [id, entry] of Object.entries(current)) {
    if (remindsOf(entry, now)) index.reminders[id] = entry;
    if (entry.status !== 'complete') index.open[id] = entry;
  }
  return { index, weeks: changed };
}

/** The digest as one value, from its parts (those read). */
export function joined(parts: DigestParts): Digest {
  const entries: Record<string, DigestEntry> = {};
  for (const week of Object.values(parts.weeks)) Object.assign(entries, week);
  return { entries, orders: parts.index.orders, texts: parts.index.texts };
}

/** How many sessions each week holds. */
export function weekCounts(entries: Record<string, Pick<DigestEntry, 'startedAt'>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of Object.values(entries)) {
    const key = weekOf(entry.startedAt);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** A whole digest in parts: `existing` weeks no session falls in any more come back empty, to be written so. */
export function partsFrom(digest: Digest, existing: readonly string[] = [], now = Date.now()): DigestParts {
  const weeks: Record<string, Record<string, DigestEntry>> = Object.fromEntries(existing.map((key) => [key, {}]));
  const reminders: Record<string, DigestEntry> = {};
  const open: Record<string, DigestEntry> = {};
  for (const [id, entry] of Object.entries(digest.entries)) {
    const key = weekOf(entry.startedAt);
    weeks[key] ??= {};
    weeks[key][id] = entry;
    if (remindsOf(entry, now)) reminders[id] = entry;
    if (entry.status !== 'complete') open[id] = entry;
  }
  const counts = weekCounts(digest.entries);
  return { index: { orders: digest.orders, texts: digest.texts, weeks: counts, reminders, open }, weeks };
}
