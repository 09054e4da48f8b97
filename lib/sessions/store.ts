/**
 * The one owner of every session write. Nothing else writes `session:*`, the
 * open-session list, the digest (its index and weeks) or the day counts. Each change writes a
 * session's record together with every list derived from it in one storage
 * write, so a closed page or a stopped worker can never leave a completed
 * note still counted as one to write, or a History that disagrees with the
 * records.
 *
 * All of it runs under one lock shared by every page and the worker. The
 * lifecycle (lifecycle.ts) takes its own lock first and then this one, never
 * the other way round.
 */
import { browser } from 'wxt/browser';
import { templateForNewSession } from '../caseload';
import { dayKey, lastDays } from '../days';
import type { OpenSession, OpenSessions, Session, StoredSession } from '../schemas';
import {
  checklists,
  checklistsMovedOut,
  dayCounts,
  digestIndex,
  digestWeeks,
  oldDigest,
  openSessions,
  storedSessions,
  waitingEdits,
} from '../storage/items';
import { withLock } from '../storage/lock';
import { isLocked, type Part, part, writeTogether } from '../storage/stored';
import { vaultStatus } from '../storage/vault';
import { type DigestParts, digestFrom, digestOf, foldChanges, joined, partsFrom, weekCounts, weekOf } from './digest';
import { readAllParts, readParts } from './digestStore';
import { applyEdits, type Edit } from './edits';
import { createSession, endSession } from './model';
import { type Brief, briefOf, briefs } from './openList';
import { checklistRef, hasInlineChecklist, hydrate, isStandIn, sessions } from './records';

const STORE_LOCK = 'sessions';
const DAYS_COUNTED = 60;

export class SessionMissingError extends Error {
  constructor(id: string) {
    super(`session ${id} is no longer stored`);
    this.name = 'SessionMissingError';
  }
}

const recordKey = (id: string) => `${storedSessions.spec.prefix}${id}`;

/**
 * A session's record as stored, referring to its checklist, and the checklist
 * itself unless the record as it was already referred to the same one.
 */
async function sessionParts(session: Session, before?: StoredSession): Promise<Part[]> {
  const { items, ...template } = session.template;
  // A checklist that could not be read is shown from the records' ids: the record keeps pointing at the real one.
  const keptRef = isStandIn(items) && before && 'checklist' in before.template ? before.template.checklist : null;
  if (keptRef) {
    const kept: StoredSession = { ...session, template: { ...template, checklist: keptRef } };
    return [part(storedSessions.spec, recordKey(session.id), kept)];
  }
  const ref = await checklistRef(items);
  const stored: StoredSession = { ...session, template: { ...template, checklist: ref } };
  const parts = [part(storedSessions.spec, recordKey(session.id), stored)];
  const sameChecklist =
    before && !hasInlineChecklist(before) && 'checklist' in before.template && before.template.checklist === ref;
  if (!sameChecklist) parts.push(part(checklists.spec, `${checklists.spec.prefix}${ref}`, { id: ref, items }));
  return parts;
}
const openPart = (list: OpenSessions) => part(openSessions.spec, openSessions.spec.key, list);
/** The digest's index and the weeks given, to write. */
const digestParts = ({ index, weeks }: DigestParts): Part[] => [
  part(digestIndex.spec, digestIndex.spec.key, index),
  ...Object.entries(weeks).map(([id, entries]) =>
    part(digestWeeks.spec, `${digestWeeks.spec.prefix}${id}`, { id, entries }),
  ),
];
/** The digest's parts written for changed sessions: the index and the weeks they are in, read and written alone. */
async function changedDigest(changes: ReadonlyArray<readonly [string, Session]>): Promise<Part[]> {
  const read = await readParts([...new Set(changes.map(([, session]) => weekOf(session.startedAt)))]);
  return digestParts(foldChanges(read, changes));
}
const countsPart = (counts: Record<string, number>) => part(dayCounts.spec, dayCounts.spec.key, counts);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The same count for every week, in whatever order each lists them (stored values keep the order they were written in). */
const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([week, count]) => b[week] === count);

/** The open-session list with one session's entry following its record: a complete session leaves the list. */
function listWith(list: OpenSessions, session: Session): OpenSessions {
  const { [session.id]: previous, ...others } = list;
  if (session.status === 'complete') return others;
  return {
    ...others,
    [session.id]: { ...briefOf(session), prompted: previous?.prompted ?? session.status === 'running' },
  };
}

/** Whether a change to a session shows in the digest (typing a note does not). */
const digestChanges = (before: Session | undefined, after: Session) =>
  before === undefined ||
  !same(digestOf(before), digestOf(after)) ||
  after.template.items.some((item) => before.template.items.find((old) => old.id === item.id)?.text !== item.text);

/** Adds `delta` to a local day's count, keeping the last 60 days. */
export function countedDays(counts: Record<string, number>, at: number, delta: number, now = Date.now()) {
  const keep = new Set(lastDays(Math.max(now, at), DAYS_COUNTED));
  const next: Record<string, number> = {};
  for (const [day, count] of Object.entries(counts)) if (keep.has(day)) next[day] = count;
  const day = dayKey(at);
  if (keep.has(day)) next[day] = Math.max(0, (next[day] ?? 0) + delta);
  if (next[day] === 0) delete next[day];
  return next;
}

/**
 * Applies a practitioner's edits to a session, in one write with whatever
 * they change in the lists. Returns the record as stored.
 */
export function editSession(id: string, edits: readonly Edit[]): Promise<Session> {
  return withLock(STORE_LOCK, async () => {
    const raw = await storedSessions.get(id);
    if (!raw) throw new SessionMissingError(id);
    const stored = await hydrate(raw);
    const list = await openSessions.get();
    // An end that waited for an unlock is finished in the same write, never lost under the edit.
    const entry = list[id];
    const current =
      entry?.pending === 'end' ? endSession(stored, entry.endReason ?? 'tab-closed', entry.endedAt ?? 0) : stored;
    const next = applyEdits(current, edits);
    if (same(next, stored)) return stored;
    const parts: Part[] = await sessionParts(next, raw);
    const nextList = listWith(list, next);
    if (!same(nextList, list)) parts.push(openPart(nextList));
    if (digestChanges(stored, next)) parts.push(...(await changedDigest([[id, next]])));
    await writeTogether('local', parts);
    return next;
  });
}

/**
 * Edits handed over by a page: stored now, or, while Callcare is locked, kept
 * in memory (session storage) until `storeWaitingEdits` runs at the unlock.
 */
export async function storeHandedEdits(id: string, edits: readonly Edit[]): Promise<Session | null> {
  try {
    return await editSession(id, edits);
  } catch (error) {
    if (!isLocked(error)) throw error;
    await waitingEdits.update((waiting) => ({ ...waiting, [id]: [...(waiting[id] ?? []), ...edits] }));
    return null;
  }
}

/** Stores the edits that waited for an unlock. A session deleted meanwhile takes its edits with it. */
export async function storeWaitingEdits(): Promise<void> {
  const waiting = await waitingEdits.get();
  for (const [id, edits] of Object.entries(waiting)) {
    try {
      await editSession(id, edits);
    } catch (error) {
      if (isLocked(error)) return;
      if (!(error instanceof SessionMissingError)) throw error;
    }
    await waitingEdits.update(({ [id]: _stored, ...rest }) => rest);
  }
}

/** The record an open-session entry calls for, made from what is stored, or undefined if it needs nothing. */
async function recordFor(brief: Brief): Promise<Session | undefined> {
  const existing = await sessions.get(brief.id);
  const ended = (session: Session) =>
    brief.status === 'running' ? session : endSession(session, brief.endReason ?? 'tab-closed', brief.endedAt ?? 0);
  if (existing) return brief.pending === null && existing.status === brief.status ? undefined : ended(existing);
  if (brief.pending !== 'create') return undefined;
  const created = createSession({
    id: brief.id,
    origin: brief.origin,
    platform: brief.platform,
    host: brief.host,
    tabId: brief.tabId,
    template: await templateForNewSession(),
    now: brief.startedAt,
  });
  return ended(created);
}

/**
 * A lifecycle change of one session (it started, or ended): its entry in the
 * open list, and its record brought in line with it, in one write. While
 * Callcare is locked only the entry is written, keeping what is still
 * pending; `writePending` finishes it once unlocked. A new session is counted
 * for its day at once, locked or not.
 */
export function recordLifecycle(brief: Brief, options: { newSession?: boolean } = {}): Promise<Brief> {
  return withLock(STORE_LOCK, async () => {
    const { id, ...given } = brief;
    const list = await openSessions.get();
    const now = list[id];
    // Read again under the lock: a page may have completed the note (the entry is gone) or the prompt been
    // shown meanwhile; a lifecycle step decided on an older copy changes neither.
    if (!options.newSession && now === undefined) return brief;
    const entry: OpenSession = now && now.status === given.status ? { ...given, prompted: now.prompted } : given;
    const counts = options.newSession ? [countsPart(countedDays(await dayCounts.get(), brief.startedAt, 1))] : [];
    // While locked, only the entry is written, keeping what its record still lacks.
    const entryOnly = () => writeTogether('local', [openPart({ ...list, [id]: entry }), ...counts]);
    try {
      const record = (await vaultStatus()) === 'locked' ? null : await recordFor(brief);
      if (record === null) {
        await entryOnly();
        return { ...entry, id };
      }
      const written: OpenSession = { ...entry, pending: null };
      const parts = [openPart({ ...list, [id]: written }), ...counts];
      if (record) {
        parts.push(
          ...(await sessionParts(record, await storedSessions.get(id))),
          ...(await changedDigest([[id, record]])),
        );
      }
      await writeTogether('local', parts);
      return { ...written, id };
    } catch (error) {
      if (!isLocked(error)) throw error;
      await entryOnly();
      return { ...entry, id };
    }
  });
}

/** Writes the records that waited while Callcare was locked. */
export async function writePending(): Promise<void> {
  for (const brief of briefs(await openSessions.get())) {
    if (brief.pending !== null) await recordLifecycle(brief);
  }
}

/** The aftercare prompt of an ended session has been shown. */
export function markPrompted(id: string): Promise<void> {
  return withLock(STORE_LOCK, async () => {
    const list = await openSessions.get();
    const entry = list[id];
    if (!entry || entry.prompted) return;
    await writeTogether('local', [openPart({ ...list, [id]: { ...entry, prompted: true } })]);
  });
}

/**
 * Deletes sessions, with their entries in every list, as one batch: one
 * removal of the records and one write of the lists, however many there are.
 */
export function deleteSessions(ids: readonly string[]): Promise<number> {
  return withLock(STORE_LOCK, async () => {
    if (ids.length === 0) return 0;
    const digest = await readAllParts();
    const { entries } = joined(digest);
    const list = { ...(await openSessions.get()) };
    let counts = await dayCounts.get();
    for (const id of ids) {
      const startedAt = Object.hasOwn(entries, id)
        ? entries[id]?.startedAt
        : (list[id]?.startedAt ?? (await sessions.get(id))?.startedAt);
      if (startedAt !== undefined) counts = countedDays(counts, startedAt, -1);
      delete list[id];
    }
    const removed = foldChanges(
      digest,
      ids.map((id) => [id, undefined] as const),
    );
    // The records go first: should the browser stop in between, the lists are repaired from the records at its next start.
    await browser.storage.local.remove(ids.map(recordKey));
    await writeTogether('local', [openPart(list), ...digestParts(removed), countsPart(counts)]);
    return ids.length;
  });
}

/** Deletes every record and setting, under the sessions lock, so no session write lands after it. */
export function clearEverything(): Promise<void> {
  return withLock(STORE_LOCK, async () => {
    await browser.storage.local.clear();
    await browser.storage.session.clear();
  });
}

/** One part per key (many restored sessions share a checklist). */
const dedupe = (parts: Part[]) => [...new Map(parts.map((one) => [one.key, one])).values()];

/** Writes sessions from a backup (each one new here, or newer than the one here), with the lists, in one write. */
export function restoreSessions(restored: readonly Session[]): Promise<void> {
  return withLock(STORE_LOCK, async () => {
    if (restored.length === 0) return;
    // A session that was running when the backup was made is not running here: it waits for its note.
    const written = restored.map((session) =>
      session.status === 'running' ? endSession(session, 'browser-closed', session.startedAt) : session,
    );
    const digest = await readAllParts();
    const { entries } = joined(digest);
    let counts = await dayCounts.get();
    let list = await openSessions.get();
    for (const session of written) {
      if (!Object.hasOwn(entries, session.id) && !(await sessions.get(session.id))) {
        counts = countedDays(counts, session.startedAt, 1);
      }
      list = listWith(list, session);
      // Restored notes are listed as still to write; nobody is prompted for them again.
      const entry = list[session.id];
      if (entry) list = { ...list, [session.id]: { ...entry, prompted: true } };
    }
    const changes = written.map((session) => [session.id, session] as const);
    const recordParts = (await Promise.all(written.map((session) => sessionParts(session)))).flat();
    await writeTogether('local', [
      ...dedupe(recordParts),
      openPart(list),
      ...digestParts(foldChanges(digest, changes)),
      countsPart(counts),
    ]);
  });
}

/** The stored session ids, without reading the records where the browser can list keys alone. */
async function storedSessionIds(): Promise<string[]> {
  const local = browser.storage.local as unknown as { getKeys?: () => Promise<string[]> };
  const keys = local.getKeys ? await local.getKeys() : Object.keys(await browser.storage.local.get(null));
  const prefix = storedSessions.spec.prefix;
  return keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}

/** The day counts of the last 60 days, from the digest and the sessions whose record is not written yet. */
function countsFrom(
  digest: { entries: Record<string, { startedAt: number }> },
  list: OpenSessions,
  now: number,
): Record<string, number> {
  let counts: Record<string, number> = {};
  for (const entry of Object.values(digest.entries)) counts = countedDays(counts, entry.startedAt, 1, now);
  for (const [id, entry] of Object.entries(list)) {
    if (entry.pending === 'create' && !(id in digest.entries)) counts = countedDays(counts, entry.startedAt, 1, now);
  }
  return counts;
}

/**
 * The digest as stored: its index and weeks, or, the first time after the
 * update that began keeping it by week, the old single value split into
 * them (`old`: it is still to be removed).
 */
async function storedDigest(): Promise<{ parts: DigestParts; old: boolean }> {
  const [parts, oldStored] = await Promise.all([readAllParts(), browser.storage.local.get(oldDigest.spec.key)]);
  if (oldStored[oldDigest.spec.key] === undefined) return { parts, old: false };
  // Weeks already written are newer than the old value: it is only removed then.
  if (Object.keys(parts.weeks).length > 0) return { parts, old: true };
  return { parts: partsFrom(await oldDigest.get()), old: true };
}

/**
 * Repairs the derived lists from the records, for a browser start (or an
 * install or update, or an unlock): the digest is rebuilt when its sessions
 * are not exactly the stored ones, the open list gains any session that is not
 * complete and loses any whose record is gone, and the day counts follow.
 * Reads every record only when something is out of step. Waits while locked.
 */
export function repairLists(now = Date.now()): Promise<boolean> {
  return withLock(STORE_LOCK, async () => {
    try {
      const [ids, found, list] = await Promise.all([storedSessionIds(), storedDigest(), openSessions.get()]);
      const digest = joined(found.parts);
      const inStep =
        ids.length === Object.keys(digest.entries).length &&
        ids.every((id) => Object.hasOwn(digest.entries, id)) &&
        sameCounts(weekCounts(digest.entries), found.parts.index.weeks) &&
        Object.values(digest.entries).every((entry) => Object.hasOwn(digest.orders, entry.order));
      const all = inStep ? null : await sessions.all();
      const nextDigest = all ? digestFrom(all) : digest;
      const stored = new Set(all ? all.map((session) => session.id) : ids);
      const nextList: OpenSessions = {};
      for (const [id, entry] of Object.entries(list)) {
        // An entry whose record was written once but is gone now (deleted, or set aside as unreadable) is dropped.
        if (entry.pending === 'create' || stored.has(id)) nextList[id] = entry;
      }
      for (const [id, row] of Object.entries(nextDigest.entries)) {
        if (row.status === 'complete') delete nextList[id];
        else if (!nextList[id]) {
          const session = all?.find((candidate) => candidate.id === id) ?? (await sessions.get(id));
          if (session) nextList[id] = { ...briefOf(session), prompted: true };
        }
      }
      const counts = countsFrom(nextDigest, nextList, now);
      const parts: Part[] = [];
      if (all) parts.push(...digestParts(partsFrom(nextDigest, Object.keys(found.parts.weeks), now)));
      else if (found.old) parts.push(...digestParts(found.parts));
      if (!same(nextList, list)) parts.push(openPart(nextList));
      if (!same(counts, await dayCounts.get())) parts.push(countsPart(counts));
      await writeTogether('local', parts);
      // Only once its weeks are written: should the browser stop in between, the next start splits it again.
      if (found.old) await browser.storage.local.remove(oldDigest.spec.key);
      return parts.length > 0 || found.old;
    } catch (error) {
      if (isLocked(error)) return false;
      throw error;
    }
  });
}

const MOVE_BATCH = 200;

/**
 * Moves the checklist out of sessions written before checklists were stored
 * once (after an update, at a browser start or an unlock), a batch at a
 * time, each record read again under the lock so no edit is overwritten.
 * Returns how many sessions were moved; waits while locked. Once a pass has
 * found every record moved, it is marked done and no record is read again:
 * every record written since refers to its checklist.
 */
export async function moveChecklistsOut(): Promise<number> {
  if (await checklistsMovedOut.get()) return 0;
  let moved = 0;
  try {
    const inline = (await storedSessions.all()).filter(hasInlineChecklist).map((session) => session.id);
    for (let start = 0; start < inline.length; start += MOVE_BATCH) {
      moved += await withLock(STORE_LOCK, async () => {
        const parts: Part[] = [];
        for (const id of inline.slice(start, start + MOVE_BATCH)) {
          const raw = await storedSessions.get(id);
          if (raw && hasInlineChecklist(raw)) parts.push(...(await sessionParts(await hydrate(raw), raw)));
        }
        await writeTogether('local', dedupe(parts));
        return parts.filter((one) => one.key.startsWith(storedSessions.spec.prefix)).length;
      });
    }
    await checklistsMovedOut.set(true);
  } catch (error) {
    if (!isLocked(error)) throw error;
  }
  return moved;
}
