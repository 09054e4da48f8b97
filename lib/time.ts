/** Times and durations as a practitioner reads them, in their own time zone and locale. */
import { m } from './messages';

/**
 * The one way a date is written on every page: "Sat, 21 Nov 2026" (in the
 * reader's locale). A date with a time adds the clock to the same form.
 */
const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

export function formatDuration(milliseconds: number): string {
  const totalMinutes = Math.floor(Math.max(0, milliseconds) / 60_000);
  if (totalMinutes < 1) return m.lessThanAMinute;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return hours === 0 ? m.minutes(minutes) : m.hoursMinutes(hours, minutes);
}

export function formatClock(timestamp: number, locale?: string): string {
  return new Date(timestamp).toLocaleTimeString(locale, CLOCK);
}

export function formatDateTime(timestamp: number, locale?: string): string {
  return new Date(timestamp).toLocaleString(locale, { ...DATE, ...CLOCK });
}

export function formatDate(timestamp: number, locale?: string): string {
  return new Date(timestamp).toLocaleDateString(locale, DATE);
}

/** A stored day key ("2026-11-21", the local day) written as every other date is. */
export function formatDay(day: string, locale?: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  // Noon, so no daylight-saving change moves it to another day.
  return formatDate(new Date(year, month - 1, date, 12).getTime(), locale);
}
