/**
 * Reading the digest (lib/sessions/digest.ts) from its stored parts. Only
 * lib/sessions/store.ts writes it. A view reads what it shows: the index
 * alone for the reminders, the recent weeks first for a list, every week
 * only where everything is counted.
 */
import { onStorageChange } from '../storage/changes';
import { digestIndex, digestWeeks } from '../storage/items';
import { type Digest, type DigestIndex, type DigestParts, type DigestRow, joined, rowsOf, weekOf } from './digest';

/** The index and the given weeks (those that exist). */
export async function readParts(weeks: readonly string[]): Promise<DigestParts> {
  const [index, read] = await Promise.all([digestIndex.get(), Promise.all(weeks.map((week) => digestWeeks.get(week)))]);
  const parts: DigestParts = { index, weeks: {} };
  for (const week of read) if (week) parts.weeks[week.id] = week.entries;
  return parts;
}

/** The index and every week stored. */
export async function readAllParts(): Promise<DigestParts> {
  const [index, weeks] = await Promise.all([digestIndex.get(), digestWeeks.all()]);
  return { index, weeks: Object.fromEntries(weeks.map((week) => [week.id, week.entries])) };
}

/** The whole digest: every session's entry. */
export async function readDigest(): Promise<Digest> {
  return joined(await readAllParts());
}

/** The weeks holding sessions, newest first. */
export const weeksNewestFirst = (index: DigestIndex) =>
  Object.keys(index.weeks)
    .filter((week) => (index.weeks[week] ?? 0) > 0)
    .sort()
    .reverse();

/** Every session in the index, counted by week. */
export const sessionCount = (index: DigestIndex) => Object.values(index.weeks).reduce((sum, count) => sum + count, 0);

/**
 * A part of the digest to show first: the weeks read, with every session not
 * complete (from the index, whatever its week), and the number of sessions in
 * all. With `complete`, whether that is every session.
 */
export interface FirstPart {
  digest: Digest;
  total: number;
  complete: boolean;
}

async function firstPart(wanted: readonly string[], all: number): Promise<FirstPart> {
  const parts = await readParts(wanted);
  // The index read again with the weeks: what is shown must belong together.
  const digest = joined(parts);
  return {
    digest: { ...digest, entries: { ...parts.index.open, ...digest.entries } },
    total: sessionCount(parts.index),
    complete: wanted.length === all,
  };
}

/**
 * The newest weeks holding at least `rows` sessions, and one week more, so
 * every local day among those rows is whole (a local day can reach into the
 * UTC week before): all a list needs that shows the notes still to write
 * first, then the newest.
 */
export async function readRecent(rows: number): Promise<FirstPart> {
  const index = await digestIndex.get();
  const newest = weeksNewestFirst(index);
  let taken = 0;
  let count = 0;
  while (taken < newest.length && count < rows) count += index.weeks[newest[taken++] ?? ''] ?? 0;
  return firstPart(newest.slice(0, taken + 1), newest.length);
}

/** The weeks since `since` (whole weeks, from the one before it, so every local day since then is whole). */
export async function readSince(since: number): Promise<FirstPart> {
  const newest = weeksNewestFirst(await digestIndex.get());
  const first = weekOf(since - 24 * 60 * 60 * 1000);
  return firstPart(
    newest.filter((week) => week >= first),
    newest.length,
  );
}

/** The entries of sessions with a follow-up open or a next contact to come, from the index alone. */
export async function readReminderRows(): Promise<DigestRow[]> {
  const index = await digestIndex.get();
  return rowsOf({ entries: index.reminders, orders: {}, texts: {} });
}

/** Weeks read together by findBackwards: about a quarter, where most clients were last seen. */
const WEEKS_AT_ONCE = 13;

/**
 * Goes through the weeks from `until` back to the oldest, newest first, a
 * quarter at a time, and returns the first answer `find` gives for one of them.
 */
export async function findBackwards<T>(until: number, find: (digest: Digest) => T | undefined): Promise<T | undefined> {
  const index = await digestIndex.get();
  const last = weekOf(until);
  const weeks = weeksNewestFirst(index).filter((one) => one <= last);
  for (let start = 0; start < weeks.length; start += WEEKS_AT_ONCE) {
    const read = await Promise.all(weeks.slice(start, start + WEEKS_AT_ONCE).map((key) => digestWeeks.get(key)));
    for (const week of read) {
      const found = week && find({ entries: week.entries, orders: index.orders, texts: index.texts });
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Calls `onChange` after every change to the digest (its index or any week), once per storage write. */
export function watchDigest(onChange: () => void): () => void {
  const indexKey = digestIndex.spec.key;
  const prefix = digestWeeks.spec.prefix;
  return onStorageChange((changes, area, missed) => {
    if (missed || (area === 'local' && Object.keys(changes).some((key) => key === indexKey || key.startsWith(prefix))))
      onChange();
  });
}
