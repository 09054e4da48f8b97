/**
 * The practitioner's own wellbeing in real Chromium: a daily maximum that
 * speaks up on the session beyond it, the workday-end reminder, the history's
 * filters, and the overview's charts.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeOf, type Harness, launch, notificationIds, openSettings, storedSessions } from './harness';
import { SidePanel } from './pages/sidePanel';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const RECORDING = 'Nobody records the session (or: a recording was agreed, with its purpose and who keeps it)';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function startCall(h: Harness, url: string) {
  const call = await h.openCall(url);
  const tabId = await h.tabIdOf(call);
  await expect.poll(() => badgeOf(h, tabId)).toBe('●');
  return { call, tabId };
}

describe('limits the practitioner sets', () => {
  it('speaks up, calmly, on the session beyond the daily maximum, and never blocks it', async () => {
    harness = await launch();
    const h = harness;
    const options = await openSettings(h);
    await options.getByLabel('Most sessions in a day').selectOption('2');
    await expect
      .poll(async () => (await h.inspect(() => chrome.storage.local.get('settings'))).settings)
      .toMatchObject({
        data: { maxSessionsPerDay: 2 },
      });

    const first = await startCall(h, 'https://meet.google.com/abc-defg-hij');
    const firstPanel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${first.tabId}`));
    await firstPanel.progress().waitFor();
    expect(await firstPanel.page.getByText(/over the maximum/).count()).toBe(0);
    await startCall(h, 'https://app.zoom.us/wc/81234567890/join');
    const third = await startCall(h, 'https://meet.jit.si/ThirdOfTheDay');

    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${third.tabId}`));
    const notice = panel.page.getByText('This is session 3 today, over the maximum of 2 you set.', { exact: false });
    await notice.waitFor();
    expect(await notificationIds(h)).toContain('daily-limit');
    // The call goes on: the checklist is all there and records as usual.
    await panel.setAgreement(RECORDING, 'Agreed');
    await panel.page.getByRole('button', { name: 'Dismiss for today' }).click();
    await notice.waitFor({ state: 'detached' });

    const popup = await h.extensionPage('popup.html');
    await popup.getByText('Sessions today: 3 of 2').waitFor();
  });

  it('reminds at the end of the workday, listing the notes still to write, snoozable once', async () => {
    harness = await launch();
    const h = harness;
    const options = await openSettings(h);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      await options.getByRole('checkbox', { name: day, exact: true }).check();
    }
    await options.getByLabel('End of the workday').fill('17:30');
    // The reminder is an alarm, so it comes with the service worker asleep.
    await expect
      .poll(() => h.inspect(async () => (await chrome.alarms.get('workday-end'))?.scheduledTime ?? null))
      .not.toBeNull();

    const { call } = await startCall(h, 'https://whereby.com/end-of-day');
    await call.close();
    await expect.poll(() => badgeOf(h)).toBe('1');

    const worker = await h.serviceWorker();
    await worker.evaluate(() =>
      (chrome.alarms.onAlarm as unknown as { dispatch(alarm: object): void }).dispatch({
        name: 'workday-end',
        scheduledTime: Date.now(),
      }),
    );
    // The browser shows the notification; its words (the notes listed, the snooze) are checked in the unit tests,
    // since a page cannot read a notification's text back.
    await expect.poll(() => notificationIds(h)).toContain('workday-end');
    // And the next workday end is scheduled again.
    await expect
      .poll(() => h.inspect(async () => (await chrome.alarms.get('workday-end'))?.scheduledTime ?? 0))
      .toBeGreaterThan(Date.now());
  });
});

describe('the history and the overview', () => {
  it('filters and searches every session, notes still to write first, and draws the last 30 days', async () => {
    harness = await launch();
    const h = harness;
    const meet = await startCall(h, 'https://meet.google.com/abc-defg-hij');
    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${meet.tabId}`));
    await panel.setAgreement(RECORDING, 'Declined');
    await panel.noteFor(RECORDING).fill('Father wants to keep a recording');
    const zoom = await startCall(h, 'https://app.zoom.us/wc/81234567890/join');
    await meet.call.close();
    await zoom.call.close();
    await expect.poll(() => badgeOf(h)).toBe('2');
    const aftercareTabs = h.context.pages().filter((page) => page.url().includes('/aftercare.html'));
    // Complete the Zoom session's note, so one is pending and one complete.
    const zoomId = String((await storedSessions(h)).find((session) => session.platform === 'zoom')?.id);
    const note =
      aftercareTabs.find((page) => page.url().includes(zoomId)) ??
      (await h.extensionPage(`aftercare.html?session=${zoomId}`));
    await note
      .getByRole('radiogroup', { name: 'How I am after this session' })
      .getByRole('radio', { name: 'Tired' })
      .check();
    await note.getByRole('button', { name: 'Save and complete' }).click();
    await note.getByText(/^Saved and complete at/).waitFor();

    const history = await h.extensionPage('options.html#history');
    await history.setViewportSize({ width: 1000, height: 900 });
    const results = history.getByRole('list', { name: 'History' }).getByRole('listitem');
    await expect.poll(() => results.count()).toBe(2);
    expect(await results.nth(0).innerText()).toContain('Aftercare note to write');
    await history.getByLabel('Platform').selectOption({ label: 'Zoom' });
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.nth(0).innerText()).toContain('Zoom');
    await history.getByLabel('Platform').selectOption({ label: 'All platforms' });
    await history.getByLabel('Search the notes').fill('father RECORDING');
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.nth(0).innerText()).toContain('Google Meet');
    // A note written while the search is on is found by it, without searching again.
    await history.getByLabel('Search the notes').fill('brother');
    await expect.poll(() => results.count()).toBe(0);
    const meetId = String((await storedSessions(h)).find((session) => session.platform === 'meet')?.id);
    const meetNote = await h.extensionPage(`aftercare.html?session=${meetId}`);
    await meetNote.getByLabel('Concerns', { exact: true }).fill('Mentioned his brother twice.');
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.nth(0).innerText()).toContain('Google Meet');
    await meetNote.close();
    await history.getByLabel('Search the notes').fill('');
    await history.getByLabel('State').selectOption({ label: 'Complete' });
    await expect.poll(() => results.count()).toBe(1);
    const today = await history.evaluate(() => new Date().toLocaleDateString('sv'));
    await history.getByLabel('State').selectOption({ label: 'All states' });
    await history.getByLabel('From', { exact: true }).fill(today);
    await expect.poll(() => results.count()).toBe(2);
    await history.getByLabel('To', { exact: true }).fill('2020-01-01');
    await expect.poll(() => results.count()).toBe(0);

    const overview = await h.extensionPage('options.html#overview');
    await overview.setViewportSize({ width: 1000, height: 1400 });
    await overview.getByText('Sessions per day, last 30 days').waitFor();
    await overview.getByRole('img', { name: '2 sessions in the last 30 days.' }).waitFor();
    await overview.getByRole('cell', { name: 'Tired 1' }).waitFor();
    await overview.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
    await overview.getByText('Show the numbers as a table').first().click();
    // Today's row, its date written as every date in Callcare is.
    const todayShown = await overview.evaluate(() =>
      new Date().toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    );
    await overview.getByRole('rowheader', { name: todayShown }).waitFor();
  });
});
