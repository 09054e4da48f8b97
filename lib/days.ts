/**
 * Days as the practitioner lives them: in their own time zone, a session
 * belonging to the day it started (one that runs past midnight counts for the
 * day it began). Pure; "local" is the time zone the browser runs in.
 */
import type { Session } from './schemas';

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11-21" for the local day a moment falls on. */
export function dayKey(timestamp: number): string {
  const date = new Date(timestamp);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The moment the local day of `timestamp` began (not always 24 hours after the last: daylight saving). */
export function startOfDay(timestamp: number): number {
  const date = new Date(timestamp);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** The local days ending with the day of `now`, oldest first. */
export function lastDays(now: number, count: number): string[] {
  const today = new Date(now);
  return Array.from({ length: count }, (_, index) =>
    dayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (count - 1 - index), 12).getTime()),
  );
}

export function sessionsPerDay(all: readonly Pick<Session, 'startedAt'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const session of all) {
    const key = dayKey(session.startedAt);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function sessionsOnDay(all: readonly Pick<Session, 'startedAt'>[], timestamp: number): number {
  const key = dayKey(timestamp);
  return all.filter((session) => dayKey(session.startedAt) === key).length;
}

/** The days on which more sessions started than the daily maximum. */
export function daysOverLimit(all: readonly Pick<Session, 'startedAt'>[], maximum: number | null): Set<string> {
  if (maximum === null) return new Set();
  return new Set([...sessionsPerDay(all)].filter(([, count]) => count > maximum).map(([day]) => day));
}

/** The Monday that starts the local week of `timestamp`, as a day key. */
export function weekKey(timestamp: number): string {
  const date = new Date(timestamp);
  const sinceMonday = (date.getDay() + 6) % 7;
  return dayKey(new Date(date.getFullYear(), date.getMonth(), date.getDate() - sinceMonday, 12).getTime());
}

/** The Mondays of the last `count` local weeks, ending with this one, oldest first. */
export function lastWeeks(now: number, count: number): string[] {
  const today = new Date(now);
  const sinceMonday = (today.getDay() + 6) % 7;
  return Array.from({ length: count }, (_, index) =>
    dayKey(
      new Date(
        today.getFullYear(),
        today.getMonth(),
        today.getDate() - sinceMonday - 7 * (count - 1 - index),
        12,
      ).getTime(),
    ),
  );
}
