/**
 * An aftercare note that follows up, in real Chromium: a follow-up flagged
 * today gets a reminder time, its alarm fires through the worker with a
 * notification, the popup lists it until it is done, History marks it, and
 * the date of next contact has its own reminder while that setting is on.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { badgeOf, type Harness, launch, notificationIds, openSettings, storedSessions } from './harness';
import { AftercarePage } from './pages/aftercarePage';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const alarmTime = (h: Harness, name: string) =>
  h.inspect(async (alarm) => (await chrome.alarms.get(alarm))?.scheduledTime ?? null, name);

describe('an aftercare note that follows up', () => {
  it('reminds of a follow-up at the time picked, lists it in the popup and History until done', async () => {
    harness = await launch();
    const h = harness;
    // Every day a working day, so tomorrow's next contact is reminded of tomorrow morning whatever day this runs.
    const options = await openSettings(h);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      await options.getByRole('checkbox', { name: day, exact: true }).check();
    }
    await expect
      .poll(async () => (await h.inspect(() => chrome.storage.local.get('settings'))).settings)
      .toMatchObject({ data: { workingDays: [0, 1, 2, 3, 4, 5, 6] } });

    const call = await h.openCall('https://meet.google.com/abc-defg-hij');
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    await call.close();
    await expect.poll(() => badgeOf(h)).toBe('1');
    const id = String((await storedSessions(h))[0]?.id);

    const note = new AftercarePage(await h.extensionPage(`aftercare.html?session=${id}`));
    await note.page.getByText(/^Ended .+, after (less than a minute|\d+ minutes?)\.$/).waitFor();
    expect(await note.page.getByLabel('Remind me at').count()).toBe(0);
    await note.page.getByRole('checkbox', { name: 'A concern needs follow-up today' }).check();
    const remindAt = note.page.getByLabel('Remind me at');
    await expect.poll(() => remindAt.inputValue()).toMatch(/^\d\d:\d\d$/);
    await expect
      .poll(
        async () => ((await storedSessions(h))[0]?.aftercare as { followUpAt: number | null } | undefined)?.followUpAt,
      )
      .not.toBeNull();
    const followUpAt = Number(
      ((await storedSessions(h))[0]?.aftercare as { followUpAt: number } | undefined)?.followUpAt,
    );
    // The default: two hours on, within today.
    expect(followUpAt).toBeGreaterThan(Date.now());
    expect(followUpAt).toBeLessThanOrEqual(Date.now() + 2 * 60 * 60_000 + 5 * 60_000);
    await expect.poll(() => alarmTime(h, `follow-up:${id}`)).toBe(followUpAt);

    const tomorrow = await note.page.evaluate(() => {
      const date = new Date();
      return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1, 12).toLocaleDateString('sv');
    });
    await note.field('Date of next contact').fill(tomorrow);
    // Linked to a client, whose page shows the date at the top.
    await note.field('Client (pseudonym or case code)').fill('FS-7');
    await note.page.getByRole('button', { name: 'Link client' }).click();
    await note.page.getByRole('button', { name: 'Create client "FS-7" and link' }).click();
    await note.page.getByText('Client: FS-7').waitFor();
    const tomorrowMorning = await note.page.evaluate(() => {
      const date = new Date();
      return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1, 9).getTime();
    });
    await expect.poll(() => alarmTime(h, `next-contact:${id}`)).toBe(tomorrowMorning);

    await note.page.setViewportSize({ width: 1000, height: 1200 });
    await note.page.bringToFront();
    await note.page.screenshot({ path: join(SHOTS, 'aftercare-follow-up.png'), fullPage: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await note.page.emulateMedia({ colorScheme });
      expect(await axeViolations(note.page)).toEqual([]);
    }
    await note.page.setViewportSize({ width: 320, height: 900 });
    expect(await note.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await note.page.bringToFront();
    await note.page.screenshot({ path: join(SHOTS, 'aftercare-follow-up-320.png') });
    await note.save();
    await note.page.getByText(/^Saved and complete at/).waitFor();

    // The alarm fires (the browser does it with the worker asleep): the notification is shown.
    const worker = await h.serviceWorker();
    await worker.evaluate(
      (alarm) =>
        (chrome.alarms.onAlarm as unknown as { dispatch(alarm: object): void }).dispatch({
          name: alarm.name,
          scheduledTime: alarm.when,
        }),
      { name: `follow-up:${id}`, when: followUpAt },
    );
    await expect.poll(() => notificationIds(h)).toContain(`follow-up:${id}`);

    // History marks the session, and keeps it under the "Follow-up open" filter.
    const history = await h.extensionPage('options.html#history');
    await history.setViewportSize({ width: 1000, height: 900 });
    const results = history.getByRole('list', { name: 'History' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(1);
    await results
      .first()
      .getByText(/^Follow-up open, due /)
      .waitFor();
    await results
      .first()
      .getByText(/^Next contact: /)
      .waitFor();
    await history.getByRole('checkbox', { name: 'Follow-up open' }).check();
    await expect.poll(() => results.count()).toBe(1);
    await history.bringToFront();
    await history.screenshot({ path: join(SHOTS, 'history-follow-up.png'), fullPage: true });

    // The popup lists it, with its time, and marks it done.
    const popup = await h.extensionPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 700 });
    const due = popup.getByRole('region', { name: 'Follow-ups due' });
    await due.getByRole('button', { name: /^Google Meet session of .+ · due .+$/ }).waitFor();
    await popup.bringToFront();
    await popup.screenshot({ path: join(SHOTS, 'popup-follow-up.png'), fullPage: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup)).toEqual([]);
    }
    await due.getByRole('button', { name: /^Follow-up done: Google Meet session of / }).click();
    await due.waitFor({ state: 'detached' });
    await expect
      .poll(
        async () =>
          ((await storedSessions(h))[0]?.aftercare as { followUpDoneAt: number | null } | undefined)?.followUpDoneAt,
      )
      .not.toBeNull();
    // Done: no alarm is left, its notification goes, and History no longer marks it.
    await expect.poll(() => alarmTime(h, `follow-up:${id}`)).toBeNull();
    await expect.poll(() => notificationIds(h)).not.toContain(`follow-up:${id}`);
    await expect.poll(() => results.count()).toBe(0);

    // The aftercare page says it is done, and can open it again.
    await note.page.getByText(/^Follow-up done at /).waitFor();

    const client = await h.extensionPage('options.html#clients');
    await client.setViewportSize({ width: 1000, height: 900 });
    await client.getByRole('link', { name: 'FS-7' }).click();
    const contactLine = await client.evaluate(
      (date) =>
        new Date(`${date}T12:00`).toLocaleDateString(undefined, {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        }),
      tomorrow,
    );
    await client.getByText(`Next contact: ${contactLine}`).waitFor();
    await client.bringToFront();
    await client.screenshot({ path: join(SHOTS, 'client-next-contact.png') });

    // Without the setting, no reminder of the next contact.
    await options.getByRole('checkbox', { name: 'Remind me on the day of the next contact' }).uncheck();
    await expect.poll(() => alarmTime(h, `next-contact:${id}`)).toBeNull();
    await options.getByRole('heading', { name: 'Your own wellbeing' }).scrollIntoViewIfNeeded();
    await options.bringToFront();
    await options.screenshot({ path: join(SHOTS, 'settings-next-contact.png') });
  });
});
