import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { remind, scheduleFollowUps } from '../../entrypoints/background/followUps';
import { remindWorkdayEnd } from '../../entrypoints/background/workdayEnd';
import { deleteSession } from '../../lib/caseload';
import { defaultFollowUpTime, latestNextContact, nextContactReminderAt, openFollowUps } from '../../lib/followUps';
import { filterRows, NO_FILTER } from '../../lib/history';
import { rowsOf } from '../../lib/sessions/digest';
import { readDigest } from '../../lib/sessions/digestStore';
import { observeTab, tabClosed } from '../../lib/sessions/lifecycle';
import { briefs } from '../../lib/sessions/openList';
import { editSession } from '../../lib/sessions/store';
import { DEFAULT_SETTINGS, openSessions, ownSettings } from '../../lib/storage/items';
import { lock, turnOn } from '../../lib/storage/protection';
import { forgetCached } from '../../lib/storage/vault';
import { readTimesIn } from './timeZone';

readTimesIn('Europe/Amsterdam');

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();

/** A Google Meet session on Friday 20 November 2026 at 10:00, ended, its note still to write. */
async function endedSession(tabId = 1): Promise<string> {
  await observeTab(tabId, 'https://meet.google.com/abc-defg-hij');
  await tabClosed(tabId);
  const id = briefs(await openSessions.get()).find((brief) => brief.tabId === tabId)?.id;
  if (!id) throw new Error('no session');
  return id;
}

const flagFollowUp = (id: string, when: number) =>
  editSession(id, [
    { type: 'aftercare', fields: { followUpToday: true, followUpAt: when, followUpDoneAt: null }, at: 1 },
  ]);

const alarmTimes = async () =>
  Object.fromEntries((await fakeBrowser.alarms.getAll()).map((alarm) => [alarm.name, alarm.scheduledTime]));

describe('the time a follow-up reminder is offered at', () => {
  it('is two hours from now, on the next five minutes', () => {
    expect(defaultFollowUpTime(at(20, 10, 2), null)).toBe(at(20, 12, 5));
    expect(defaultFollowUpTime(at(20, 10, 0), '17:30')).toBe(at(20, 12, 0));
  });

  it('is kept within the end of the workday, unless that has passed', () => {
    expect(defaultFollowUpTime(at(20, 16, 0), '17:00')).toBe(at(20, 17, 0));
    expect(defaultFollowUpTime(at(20, 18, 0), '17:00')).toBe(at(20, 20, 0));
  });

  it('stays on the same day late in the evening', () => {
    expect(defaultFollowUpTime(at(20, 23, 0), null)).toBe(at(20, 23, 59));
  });
});

describe('the reminder of a next contact', () => {
  it('comes at 09:00 on a working day, and on the working day before a day off', () => {
    expect(nextContactReminderAt('2026-11-24', [1, 2, 3, 4, 5])).toBe(at(24, 9));
    // Saturday 28 November: the Friday before.
    expect(nextContactReminderAt('2026-11-28', [1, 2, 3, 4, 5])).toBe(at(27, 9));
    expect(nextContactReminderAt('2026-11-28', [6])).toBe(at(28, 9));
  });

  it('does not come without a date, with a date that is not one, or with no working days', () => {
    expect(nextContactReminderAt('', [1, 2, 3, 4, 5])).toBeNull();
    expect(nextContactReminderAt('2026-02-31', [1, 2, 3, 4, 5])).toBeNull();
    expect(nextContactReminderAt('2026-11-24', [])).toBeNull();
  });

  it("is the latest session's date for a client's page", () => {
    expect(
      latestNextContact([
        { startedAt: 2, aftercare: { nextContact: '' } },
        { startedAt: 1, aftercare: { nextContact: '2026-11-24' } },
        { startedAt: 0, aftercare: { nextContact: '2026-11-30' } },
      ]),
    ).toBe('2026-11-24');
    expect(latestNextContact([{ startedAt: 0, aftercare: { nextContact: '' } }])).toBeNull();
  });
});

describe('follow-up reminders in the worker', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The key cached in memory belongs to the previous test's storage.
    forgetCached();
  });

  it('sets one alarm per open follow-up when it is missing, and a wake does not move it', async () => {
    const first = await endedSession(1);
    const second = await endedSession(2);
    await flagFollowUp(first, at(20, 14));
    await flagFollowUp(second, at(20, 15, 30));
    await scheduleFollowUps(at(20, 11));
    expect(await alarmTimes()).toEqual({ [`follow-up:${first}`]: at(20, 14), [`follow-up:${second}`]: at(20, 15, 30) });

    // Wakes later: nothing moves, and one whose time came with the computer asleep is kept for the browser to fire.
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await scheduleFollowUps(at(20, 12));
    await scheduleFollowUps(at(20, 14, 30));
    expect(create).not.toHaveBeenCalled();
    expect(await alarmTimes()).toEqual({ [`follow-up:${first}`]: at(20, 14), [`follow-up:${second}`]: at(20, 15, 30) });
    // The spy does see the worker's calls: a new time is set.
    await flagFollowUp(second, at(20, 16));
    await scheduleFollowUps(at(20, 14, 31));
    expect(create).toHaveBeenCalledTimes(1);
    create.mockRestore();
  });

  it('moves the alarm when the time is changed, and removes it when the follow-up is done or the session deleted', async () => {
    const first = await endedSession(1);
    const second = await endedSession(2);
    await flagFollowUp(first, at(20, 14));
    await flagFollowUp(second, at(20, 15));
    await scheduleFollowUps(at(20, 11));

    await editSession(first, [{ type: 'aftercare', fields: { followUpAt: at(20, 16) }, at: 2 }]);
    await scheduleFollowUps(at(20, 11, 5));
    expect((await fakeBrowser.alarms.get(`follow-up:${first}`))?.scheduledTime).toBe(at(20, 16));

    await editSession(first, [{ type: 'aftercare', fields: { followUpDoneAt: at(20, 12) }, at: 3 }]);
    await deleteSession(second);
    await scheduleFollowUps(at(20, 12));
    expect(await alarmTimes()).toEqual({});
  });

  it('sets no alarm for a follow-up unticked, or whose time has passed', async () => {
    const id = await endedSession();
    await flagFollowUp(id, at(20, 9));
    await scheduleFollowUps(at(20, 11));
    expect(await alarmTimes()).toEqual({});
    await flagFollowUp(id, at(20, 14));
    await editSession(id, [
      { type: 'aftercare', fields: { followUpToday: false, followUpAt: null, followUpDoneAt: null }, at: 4 },
    ]);
    await scheduleFollowUps(at(20, 11));
    expect(await alarmTimes()).toEqual({});
  });

  it('sets an alarm for the next contact only while that setting is on', async () => {
    const id = await endedSession();
    await editSession(id, [{ type: 'aftercare', fields: { nextContact: '2026-11-28' }, at: 1 }]);
    await scheduleFollowUps(at(20, 11));
    expect(await alarmTimes()).toEqual({ [`next-contact:${id}`]: at(27, 9) });
    await ownSettings.set({ ...DEFAULT_SETTINGS, remindNextContact: false });
    await scheduleFollowUps(at(20, 11, 1));
    expect(await alarmTimes()).toEqual({});
  });

  it('notifies when the alarm fires, and not for a follow-up done meanwhile, whose notification goes', async () => {
    const id = await endedSession();
    await flagFollowUp(id, at(20, 14));
    expect(await remind(`follow-up:${id}`, at(20, 14))).toBe(true);
    const shown = (await fakeBrowser.notifications.getAll())[`follow-up:${id}`] as unknown as {
      title: string;
      message: string;
    };
    expect(shown.title).toBe('Follow-up due');
    expect(shown.message).toMatch(/^Follow-up due: Google Meet session of \d\d:\d\d( [AP]M)?$/);

    // Marked done: the notification still on screen goes with the next look at the notes.
    await editSession(id, [{ type: 'aftercare', fields: { followUpDoneAt: at(20, 14, 5) }, at: 2 }]);
    await scheduleFollowUps(at(20, 14, 5));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await remind(`follow-up:${id}`, at(20, 14))).toBe(false);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('keeps its alarms while Callcare is locked, and fires with no word of the session', async () => {
    const id = await endedSession();
    await flagFollowUp(id, at(20, 14));
    await scheduleFollowUps(at(20, 11));
    await turnOn('a long passphrase');
    await lock();
    await scheduleFollowUps(at(20, 12));
    expect(await alarmTimes()).toEqual({ [`follow-up:${id}`]: at(20, 14) });
    expect(await remind(`follow-up:${id}`, at(20, 14))).toBe(true);
    const shown = (await fakeBrowser.notifications.getAll())[`follow-up:${id}`] as unknown as { message: string };
    expect(shown.message).toBe('A follow-up is due. Unlock Callcare to see which session.');
  });

  it('lists open follow-ups in the end-of-workday notice', async () => {
    const id = await endedSession();
    await editSession(id, [{ type: 'complete', at: 1 }]);
    await flagFollowUp(id, at(20, 14));
    await remindWorkdayEnd(false, at(20, 17, 30));
    const shown = (await fakeBrowser.notifications.getAll())['workday-end'] as unknown as { message: string };
    expect(shown.message).toMatch(/^1 follow-up still open:\n• Google Meet, \d\d:\d\d( [AP]M)?$/);
  });
});

describe('open follow-ups in the lists', () => {
  it('are those due today or earlier, soonest first; those done or due later are not', async () => {
    const row = (id: string, followUp: 'open' | 'done' | null, followUpAt: number | null) => ({
      id,
      startedAt: at(19, 9),
      followUp,
      followUpAt,
    });
    const rows = [
      row('later', 'open', at(20, 16)),
      row('tomorrow', 'open', at(21, 9)),
      row('yesterday', 'open', at(19, 15)),
      row('done', 'done', null),
      row('no-time', 'open', null),
      row('none', null, null),
    ];
    expect(openFollowUps(rows, at(20, 11)).map((each) => each.id)).toEqual(['no-time', 'yesterday', 'later']);
  });

  it('are what the History filter "Follow-up open" keeps', async () => {
    fakeBrowser.reset();
    const open = await endedSession(1);
    const done = await endedSession(2);
    await endedSession(3);
    await flagFollowUp(open, at(20, 14));
    await flagFollowUp(done, at(20, 14));
    await editSession(done, [{ type: 'aftercare', fields: { followUpDoneAt: at(20, 13) }, at: 2 }]);
    const rows = rowsOf(await readDigest());
    expect(filterRows(rows, { ...NO_FILTER, followUpOpen: true }).map((each) => each.id)).toEqual([open]);
    expect(rows.find((each) => each.id === open)).toMatchObject({ followUp: 'open', followUpAt: at(20, 14) });
    expect(rows.find((each) => each.id === done)).toMatchObject({ followUp: 'done', followUpAt: null });
  });
});
