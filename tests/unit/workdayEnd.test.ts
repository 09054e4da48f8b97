import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { noticeIfOverLimit } from '../../entrypoints/background/dailyLimit';
import { remindWorkdayEnd, scheduleWorkdayEnd, snoozeWorkdayEnd } from '../../entrypoints/background/workdayEnd';
import { observeTab, tabClosed } from '../../lib/sessions/lifecycle';
import { DEFAULT_SETTINGS, dayCounts, ownSettings } from '../../lib/storage/items';

const originalZone = process.env.TZ;

describe('the workday-end reminder', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    process.env.TZ = 'Europe/Amsterdam';
  });
  afterEach(() => {
    process.env.TZ = originalZone;
  });

  it('is scheduled at the next end of a working day, and not at all without an end time', async () => {
    expect(await scheduleWorkdayEnd(new Date(2026, 10, 20, 9).getTime())).toBeNull();
    expect(await fakeBrowser.alarms.get('workday-end')).toBeUndefined();
    await ownSettings.set({ ...DEFAULT_SETTINGS, workdayEnd: '17:30' });
    const saturday = new Date(2026, 10, 21, 10).getTime();
    const when = await scheduleWorkdayEnd(saturday);
    expect(when).toBe(new Date(2026, 10, 23, 17, 30).getTime());
    expect((await fakeBrowser.alarms.get('workday-end'))?.scheduledTime).toBe(when);
  });

  it('is not moved by a wake of the worker, even when the computer slept through it', async () => {
    await ownSettings.set({ ...DEFAULT_SETTINGS, workdayEnd: '17:30' });
    const friday = new Date(2026, 10, 20, 10).getTime();
    const fridayEnd = new Date(2026, 10, 20, 17, 30).getTime();
    expect(await scheduleWorkdayEnd(friday)).toBe(fridayEnd);
    // A wake later that morning, and one after the computer slept through 17:30 (the browser fires it on waking).
    await scheduleWorkdayEnd(friday + 60 * 60_000);
    expect((await fakeBrowser.alarms.get('workday-end'))?.scheduledTime).toBe(fridayEnd);
    await scheduleWorkdayEnd(new Date(2026, 10, 20, 18).getTime());
    expect((await fakeBrowser.alarms.get('workday-end'))?.scheduledTime).toBe(fridayEnd);
  });

  it('is planned again when the settings change, and for the next working day once it has been shown', async () => {
    await ownSettings.set({ ...DEFAULT_SETTINGS, workdayEnd: '17:30' });
    const friday = new Date(2026, 10, 20, 10).getTime();
    await scheduleWorkdayEnd(friday);
    await ownSettings.set({ ...DEFAULT_SETTINGS, workdayEnd: '16:00' });
    await scheduleWorkdayEnd(friday + 60_000);
    expect((await fakeBrowser.alarms.get('workday-end'))?.scheduledTime).toBe(new Date(2026, 10, 20, 16).getTime());
    await remindWorkdayEnd(false, new Date(2026, 10, 20, 16).getTime());
    expect((await fakeBrowser.alarms.get('workday-end'))?.scheduledTime).toBe(new Date(2026, 10, 23, 16).getTime());
    await ownSettings.set({ ...DEFAULT_SETTINGS, workdayEnd: null });
    await scheduleWorkdayEnd(friday);
    expect(await fakeBrowser.alarms.get('workday-end')).toBeUndefined();
  });

  it('lists the notes still to write, and offers one snooze a day', async () => {
    await observeTab(1, 'https://meet.google.com/abc-defg-hij');
    await observeTab(2, 'https://whereby.com/room');
    await tabClosed(1);
    await tabClosed(2);
    const now = new Date(2026, 10, 20, 17, 30).getTime();
    await remindWorkdayEnd(false, now);
    const shown = (await fakeBrowser.notifications.getAll())['workday-end'] as unknown as {
      message: string;
      buttons: Array<{ title: string }>;
    };
    expect(shown.message).toMatch(/^2 aftercare notes still to write:\n• Google Meet, .+\n• Whereby, .+$/);
    expect(shown.buttons.map((button) => button.title)).toEqual(['Write aftercare notes', 'Remind me in 30 minutes']);

    expect(await snoozeWorkdayEnd(now)).toBe(true);
    expect((await fakeBrowser.alarms.get('workday-end-snoozed'))?.scheduledTime).toBe(now + 30 * 60_000);
    expect(await snoozeWorkdayEnd(now + 1000)).toBe(false);
    await remindWorkdayEnd(true, now + 30 * 60_000);
    const again = (await fakeBrowser.notifications.getAll())['workday-end'] as unknown as {
      buttons: Array<{ title: string }>;
    };
    expect(again.buttons.map((button) => button.title)).toEqual(['Write aftercare notes']);
  });

  it('says there is nothing left to write when that is so', async () => {
    await remindWorkdayEnd(false, Date.now());
    expect(((await fakeBrowser.notifications.getAll())['workday-end'] as unknown as { message: string }).message).toBe(
      'No aftercare notes to write. Time to switch off.',
    );
  });
});

describe('the daily maximum', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts each session on its day, and speaks up only beyond the maximum', async () => {
    await ownSettings.set({ ...DEFAULT_SETTINGS, maxSessionsPerDay: 2 });
    for (const tab of [1, 2]) await observeTab(tab, 'https://meet.google.com/abc-defg-hij');
    expect(await noticeIfOverLimit(Date.now())).toBe(false);
    await observeTab(3, 'https://meet.google.com/abc-defg-hij');
    expect(Object.values(await dayCounts.get())).toEqual([3]);
    expect(await noticeIfOverLimit(Date.now())).toBe(true);
    expect(((await fakeBrowser.notifications.getAll())['daily-limit'] as { message: string }).message).toContain(
      'This is session 3 today; the maximum you set is 2. The call goes on as usual.',
    );
  });

  it('never speaks up without a maximum', async () => {
    for (const tab of [1, 2, 3, 4]) await observeTab(tab, 'https://meet.google.com/abc-defg-hij');
    expect(await noticeIfOverLimit(Date.now())).toBe(false);
  });
});
