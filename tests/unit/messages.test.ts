/** English messages read with the right noun ("1 session", "2 sessions"), and one way of writing a date on every page. */
import { describe, expect, it } from 'vitest';
import { CallcareError } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { countRecords, errorDetail, retentionPeriodText } from '../../lib/i18n/phrases';
import { formatDate, formatDateTime, formatDay, formatDayDistance, formatDuration } from '../../lib/time';

describe('messages with a count', () => {
  it.each([
    [
      (n: number) => t('historyCount', { shown: n, total: n }),
      ['0 of 0 sessions', '1 of 1 session', '2 of 2 sessions'],
    ],
    [
      (n: number) => t('chartPerDaySummary', { total: n }),
      ['0 sessions in the last 30 days.', '1 session in the last 30 days.', '2 sessions in the last 30 days.'],
    ],
    [(n: number) => t('clientsSessionsCount', { count: n }), ['0 sessions', '1 session', '2 sessions']],
    [(n: number) => retentionPeriodText(n), ['0 days', '1 day', '2 days']],
    [(n: number) => retentionPeriodText(365 * n), ['0 days', '1 year', '2 years']],
    [(n: number) => t('autoLockMinutes', { minutes: n }), ['0 minutes', '1 minute', '2 minutes']],
    [
      (n: number) => t('workdayEndSnooze', { minutes: n }),
      ['Remind me in 0 minutes', 'Remind me in 1 minute', 'Remind me in 2 minutes'],
    ],
    [
      (n: number) => t('workdayEndPending', { count: n }),
      ['0 aftercare notes still to write:', '1 aftercare note still to write:', '2 aftercare notes still to write:'],
    ],
    [
      (n: number) => t('retentionDeleted', { count: n }),
      ['0 sessions were deleted.', '1 session was deleted.', '2 sessions were deleted.'],
    ],
    [
      (n: number) => t('protectionProgressValue', { done: n, total: n }),
      ['0 of 0 records', '1 of 1 record', '2 of 2 records'],
    ],
    [
      (n: number) => t('historyAgreements', { agreed: 0, declined: 0, recorded: n, total: n }),
      [
        '0 of 0 agreements recorded: 0 agreed, 0 declined',
        '1 of 1 agreement recorded: 0 agreed, 0 declined',
        '2 of 2 agreements recorded: 0 agreed, 0 declined',
      ],
    ],
  ])('%#: reads right for 0, 1 and 2', (message, expected) => {
    expect([0, 1, 2].map(message)).toEqual(expected);
  });

  it('lists the kinds of records with "and"', () => {
    expect(countRecords({ session: 1, client: 2, template: 0, checklist: 3 })).toBe(
      '1 session, 2 clients, and 3 checklists of past sessions',
    );
    expect(countRecords({ session: 0, client: 0, template: 0, checklist: 0 })).toBe('no records');
  });

  it('writes a large count with the language grouping', () => {
    expect(t('protectionProgressValue', { done: 10_000, total: 12_500 })).toBe('10,000 of 12,500 records');
  });
});

describe('dates and durations', () => {
  const moment = new Date(2026, 10, 21, 14, 5).getTime();

  it('a day key reads as every other date does', () => {
    expect(formatDay('2026-11-21', 'en-GB')).toBe(formatDate(moment, 'en-GB'));
    expect(formatDay('2026-11-21', 'en-GB')).toBe('Sat, 21 Nov 2026');
  });

  it('a date with a time is the same date with the clock added', () => {
    const withTime = formatDateTime(moment, 'en-GB');
    expect(withTime.startsWith(formatDate(moment, 'en-GB'))).toBe(true);
    expect(withTime).toContain('14:05');
  });

  it('leaves a malformed key as it is rather than inventing a date', () => {
    expect(formatDay('not a day', 'en-GB')).toBe('not a day');
  });

  it('writes a duration in hours and minutes, and a short one in words', () => {
    expect(formatDuration(65 * 60_000, 'en')).toBe('1 hr 5 min');
    expect(formatDuration(60 * 60_000, 'en')).toBe('1 hr');
    expect(formatDuration(12 * 60_000, 'en')).toBe('12 min');
    expect(formatDuration(20_000, 'en')).toBe('less than a minute');
  });
});

describe('errors', () => {
  it("are shown in words: Callcare's own by their code, the browser's as it worded them", () => {
    expect(errorDetail(new CallcareError('no-side-panel'))).toBe('this browser has no side panel');
    // A reply from the background names the code alone.
    expect(errorDetail('not-a-call')).toBe('this tab is not a call');
    expect(errorDetail(new Error('QUOTA_BYTES quota exceeded'))).toBe('QUOTA_BYTES quota exceeded');
  });
});

describe('a day from today', () => {
  const now = new Date(2026, 10, 22, 23, 30).getTime();
  it.each([
    ['2026-11-22', 'en', 'today'],
    ['2026-11-23', 'en', 'tomorrow'],
    ['2026-11-26', 'en', 'in 4 days'],
    ['2026-11-26', 'nl', 'over 4 dagen'],
    ['2026-11-23', 'de', 'morgen'],
    ['2026-11-21', 'fr', 'hier'],
  ])('%s from 22 Nov 2026 in %s is "%s"', (day, locale, words) => {
    expect(formatDayDistance(day, now, locale)).toBe(words);
  });
});
