/** Dates, times, durations and lists as a practitioner reads them: their time zone, in the language Callcare shows. */
import { currentLocale, t } from './i18n';

/**
 * The one way a date is written on every page: "Sat, 21 Nov 2026" in English,
 * "za 21 nov 2026" in Dutch. A date with a time adds the clock to the same form.
 */
const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const unit = (locale: string, name: 'hour' | 'minute', value: number) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);

/** "1 hr, 5 min" / "1 uur, 5 min." / "1 Std., 5 Min.", from Intl's unit names. */
export function formatDuration(milliseconds: number, locale = currentLocale()): string {
  const totalMinutes = Math.floor(Math.max(0, milliseconds) / 60_000);
  if (totalMinutes < 1) return t('lessThanAMinute');
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const parts = [
    ...(hours > 0 ? [unit(locale, 'hour', hours)] : []),
    ...(minutes > 0 || hours === 0 ? [unit(locale, 'minute', minutes)] : []),
  ];
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(parts);
}

export function formatClock(timestamp: number, locale = currentLocale()): string {
  return new Date(timestamp).toLocaleTimeString(locale, CLOCK);
}

export function formatDateTime(timestamp: number, locale = currentLocale()): string {
  return new Date(timestamp).toLocaleString(locale, { ...DATE, ...CLOCK });
}

export function formatDate(timestamp: number, locale = currentLocale()): string {
  return new Date(timestamp).toLocaleDateString(locale, DATE);
}

/** A stored day key ("2026-11-21", the local day) written as every other date is. */
export function formatDay(day: string, locale = currentLocale()): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  // Noon, so no daylight-saving change moves it to another day.
  return formatDate(new Date(year, month - 1, date, 12).getTime(), locale);
}

/** A month ("2026-10") as "October 2026", "oktober 2026", "Oktober 2026", "octobre 2026". */
export function formatMonth(month: string, locale = currentLocale()): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Date(year, number - 1, 1, 12).toLocaleDateString(locale, { month: 'long', year: 'numeric' });
}

/** A weekday's name (0 is Sunday, as `Date.getDay`). */
export function weekdayName(day: number, locale = currentLocale()): string {
  // 4 January 2026 is a Sunday.
  return new Date(2026, 0, 4 + day, 12).toLocaleDateString(locale, { weekday: 'long' });
}

/** "a, b and c" in the current language. */
export function formatList(items: readonly string[], locale = currentLocale()): string {
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(items);
}

/** A whole number with the language's grouping ("10,000", "10.000", "10 000"). */
export function formatNumber(value: number, locale = currentLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "today", "tomorrow", "in 4 days": how far a stored day key ("2026-11-26") is from today, in words. */
export function formatDayDistance(day: string, now = Date.now(), locale = currentLocale()): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return '';
  const today = new Date(now);
  // Both at noon, so a daylight-saving change between them does not count as a day.
  const days = Math.round(
    (new Date(year, month - 1, date, 12).getTime() -
      new Date(today.getFullYear(), today.getMonth(), today.getDate(), 12).getTime()) /
      86_400_000,
  );
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}
