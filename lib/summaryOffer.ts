/**
 * The monthly offer of the practice summary, made when an organisation's
 * policy asks for it (`offerSummaryMonthly`): in the first days of a month,
 * for the month before, until the practitioner downloads or prints that
 * month's summary or says not this month. Pure.
 */
import { previousMonth } from './practiceSummary';

/** The offer shows on the first days of a month only: a week, then it waits for the next month. */
export const OFFER_DAYS = 7;

/** The month whose summary to offer now ("2026-10"), or null when there is nothing to offer. */
export function offeredMonth({
  now,
  asked,
  handledMonth,
}: {
  now: number;
  /** The policy asks for the summary every month. */
  asked: boolean;
  /** The last month whose summary was downloaded, printed or dismissed. */
  handledMonth: string | null;
}): string | null {
  if (!asked || new Date(now).getDate() > OFFER_DAYS) return null;
  const month = previousMonth(now);
  return handledMonth === month ? null : month;
}
