/**
 * The practitioner's main journey in real Chromium: a call tab becomes a
 * session, the popup and side panel record it, and closing the call prompts
 * for the aftercare note, which is kept as it is typed.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeOf, type Harness, launch, notificationIds, storedSessions } from './harness';
import { AftercarePage } from './pages/aftercarePage';
import { SidePanel } from './pages/sidePanel';
import { ToolbarPopup } from './pages/toolbarPopup';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const MEET = 'https://meet.google.com/abc-defg-hij';
const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';
const RECORDING = 'Nobody records the session (or: a recording was agreed, with its purpose and who keeps it)';
const QUIET = 'I am in a quiet, private space; phone and notifications are off';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('installing', () => {
  it('loads from .output/chrome-mv3 as an unpacked extension, with no errors and only the hosts it needs', async () => {
    harness = await launch();
    const page = await harness.context.newPage();
    await page.setViewportSize({ width: 1000, height: 420 });
    await page.goto('chrome://extensions');
    await page.locator('#devMode').click();
    const card = page.locator('extensions-item').filter({ has: page.locator('#name', { hasText: 'Callcare' }) });
    await card.waitFor();
    expect(await card.getByRole('button', { name: 'Errors' }).count()).toBe(0);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'load-unpacked.png') });
    const manifest = await harness.inspect(() => chrome.runtime.getManifest());
    expect(manifest.permissions?.sort()).toEqual([
      'alarms',
      'idle',
      'notifications',
      'sidePanel',
      'storage',
      'unlimitedStorage',
    ]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    expect(manifest.content_scripts).toBeUndefined();
  });
});

describe('a session from call to aftercare note', () => {
  it('marks the call tab, records the checklist, and asks for the aftercare note when the tab closes', async () => {
    harness = await launch();
    const h = harness;
    await mkdir(SHOTS, { recursive: true });

    const landing = await h.openCall('https://meet.google.com/landing');
    const call = await h.openCall(MEET);
    const callTab = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, callTab)).toBe('●');
    // Events are handled in order, so the landing page (not a call) has been looked at by now.
    expect(await badgeOf(h, await h.tabIdOf(landing))).toBe('');
    const [started] = await storedSessions(h);
    expect(started).toMatchObject({ platform: 'meet', host: 'meet.google.com', status: 'running' });
    expect(await storedSessions(h)).toHaveLength(1);

    // The toolbar popup shows the session at a glance and opens the side panel beside the call.
    const popup = await ToolbarPopup.open(h, call);
    const glance = await popup.textOnceItShows('agreed or answered');
    expect(glance).toContain('Google Meet session');
    expect(glance).toContain('Running for');
    expect(glance).toContain('0 of 11 agreed or answered');
    await popup.screenshot(join(SHOTS, 'popup.png'));
    await popup.pressButton('Open the checklist');
    await expect
      .poll(() =>
        h.inspect(async () =>
          (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.SIDE_PANEL] })).map(
            (context) => context.documentUrl,
          ),
        ),
      )
      .toContainEqual(expect.stringContaining(`sidepanel.html?tab=${callTab}`));

    // The side panel page, opened in a tab to drive it, records agreements, checks and people.
    const panelPage = await h.extensionPage(`sidepanel.html?tab=${callTab}`);
    await panelPage.setViewportSize({ width: 320, height: 1400 });
    const panel = new SidePanel(panelPage);
    await expect.poll(() => panel.progress().textContent()).toBe('0 of 11 agreed or answered');
    // The preparation first, while its step is open at the start of the call.
    await panel.check(QUIET).check();
    await panel.setAgreement(CAMERAS, 'Declined');
    await panel.noteFor(CAMERAS).fill("Client's camera is broken; audio only");
    await panel.setAgreement(RECORDING, 'Agreed');
    await panel.addPerson('Client side', 'Parent', 'M.');
    await expect.poll(() => panel.progress().textContent()).toBe('2 of 11 agreed or answered');
    await expect.poll(() => panelPage.getByText('Parent').count()).toBeGreaterThan(0);
    await panelPage.setViewportSize({ width: 320, height: 900 });
    await panelPage
      .getByRole('heading', { name: 'Rules of communication' })
      .evaluate((heading) => heading.scrollIntoView());
    await panelPage.screenshot({ path: join(SHOTS, 'side-panel.png') });

    await expect
      .poll(async () => (await storedSessions(h))[0])
      .toMatchObject({
        agreements: {
          'rule-cameras': { state: 'declined', note: "Client's camera is broken; audio only" },
          'rule-recording': { state: 'agreed' },
        },
        checks: { 'prep-space': { checked: true } },
        people: [{ side: 'client', role: 'parent', name: 'M.' }],
      });
    // The meeting code is never stored, only the platform and host.
    const everything = JSON.stringify(await h.inspect(() => chrome.storage.local.get(null), null));
    expect(everything).not.toContain('abc-defg-hij');

    // Closing the call tab ends the session: a notification, the aftercare page, and the badge count.
    const aftercareOpened = h.context.waitForEvent('page', (page) => page.url().includes('/aftercare.html'));
    await call.close();
    const aftercarePage = await aftercareOpened;
    const sessionId = String(started?.id);
    expect(aftercarePage.url()).toContain(`session=${sessionId}`);
    await expect.poll(() => notificationIds(h)).toContain(`aftercare:${sessionId}`);
    await expect.poll(() => badgeOf(h)).toBe('1');

    // The aftercare note is kept as it is typed; closing the page halfway loses nothing.
    let aftercare = new AftercarePage(aftercarePage);
    await aftercare.record().getByText("Client's camera is broken; audio only").waitFor();
    await aftercare.record().getByText('Declined').first().waitFor();
    await aftercare.chooseClientSeemed('Unsure');
    await aftercare.field('Concerns').fill('Quiet at the end; mentioned her brother twice.');
    await aftercare.field('Other help made available').fill('Crisis line number shared.');
    await expect
      .poll(async () => (await storedSessions(h))[0]?.aftercare)
      .toMatchObject({
        clientSeemed: 'unsure',
        concerns: 'Quiet at the end; mentioned her brother twice.',
        otherHelp: 'Crisis line number shared.',
      });
    await aftercarePage.close();

    const reopened = await h.extensionPage(`aftercare.html?session=${sessionId}`);
    aftercare = new AftercarePage(reopened);
    await expect
      .poll(() => aftercare.field('Concerns').inputValue())
      .toBe('Quiet at the end; mentioned her brother twice.');
    expect(await aftercare.page.getByRole('radio', { name: 'Unsure' }).isChecked()).toBe(true);
    await aftercare.field('My own wellbeing').fill('Tired, fine.');
    await aftercare.page.getByRole('checkbox', { name: 'I would like supervision about this session' }).check();
    await aftercare.save();
    await expect.poll(() => aftercare.status().textContent()).toMatch(/^Saved and complete at/);
    await reopened.setViewportSize({ width: 1100, height: 1300 });
    await reopened.screenshot({ path: join(SHOTS, 'aftercare.png'), fullPage: true });

    await expect
      .poll(async () => (await storedSessions(h))[0])
      .toMatchObject({
        status: 'complete',
        endReason: 'tab-closed',
        aftercare: { wellbeing: 'Tired, fine.', wantsSupervision: true },
      });
    await expect.poll(() => badgeOf(h)).toBe('');
    await expect.poll(() => notificationIds(h)).not.toContain(`aftercare:${sessionId}`);
    expect(h.outsideRequests).toEqual([]);
  });
});
