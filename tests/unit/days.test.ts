import { afterEach, describe, expect, it } from 'vitest';
import {
  dayKey,
  daysOverLimit,
  lastDays,
  lastWeeks,
  sessionsOnDay,
  sessionsPerDay,
  startOfDay,
  weekKey,
} from '../../lib/days';
import { isWorkingDay, nextWorkdayEnd, parseTimeOfDay } from '../../lib/workday';

const originalZone = process.env.TZ;
/** Runs the rest of a test in a time zone (Node reads TZ again when it changes). */
const inZone = (zone: string) => {
  process.env.TZ = zone;
};

afterEach(() => {
  process.env.TZ = originalZone;
});

const MON_TO_FRI = [1, 2, 3, 4, 5];
const iso = (timestamp: number | null) => (timestamp === null ? null : new Date(timestamp).toISOString());

describe('days in the practitioner’s time zone', () => {
  it('puts a session on the local day it started, not the UTC day', () => {
    inZone('Europe/Amsterdam');
    // 23:30 UTC on 21 November is 00:30 on 22 November in Amsterdam.
    expect(dayKey(Date.UTC(2026, 10, 21, 23, 30))).toBe('2026-11-22');
    inZone('America/New_York');
    expect(dayKey(Date.UTC(2026, 10, 21, 23, 30))).toBe('2026-11-21');
  });

  it('counts a session that runs past midnight on the day it began', () => {
    inZone('Europe/Berlin');
    const lateCall = {
      id: 'late',
      startedAt: new Date(2026, 10, 21, 23, 40).getTime(),
      endedAt: new Date(2026, 10, 22, 0, 50).getTime(),
    };
    const morning = { id: 'morning', startedAt: new Date(2026, 10, 22, 9, 0).getTime() };
    expect(sessionsOnDay([lateCall, morning], new Date(2026, 10, 21, 12).getTime())).toBe(1);
    expect(sessionsOnDay([lateCall, morning], new Date(2026, 10, 22, 12).getTime())).toBe(1);
  });

  it('knows a day that is 23 or 25 hours long', () => {
    inZone('Europe/Amsterdam');
    // Clocks go back at 03:00 on 25 October 2026: that day has 25 hours.
    const sunday = new Date(2026, 9, 25, 12).getTime();
    expect(new Date(startOfDay(sunday)).getHours()).toBe(0);
    const nextMidnight = new Date(2026, 9, 26).getTime();
    expect((nextMidnight - startOfDay(sunday)) / 3_600_000).toBe(25);
    expect(lastDays(new Date(2026, 9, 27, 8).getTime(), 4)).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
    ]);
    // Clocks go forward on 29 March 2026: 23 hours, and the days still follow one another.
    expect(lastDays(new Date(2026, 2, 30, 8).getTime(), 3)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('counts sessions per day and finds the days over the limit', () => {
    inZone('Europe/Paris');
    const at = (day: number, hour: number, id = `${day}-${hour}`) => ({
      id,
      startedAt: new Date(2026, 10, day, hour).getTime(),
    });
    const all = [at(20, 9), at(20, 11), at(20, 14), at(21, 10)];
    expect([...sessionsPerDay(all)]).toEqual([
      ['2026-11-20', 3],
      ['2026-11-21', 1],
    ]);
    expect([...daysOverLimit(all, 2)]).toEqual(['2026-11-20']);
    expect([...daysOverLimit(all, null)]).toEqual([]);
  });

  it('starts weeks on Monday', () => {
    inZone('Europe/Madrid');
    expect(weekKey(new Date(2026, 10, 22, 20).getTime())).toBe('2026-11-16'); // a Sunday
    expect(weekKey(new Date(2026, 10, 23, 1).getTime())).toBe('2026-11-23'); // the Monday after
    expect(lastWeeks(new Date(2026, 10, 25).getTime(), 3)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
  });
});

describe('the end of the workday', () => {
  it('reads a time of day', () => {
    expect(parseTimeOfDay('17:30')).toEqual([17, 30]);
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('7:30')).toBeNull();
    expect(parseTimeOfDay(null)).toBeNull();
  });

  it('comes later today on a working day, or on the next working day', () => {
    inZone('Europe/Amsterdam');
    const friday = new Date(2026, 10, 20, 9, 0).getTime();
    expect(nextWorkdayEnd(friday, MON_TO_FRI, '17:00')).toBe(new Date(2026, 10, 20, 17, 0).getTime());
    const fridayEvening = new Date(2026, 10, 20, 17, 0).getTime();
    // Not at the weekend: on Monday.
    expect(nextWorkdayEnd(fridayEvening, MON_TO_FRI, '17:00')).toBe(new Date(2026, 10, 23, 17, 0).getTime());
    expect(isWorkingDay(new Date(2026, 10, 21, 12).getTime(), MON_TO_FRI)).toBe(false);
  });

  it('stays at the same wall-clock time across a daylight-saving change', () => {
    inZone('Europe/Amsterdam');
    const fridayBefore = new Date(2026, 9, 23, 18, 0).getTime();
    const next = nextWorkdayEnd(fridayBefore, MON_TO_FRI, '17:30');
    expect(new Date(next ?? 0).getHours()).toBe(17);
    expect(new Date(next ?? 0).getMinutes()).toBe(30);
    expect(iso(next)).toBe('2026-10-26T16:30:00.000Z'); // UTC+1 after the change, UTC+2 before
    expect(iso(nextWorkdayEnd(new Date(2026, 9, 23, 9).getTime(), MON_TO_FRI, '17:30'))).toBe(
      '2026-10-23T15:30:00.000Z',
    );
  });

  it('follows the practitioner’s own time zone', () => {
    const now = Date.UTC(2026, 10, 20, 12, 0); // Friday noon UTC
    inZone('Asia/Tokyo'); // 21:00 on Friday there: the workday has ended, next is Monday
    expect(iso(nextWorkdayEnd(now, MON_TO_FRI, '18:00'))).toBe('2026-11-23T09:00:00.000Z');
    inZone('America/Los_Angeles'); // 04:00 on Friday there
    expect(iso(nextWorkdayEnd(now, MON_TO_FRI, '18:00'))).toBe('2026-11-21T02:00:00.000Z');
  });

  it('schedules nothing without an end time or working days', () => {
    expect(nextWorkdayEnd(Date.now(), MON_TO_FRI, null)).toBeNull();
    expect(nextWorkdayEnd(Date.now(), [], '17:00')).toBeNull();
  });
});
