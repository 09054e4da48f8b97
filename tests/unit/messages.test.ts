/** Numbers read with the right noun ("1 session", "2 sessions"), and one way of writing a date on every page. */
import { describe, expect, it } from 'vitest';
import { m } from '../../lib/messages';
import { formatDate, formatDateTime, formatDay } from '../../lib/time';

describe('messages with a count', () => {
  it.each([
    [(n: number) => m.historyCount(n, n), ['0 of 0 sessions', '1 of 1 session', '2 of 2 sessions']],
    [
      (n: number) => m.chartPerDaySummary(n, null),
      ['0 sessions in the last 30 days.', '1 session in the last 30 days.', '2 sessions in the last 30 days.'],
    ],
    [(n: number) => m.clientsSessionsCount(n), ['0 sessions', '1 session', '2 sessions']],
    [(n: number) => m.retentionDays(n), ['0 days', '1 day', '2 days']],
    [(n: number) => m.retentionDays(365 * n), ['0 days', '1 year', '2 years']],
    [(n: number) => m.autoLockMinutes(n), ['0 minutes', '1 minute', '2 minutes']],
    [
      (n: number) => m.workdayEndSnooze(n),
      ['Remind me in 0 minutes', 'Remind me in 1 minute', 'Remind me in 2 minutes'],
    ],
    [
      (n: number) => m.workdayEndPending(n),
      ['0 aftercare notes still to write:', '1 aftercare note still to write:', '2 aftercare notes still to write:'],
    ],
    [
      (n: number) => m.retentionDeleted(n),
      ['0 sessions were deleted.', '1 session was deleted.', '2 sessions were deleted.'],
    ],
    [(n: number) => m.protectionProgressValue(n, n), ['0 of 0 records', '1 of 1 record', '2 of 2 records']],
    [
      (n: number) => m.historyAgreements(0, 0, n, n),
      [
        '0 of 0 agreements recorded: 0 agreed, 0 declined',
        '1 of 1 agreement recorded: 0 agreed, 0 declined',
        '2 of 2 agreements recorded: 0 agreed, 0 declined',
      ],
    ],
  ])('%#: reads right for 0, 1 and 2', (message, expected) => {
    expect([0, 1, 2].map(message)).toEqual(expected);
  });

  it('no message puts "1" before a plural noun', () => {
    // Every message that takes only numbers (and strings), called with 1 for each: none may say "1 sessions".
    const wrong: string[] = [];
    for (const [name, message] of Object.entries(m)) {
      if (typeof message !== 'function') continue;
      let text: unknown;
      try {
        text = (message as (...args: number[]) => unknown)(...Array.from({ length: message.length }, () => 1));
      } catch {
        continue; // takes a record or a reason, not a count
      }
      if (typeof text !== 'string') continue;
      const found = text.match(
        /\b1 (of 1 )?(completed )?(sessions|notes|aftercare notes|records|items|clients|templates|days|minutes|years|agreements|characters)\b/,
      );
      if (found) wrong.push(`${name}: ${text}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('dates', () => {
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
});
