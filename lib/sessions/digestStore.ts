/**
 * Reading the digest (lib/sessions/digest.ts) from its stored parts. Only
 * lib/sessions/store.ts writes it. A view reads what it shows: the index
 * alone for the reminders, the recent months first for a list, every month
 * only where everything is counted.
 */
import { onStorageChange } from '../storage/changes';
import { digestIndex, digestMonths } from '../storage/items';
import {
  type Digest,
  type DigestEntry,
  type DigestIndex,
  type DigestParts,
  type DigestRow,
  joined,
  monthOf,
  rowsOf,
} from './digest';

/** The index and the given months (those that exist). */
export async function readParts(months: readonly string[]): Promise<DigestParts> {
  const [index, read] = await Promise.all([
    digestIndex.get(),
    Promise.all(months.map((month) => digestMonths.get(month))),
  ]);
  const parts: DigestParts = { index, months: {} };
  for (const month of read) if (month) parts.months[month.id] = month.entries;
  return parts;
}

/** The index and every month stored. */
export async function readAllParts(): Promise<DigestParts> {
  const [index, months] = await Promise.all([digestIndex.get(), digestMonths.all()]);
  return { index, months: Object.fromEntries(months.map((month) => [month.id, month.entries])) };
}

/** The whole digest: every session's entry. */
export async function readDigest(): Promise<Digest> {
  return joined(await readAllParts());
}

/** The months holding sessions, newest first. */
export const monthsNewestFirst = (index: DigestIndex) =>
  Object.keys(index.months)
    .filter((month) => (index.months[month] ?? 0) > 0)
    .sort()
    .reverse();

/** Every session in the index, counted by month. */
export const sessionCount = (index: DigestIndex) => Object.values(index.months).reduce((sum, count) => sum + count, 0);

/**
 * The sessions not complete, from the index, with the newest months holding
 * at least `rows` sessions, and one month more, so every local day among those
 * rows is whole (a local day can reach into the UTC month before): all a list
 * needs that shows the notes still to write first, then the newest. With
 * `complete`, whether that is every session.
 */
export async function readRecent(rows: number): Promise<{ digest: Digest; index: DigestIndex; complete: boolean }> {
  const index = await digestIndex.get();
  const newest = monthsNewestFirst(index);
  let taken = 0;
  let count = 0;
  while (taken < newest.length && count < rows) count += index.months[newest[taken++] ?? ''] ?? 0;
  const wanted = newest.slice(0, taken + 1);
  const parts = await readParts(wanted);
  // The index read again with the months: what is shown must belong together.
  const digest = joined(parts);
  return {
    digest: { ...digest, entries: { ...parts.index.open, ...digest.entries } },
    index: parts.index,
    complete: wanted.length === newest.length,
  };
}

/**
 * The sessions started since `since` (and some before it: whole months, and
 * the month before, so every local day since then is whole). With
 * `complete`, whether that is every session.
 */
export async function readSince(since: number): Promise<{ digest: Digest; index: DigestIndex; complete: boolean }> {
  const index = await digestIndex.get();
  const newest = monthsNewestFirst(index);
  const first = monthOf(since - 32 * 24 * 60 * 60 * 1000);
  const wanted = newest.filter((month) => month >= first);
  const parts = await readParts(wanted);
  return { digest: joined(parts), index: parts.index, complete: wanted.length === newest.length };
}

/** The entries of sessions with a follow-up open or a next contact to come, from the index alone. */
export async function readReminderRows(): Promise<DigestRow[]> {
  const index = await digestIndex.get();
  return rowsOf({ entries: index.reminders, orders: {}, texts: {} });
}

/** One session's entry, from its month, or undefined. */
export async function readEntry(id: string, startedAt: number): Promise<DigestEntry | undefined> {
  const month = await digestMonths.get(monthOf(startedAt));
  return month && Object.hasOwn(month.entries, id) ? month.entries[id] : undefined;
}

/**
 * Goes through the months from `until` back to the oldest, newest first, and
 * returns the first answer `find` gives for one of them.
 */
export async function findBackwards<T>(until: number, find: (digest: Digest) => T | undefined): Promise<T | undefined> {
  const index = await digestIndex.get();
  const last = monthOf(until);
  for (const key of monthsNewestFirst(index).filter((one) => one <= last)) {
    const month = await digestMonths.get(key);
    const found = month && find({ entries: month.entries, orders: index.orders, texts: index.texts });
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Calls `onChange` after every change to the digest (its index or any month), once per storage write. */
export function watchDigest(onChange: () => void): () => void {
  const indexKey = digestIndex.spec.key;
  const prefix = digestMonths.spec.prefix;
  return onStorageChange((changes, area, missed) => {
    if (missed || (area === 'local' && Object.keys(changes).some((key) => key === indexKey || key.startsWith(prefix))))
      onChange();
  });
}
