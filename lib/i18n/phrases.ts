/** Sentences put together from several messages, shared by more than one page. */
import { CallcareError, isErrorCode } from '../errors';
import type { SetAsideReason } from '../schemas';
import { formatList } from '../time';
import { type MessageKey, t } from './index';

/** Why a record was set aside, in words (the reason is stored as a code with its facts). */
export function setAsideReasonText(reason: SetAsideReason): string {
  const version = reason.version === undefined ? '?' : String(reason.version);
  const located = (reason.code === 'wrong-shape' || reason.code === 'reserved-key') && reason.path;
  const key = (located ? `setAside.${reason.code}-at` : `setAside.${reason.code}`) as MessageKey;
  const text = t(key, { version, path: reason.path ?? '' });
  return reason.detail && reason.code !== 'reserved-key'
    ? t('setAsideDetail', { reason: text, detail: reason.detail })
    : text;
}

/** A quarantine entry's reason: a code with its facts, or (from earlier versions of Callcare) a sentence kept as it was. */
export const quarantineReasonText = (reason: SetAsideReason | string): string =>
  typeof reason === 'string' ? reason : setAsideReasonText(reason);

export type RecordCounts = Record<'session' | 'client' | 'template' | 'checklist', number>;

/** "1 session and 2 clients": the kinds with any records, counted. */
export function countRecords(counts: RecordCounts): string {
  const parts = (['session', 'client', 'template', 'checklist'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => t(`recordCount.${kind}`, { count: counts[kind] }));
  return parts.length > 0 ? formatList(parts) : t('recordCountNone');
}

/** A retention period: whole years as years, else days. */
export const retentionPeriodText = (days: number): string =>
  days > 0 && days % 365 === 0 ? t('retentionYears', { years: days / 365 }) : t('retentionDays', { days });

/**
 * What went wrong, in words for the screen: Callcare's own errors (and the
 * background's replies) by their code in the current language; anything else,
 * such as the browser's own storage errors, as the browser worded it.
 */
export function errorDetail(failure: unknown): string {
  if (failure instanceof CallcareError) return t(`error.${failure.code}`);
  if (isErrorCode(failure)) return t(`error.${failure}`);
  if (failure instanceof Error) return isErrorCode(failure.message) ? t(`error.${failure.message}`) : failure.message;
  return String(failure);
}
