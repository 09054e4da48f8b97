/**
 * What starts and ends a session in real Chromium: reloads, leaving the call,
 * two calls at once, "End session", a stopped service worker and a browser
 * restart in the middle of a call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { badgeOf, type Harness, launch, notificationIds, storedSessions } from './harness';
import { SidePanel } from './pages/sidePanel';

const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';
const OBJECTIVES = 'The objectives of this session were agreed';
const PRIVACY = 'The client can speak freely and privately where they are now';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const byStatus = async (h: Harness, status: string) =>
  (await storedSessions(h)).filter((session) => session.status === status);

describe('the session lifecycle', () => {
  it('keeps one session through a reload, and ends it when the tab leaves the call', async () => {
    harness = await launch();
    const h = harness;
    const call = await h.openCall('https://app.zoom.us/wc/81234567890/join');
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    await call.reload();
    await call.goto('https://app.zoom.us/wc/81234567890/start');
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    expect(await storedSessions(h)).toHaveLength(1);

    await call.goto('https://app.zoom.us/wc/home');
    await expect
      .poll(async () => (await storedSessions(h))[0])
      .toMatchObject({
        status: 'aftercare-pending',
        endReason: 'navigated-away',
        platform: 'zoom',
        host: 'app.zoom.us',
      });
    await expect.poll(() => badgeOf(h, tabId)).toBe('1');
  });

  it('runs two calls in two tabs as two sessions, and "End session" ends only its own', async () => {
    harness = await launch();
    const h = harness;
    const first = await h.openCall('https://meet.jit.si/FamilySupportRoom42');
    const second = await h.openCall('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0');
    const firstTab = await h.tabIdOf(first);
    const secondTab = await h.tabIdOf(second);
    await expect.poll(() => badgeOf(h, firstTab)).toBe('●');
    await expect.poll(() => badgeOf(h, secondTab)).toBe('●');
    expect((await storedSessions(h)).map((session) => session.platform).sort()).toEqual(['jitsi', 'teams']);

    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${firstTab}`));
    await panel.setAgreement(OBJECTIVES, 'Agreed');
    await panel.endSession();
    await expect.poll(() => badgeOf(h, firstTab)).toBe('1');
    await panel.page.getByRole('button', { name: 'Write the aftercare note' }).waitFor();
    const sessions = await storedSessions(h);
    expect(sessions.find((session) => session.platform === 'jitsi')).toMatchObject({
      status: 'aftercare-pending',
      endReason: 'ended-by-practitioner',
      agreements: { 'rule-objectives': { state: 'agreed' } },
    });
    expect(sessions.find((session) => session.platform === 'teams')).toMatchObject({ status: 'running' });
    expect(await badgeOf(h, secondTab)).toBe('●');

    // The Jitsi tab stays on the call page after "End session": a reload does not start a new session by itself.
    await first.reload();
    await second.reload();
    // Tab events are handled in order: once a new call's badge shows, the reloads above have been handled.
    const third = await h.openCall('https://whereby.com/after-reload-check');
    await expect.poll(async () => badgeOf(h, await h.tabIdOf(third))).toBe('●');
    expect((await storedSessions(h)).map((session) => session.platform).sort()).toEqual(['jitsi', 'teams', 'whereby']);
    expect(await badgeOf(h, firstTab)).toBe('1');
    expect(await badgeOf(h, secondTab)).toBe('●');
  });

  it('loses nothing when the service worker is stopped in the middle of a call', async () => {
    harness = await launch();
    const h = harness;
    const call = await h.openCall('https://whereby.com/counselling-room');
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
    await panel.setAgreement(CAMERAS, 'Agreed');

    await h.stopServiceWorker();
    await panel.setAgreement(PRIVACY, 'Declined');
    await panel.noteFor(PRIVACY).fill('Her father is in the next room');

    const aftercareOpened = h.context.waitForEvent('page', (page) => page.url().includes('/aftercare.html'));
    await call.close();
    await aftercareOpened;
    await expect
      .poll(async () => (await storedSessions(h))[0])
      .toMatchObject({
        status: 'aftercare-pending',
        endReason: 'tab-closed',
        agreements: {
          'rule-cameras': { state: 'agreed' },
          'rule-privacy': { state: 'declined', note: 'Her father is in the next room' },
        },
      });
  });

  it('turns a call that was running when the browser closed into an aftercare note to write', async () => {
    harness = await launch();
    const first = harness;
    const call = await first.openCall('https://doxy.me/drsmith');
    const tabId = await first.tabIdOf(call);
    await expect.poll(() => badgeOf(first, tabId)).toBe('●');
    const panel = new SidePanel(await first.extensionPage(`sidepanel.html?tab=${tabId}`));
    await panel.setAgreement(CAMERAS, 'Not applicable');
    await expect
      .poll(async () => (await storedSessions(first))[0]?.agreements)
      .toMatchObject({
        'rule-cameras': { state: 'not-applicable' },
      });
    await first.close({ keepProfile: true });

    harness = await launch(first.profileDir);
    const h = harness;
    await expect.poll(() => byStatus(h, 'aftercare-pending')).toHaveLength(1);
    expect(await storedSessions(h)).toEqual([
      expect.objectContaining({
        platform: 'doxy',
        endReason: 'browser-closed',
        agreements: expect.objectContaining({ 'rule-cameras': expect.objectContaining({ state: 'not-applicable' }) }),
      }),
    ]);
    await expect.poll(() => badgeOf(h)).toBe('1');
    await expect.poll(() => notificationIds(h)).toHaveLength(1);
  });

  it('starts a session by hand for a phone call from the popup page and shows it in the panel', async () => {
    harness = await launch();
    const h = harness;
    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('combobox', { name: 'Kind of call' }).selectOption({ label: 'Phone call' });
    await popup.getByRole('button', { name: 'Start session' }).click();
    await expect
      .poll(async () => (await storedSessions(h))[0])
      .toMatchObject({
        origin: 'manual',
        platform: 'phone',
        host: null,
        status: 'running',
      });
    const panel = await h.extensionPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Phone call session' }).waitFor();
  });
});
