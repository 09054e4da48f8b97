/**
 * Follow-ups of aftercare notes: a concern that needs follow-up today, with a
 * reminder at a time the practitioner picks, and the date of next contact,
 * with a reminder on the morning of that day. Pure; times are local.
 */
import { dayKey } from './days';
import type { Aftercare } from './schemas';
import { formatDate } from './time';
import { parseTimeOfDay } from './workday';

export type FollowUpState = 'open' | 'done' | null;

/** How far ahead the reminder is offered when a follow-up is flagged. */
const DEFAULT_DELAY = 2 * 60 * 60_000;
const FIVE_MINUTES = 5 * 60_000;
/** The time of day of the reminder of a next contact (Callcare knows no start of the workday). */
export const NEXT_CONTACT_TIME = '09:00';

export function followUpState(note: Pick<Aftercare, 'followUpToday' | 'followUpDoneAt'>): FollowUpState {
  if (!note.followUpToday) return null;
  return note.followUpDoneAt === null ? 'open' : 'done';
}

/** The moment "HH:MM" falls on the local day of `day`, or null when it is not a time of day. */
export function atTimeOnDay(day: number, time: string): number | null {
  const parsed = parseTimeOfDay(time);
  if (!parsed) return null;
  const date = new Date(day);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), parsed[0], parsed[1]).getTime();
}

/** "14:05" for a moment, as a time field holds it. */
export function timeOfDay(timestamp: number): string {
  const date = new Date(timestamp);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/**
 * The reminder offered when a follow-up is flagged: two hours from now (on
 * the next five minutes), but no later than the end of the workday when that
 * is still to come today, and always today.
 */
export function defaultFollowUpTime(now: number, workdayEnd: string | null): number {
  let when = Math.ceil((now + DEFAULT_DELAY) / FIVE_MINUTES) * FIVE_MINUTES;
  const end = workdayEnd === null ? null : atTimeOnDay(now, workdayEnd);
  if (end !== null && end > now && end < when) when = end;
  const lastMinuteToday = atTimeOnDay(now, '23:59') ?? when;
  return Math.max(now, Math.min(when, lastMinuteToday));
}

/** What the follow-up lists need of a session (a digest entry has it). */
export interface FollowUpRow {
  id: string;
  startedAt: number;
  followUp: FollowUpState;
  followUpAt: number | null;
}

/**
 * The follow-ups to show in the popup and the end-of-workday notice: every
 * open one due today or earlier (still open, so still to do), and those
 * flagged before reminders had a time; soonest first.
 */
export function openFollowUps<T extends FollowUpRow>(rows: readonly T[], now: number): T[] {
  const today = new Date(now);
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime();
  return rows
    .filter((row) => row.followUp === 'open' && (row.followUpAt === null || row.followUpAt < tomorrow))
    .sort((a, b) => (a.followUpAt ?? a.startedAt) - (b.followUpAt ?? b.startedAt));
}

/** Whether a moment is on the local day of `now`. */
export const isToday = (timestamp: number, now: number) => dayKey(timestamp) === dayKey(now);

/** A "yyyy-mm-dd" date as the local noon of that day (noon: safe from daylight-saving edges), or null. */
export function dateOf(date: string): number | null {
  const match = date.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return dayKey(day.getTime()) === date ? day.getTime() : null;
}

/** A date of next contact in words ("Fri 27 Nov 2026"), or as stored when it is not a date. */
export function formatContactDate(date: string, locale?: string): string {
  const day = dateOf(date);
  return day === null ? date : formatDate(day, locale);
}

/**
 * When the reminder of a next contact comes: at 09:00 on that day when it is
 * a working day; when it is not, at 09:00 on the last working day before it,
 * so no reminder comes on a day off (the practitioner chose the date, not a
 * time). Null for no date, or no working days.
 */
export function nextContactReminderAt(nextContact: string, workingDays: readonly number[]): number | null {
  const day = dateOf(nextContact);
  if (day === null || workingDays.length === 0) return null;
  const date = new Date(day);
  for (let back = 0; back < 7; back++) {
    const candidate = new Date(date.getFullYear(), date.getMonth(), date.getDate() - back, 12);
    if (workingDays.includes(candidate.getDay())) return atTimeOnDay(candidate.getTime(), NEXT_CONTACT_TIME);
  }
  return null;
}

/**
 * The next contact to show for a client: the date agreed in their latest
 * session that names one.
 */
export function latestNextContact(
  all: ReadonlyArray<{ startedAt: number; aftercare: Pick<Aftercare, 'nextContact'> }>,
): string | null {
  let latest: { startedAt: number; date: string } | null = null;
  for (const session of all) {
    const date = session.aftercare.nextContact;
    if (date !== '' && (latest === null || session.startedAt > latest.startedAt))
      latest = { startedAt: session.startedAt, date };
  }
  return latest?.date ?? null;
}
