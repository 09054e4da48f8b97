/**
 * The practitioner's journey in Debian's firefox-esr, with the built Firefox
 * extension installed for good: the first install, a call detected on the
 * toolbar button, the sidebar recording a rule, the aftercare prompt when the
 * call closes, the note kept across a restart, and a call whose tab is gone
 * after a restart.
 *
 * Where Firefox differs from Chromium it is said here: its notifications
 * have no buttons (a click on the notification itself opens the note), and it
 * has one sidebar per window that follows the active tab, where Chromium has a
 * side panel per call tab.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FirefoxHarness, launchFirefox, SIDEBAR_ID, TOOLBAR_BUTTON_ID, waitForHandle } from './harness';

const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';
const PASSPHRASE = 'river lantern copper seven';
const NOISE = 'onButtonClicked|conduit|context not found|Content-Security-Policy|sidePanel';
const SHOTS = resolve(process.env.SCREENSHOT_DIR ?? resolve(import.meta.dirname, '../../test-results/screenshots'));

let harness: FirefoxHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The toolbar button as the browser shows it: where it is, its badge and its tooltip. */
function toolbarButton(h: FirefoxHarness) {
  return h.inBrowserWindow<{ inToolbar: boolean; badge: string | null; tooltip: string | null } | null>(
    `const button = document.getElementById(arguments[0]);
     if (!button) return null;
     return {
       inToolbar: button.closest('#nav-bar') !== null,
       badge: button.getAttribute('badge') ?? '',
       tooltip: button.getAttribute('tooltiptext'),
     };`,
    TOOLBAR_BUTTON_ID,
  );
}

function sidebarOpen(h: FirefoxHarness) {
  return h.inBrowserWindow<string | null>(`return SidebarController.isOpen ? SidebarController.currentID : null;`);
}

/** The sidebar's visible text, read from an extension page (the sidebar is one of Callcare's pages). */
function sidebarText(h: FirefoxHarness) {
  return h.inspect<string | null>(`() => {
    const [view] = browser.extension.getViews({ type: 'sidebar' });
    return view ? view.document.body.innerText : null;
  }`);
}

/** The open popup's visible text, or null when it is closed. */
function popupText(h: FirefoxHarness) {
  return h.inspect<string | null>(`() => {
    const [view] = browser.extension.getViews({ type: 'popup' });
    return view ? view.document.body.innerText : null;
  }`);
}

/** Clicks a button in the open popup with a real pointer, which counts as a person's gesture (the sidebar needs one). */
async function clickInPopup(h: FirefoxHarness, name: string) {
  const [x, y] = await h.inspect<[number, number]>(
    `(name) => {
      const [view] = browser.extension.getViews({ type: 'popup' });
      const button = [...view.document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
      const box = button.getBoundingClientRect();
      return [box.left + box.width / 2, box.top + box.height / 2];
    }`,
    name,
  );
  const [left, top] = await h.inBrowserWindow<[number, number]>(
    `const box = document.querySelector('.webextension-popup-browser').getBoundingClientRect();
     return [box.left, box.top];`,
  );
  await h.clickBrowserWindowAt(left + x, top + y);
}

/** The ids of the sessions stored, sealed or not (their list is never sealed). */
async function storedRecords(h: FirefoxHarness) {
  return h.inspect<string[]>(`async () => {
    const { openSessions } = await browser.storage.local.get('openSessions');
    return Object.keys(openSessions.data);
  }`);
}

async function storedSessions(h: FirefoxHarness) {
  return h.inspect<Array<Record<string, unknown>>>(`async () => {
    const all = await browser.storage.local.get(null);
    return Object.entries(all).filter(([key]) => key.startsWith('session:')).map(([, value]) => value.data);
  }`);
}

const notifications = (h: FirefoxHarness) =>
  h.inspect<Record<string, { buttons?: unknown[]; title?: string }>>(`() => browser.notifications.getAll()`);

/** The notifications on screen, as Firefox draws them: each one's title and text. */
function notificationWindows(h: FirefoxHarness) {
  return h.inBrowserWindow<string[]>(
    `return [...Services.wm.getEnumerator('alert:alert')].map((win) =>
       [win.document.getElementById('alertTitleLabel'), win.document.getElementById('alertTextLabel')]
         .map((label) => label.getAttribute('value') || label.textContent).join(': '));`,
  );
}

/** Clicks the notification on screen that says `text`. */
function clickNotification(h: FirefoxHarness, text: string) {
  return h.inBrowserWindow<boolean>(
    `for (const win of Services.wm.getEnumerator('alert:alert')) {
       const label = win.document.getElementById('alertTextLabel');
       if (!(label.getAttribute('value') || label.textContent).includes(arguments[0])) continue;
       win.document.getElementById('alertBox').click();
       return true;
     }
     return false;`,
    text,
  );
}

/** The address of the tab in front. */
const frontTab = (h: FirefoxHarness) => h.inBrowserWindow<string>('return gBrowser.selectedBrowser.currentURI.spec;');
const tabsShowing = (h: FirefoxHarness, start: string) =>
  h.inBrowserWindow<number>(
    'return gBrowser.tabs.filter((tab) => tab.linkedBrowser.currentURI.spec.startsWith(arguments[0])).length;',
    start,
  );

/** Console messages of the browser and of Callcare's pages that mention `pattern`. */
function consoleMessages(h: FirefoxHarness, pattern: string) {
  return h.inBrowserWindow<string[]>(
    `return Services.console.getMessageArray().map((message) => message.message ?? String(message))
       .filter((text) => new RegExp(arguments[0], 'i').test(text));`,
    pattern,
  );
}

const byLabel = `(text) => [...document.querySelectorAll('label')].find((label) => label.textContent.trim() === text)?.control`;
const byButton = `(text) => [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === text)`;

describe('Callcare in Firefox', () => {
  it('starts on a first install with the welcome page and its button in the toolbar; the sidebar opens when asked', async () => {
    harness = await launchFirefox({ keepWelcome: true });
    const h = harness;
    const welcome = await waitForHandle(h.marionette, `${h.origin}/welcome.html`);
    await h.switchTo(welcome);
    await h.element('the welcome page', `() => document.querySelector('h1')`);
    const text = await h.text();
    expect(text).toContain('Welcome to Callcare');
    expect(text).toContain("The checklist opens in Firefox's sidebar");
    expect(text).not.toContain('puzzle piece');

    // The toolbar button is in the toolbar from the start, not in the extensions menu, so its badge is seen.
    expect(await toolbarButton(h)).toMatchObject({ inToolbar: true });
    // The sidebar does not open by itself at install...
    expect(await sidebarOpen(h)).toBeNull();
    // ...but with a click on the welcome page.
    await h.click(await h.element('Open the sidebar', byButton, 'Open the sidebar'));
    await expect.poll(() => sidebarOpen(h)).toBe(SIDEBAR_ID);
    await expect.poll(() => sidebarText(h)).toContain('No session in this tab.');
    await mkdir(SHOTS, { recursive: true });
    await writeFile(join(SHOTS, 'firefox-welcome.png'), await h.screenshot());
  });

  it('detects a call, records a rule in the sidebar, asks for the aftercare note when it closes, and keeps the note across a restart', async () => {
    harness = await launchFirefox();
    const first = harness;
    const call = await first.openCall('https://meet.google.com/abc-defg-hij');

    // The call is recognised: the badge and the tooltip of the toolbar button, on the call's tab.
    await expect
      .poll(() => toolbarButton(first))
      .toEqual({ badge: '●', inToolbar: true, tooltip: 'Callcare: a session is running in this tab' });
    const [started] = await storedSessions(first);
    expect(started).toMatchObject({ platform: 'meet', host: 'meet.google.com', status: 'running' });
    // Only the platform and host are stored, never the meeting's address.
    expect(JSON.stringify(await first.inspect(`() => browser.storage.local.get(null)`))).not.toContain('abc-defg-hij');

    // A click on the toolbar button shows the session at a glance; "Open the checklist" opens the sidebar.
    await first.clickBrowserElement(`#${TOOLBAR_BUTTON_ID}`);
    await expect.poll(() => popupText(first)).toContain('0 of 11 agreed or answered');
    expect(await popupText(first)).toContain('Google Meet session');
    await clickInPopup(first, 'Open the checklist');
    await expect.poll(() => sidebarOpen(first)).toBe(SIDEBAR_ID);
    await expect.poll(() => sidebarText(first)).toContain('Google Meet session');
    expect(await sidebarText(first)).toContain('0 of 11 agreed or answered');
    // The popup closed as the sidebar opened, leaving nothing in the browser's console.
    await expect.poll(() => popupText(first)).toBeNull();
    await first.inspect(
      `(label) => {
        const [view] = browser.extension.getViews({ type: 'sidebar' });
        const group = view.document.querySelector('[role="radiogroup"][aria-label="What was agreed: ' + label + '"]');
        [...group.querySelectorAll('[role="radio"]')].find((radio) => radio.textContent === 'Agreed').click();
      }`,
      CAMERAS,
    );
    await expect.poll(() => sidebarText(first)).toContain('1 of 11 agreed or answered');
    // At Firefox's default sidebar width the progress in the header stays one line.
    expect(
      await first.inspect(`() => {
        const [view] = browser.extension.getViews({ type: 'sidebar' });
        const range = view.document.createRange();
        range.selectNodeContents(view.document.querySelector('.session-header .progress p'));
        return [view.innerWidth, new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size];
      }`),
    ).toEqual([252, 1]);
    await expect
      .poll(async () => (await storedSessions(first))[0]?.agreements)
      .toMatchObject({ 'rule-cameras': { state: 'agreed' } });
    await first.switchTo(call);
    await mkdir(SHOTS, { recursive: true });
    await writeFile(join(SHOTS, 'firefox-sidebar.png'), await first.screenshot());

    // Closing the call's tab ends the session: the aftercare page opens, with a notification (without buttons:
    // Firefox has none, so the Chromium journey's "Write aftercare note" button is not tried here).
    await first.marionette.send('WebDriver:CloseWindow');
    const sessionId = String(started?.id);
    const aftercare = await waitForHandle(first.marionette, `${first.origin}/aftercare.html?session=${sessionId}`);
    await expect.poll(async () => Object.keys(await notifications(first))).toContain(`aftercare:${sessionId}`);
    expect((await notifications(first))[`aftercare:${sessionId}`]?.buttons).toBeUndefined();
    expect(await notificationWindows(first)).toEqual([
      'The call has ended: Write the aftercare note for your Google Meet session while it is fresh.',
    ]);
    await expect.poll(async () => (await toolbarButton(first))?.badge).toBe('1');

    // With another tab in front, a click on the notification brings the note's tab back (not a second one).
    await first.openExtensionPage('options.html#settings');
    await expect.poll(() => frontTab(first)).toContain('/options.html');
    expect(await clickNotification(first, 'Google Meet')).toBe(true);
    await expect.poll(() => frontTab(first)).toContain(`/aftercare.html?session=${sessionId}`);
    expect(await tabsShowing(first, `${first.origin}/aftercare.html`)).toBe(1);
    await expect.poll(() => notificationWindows(first)).toEqual([]);

    await first.switchTo(aftercare);
    await first.type(await first.element('Concerns', byLabel, 'Concerns'), 'Quiet at the end.');
    await first.click(await first.element('Save and complete', byButton, 'Save and complete'));
    await expect.poll(() => first.text()).toMatch(/Saved and complete at/);
    // None of the noise Firefox used to log: a listener for notification buttons it does not have, listeners of
    // the closed popup and tabs, or a page's security policy refusing zod's test for eval.
    expect(await consoleMessages(first, NOISE)).toEqual([]);
    await first.close({ keepProfile: true });

    // After a restart on the same profile, the note is there, complete.
    harness = await launchFirefox({ profileDir: first.profileDir });
    const second = harness;
    await second.openExtensionPage(`aftercare.html?session=${sessionId}`);
    const concerns = await second.element('Concerns', byLabel, 'Concerns');
    await expect
      .poll(() => second.marionette.execute<string>('return arguments[0].value', [concerns]))
      .toBe('Quiet at the end.');
    expect(await storedSessions(second)).toEqual([expect.objectContaining({ id: started?.id, status: 'complete' })]);
    expect(await consoleMessages(second, NOISE)).toEqual([]);
  });

  it('starts a session by hand from the popup for a phone call, and shows it in the sidebar', async () => {
    harness = await launchFirefox();
    const h = harness;
    await h.clickBrowserElement(`#${TOOLBAR_BUTTON_ID}`);
    await expect.poll(() => popupText(h)).toContain('Start a session by hand');
    await h.inspect(`() => {
      const [view] = browser.extension.getViews({ type: 'popup' });
      const kind = [...view.document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Kind of call').control;
      const phone = [...kind.options].find((option) => option.textContent.trim() === 'Phone call');
      // React reads a select's value from its change event.
      Object.getOwnPropertyDescriptor(view.HTMLSelectElement.prototype, 'value').set.call(kind, phone.value);
      kind.dispatchEvent(new view.Event('change', { bubbles: true }));
    }`);
    await clickInPopup(h, 'Start session');
    await expect
      .poll(async () => (await storedSessions(h))[0])
      .toMatchObject({ origin: 'manual', platform: 'phone', host: null, status: 'running' });
    await h.inBrowserWindow(`SidebarController.show(arguments[0]);`, SIDEBAR_ID);
    await expect.poll(() => sidebarText(h)).toContain('Phone call session');
  });

  it('keeps the note encrypted at rest from the first install, across a restart, until unlocked', async () => {
    harness = await launchFirefox({ keepWelcome: true });
    const first = harness;
    await first.switchTo(await waitForHandle(first.marionette, `${first.origin}/welcome.html`));
    await first.type(await first.element('New passphrase', byLabel, 'New passphrase'), PASSPHRASE);
    await first.type(await first.element('passphrase again', byLabel, 'The same passphrase again'), PASSPHRASE);
    await first.click(
      await first.element('the checkbox', byLabel, 'I understand that a forgotten passphrase cannot be recovered.'),
    );
    await first.click(await first.element('Turn on protection', byButton, 'Turn on protection'));
    await expect.poll(() => first.text(), { timeout: 30_000 }).toContain('Protection is on.');

    // A call, ended by "End session" in the sidebar: the note is written on the aftercare page.
    await first.openCall('https://whereby.com/family-room');
    await first.inBrowserWindow(`SidebarController.show(arguments[0]);`, SIDEBAR_ID);
    await expect.poll(() => sidebarText(first)).toContain('Whereby session');
    for (const name of ['End session', 'Yes, end session']) {
      await first.inspect(
        `(name) => {
          const [view] = browser.extension.getViews({ type: 'sidebar' });
          [...view.document.querySelectorAll('button')].find((button) => button.textContent.trim() === name).click();
        }`,
        name,
      );
    }
    const [ended] = await storedRecords(first);
    const aftercare = await waitForHandle(first.marionette, `${first.origin}/aftercare.html`);
    await first.switchTo(aftercare);
    await first.type(await first.element('Concerns', byLabel, 'Concerns'), 'Grandmother listens in');
    await first.click(await first.element('Save and complete', byButton, 'Save and complete'));
    await expect.poll(() => first.text()).toMatch(/Saved and complete at/);
    const raw = JSON.stringify(await first.inspect(`() => browser.storage.local.get(null)`));
    expect(raw).toContain('"sealed":1');
    expect(raw).not.toContain('Grandmother');
    expect(raw).not.toContain(PASSPHRASE);
    expect(ended).toBeDefined();
    await first.close({ keepProfile: true });

    // After the restart Callcare is locked: the page asks for the passphrase and shows nothing until then.
    harness = await launchFirefox({ profileDir: first.profileDir });
    const second = harness;
    await second.openExtensionPage(`aftercare.html?session=${ended}`);
    await expect.poll(() => second.text()).toContain('Callcare is locked');
    expect(await second.text()).not.toContain('Grandmother');
    await second.type(await second.element('Passphrase', byLabel, 'Passphrase'), PASSPHRASE);
    await second.click(await second.element('Unlock', byButton, 'Unlock'));
    const concerns = await second.element('Concerns', byLabel, 'Concerns');
    await expect
      .poll(() => second.marionette.execute<string>('return arguments[0].value', [concerns]), { timeout: 30_000 })
      .toBe('Grandmother listens in');
  });

  it('turns a call whose tab is gone after a restart into an aftercare note to write', async () => {
    harness = await launchFirefox();
    const first = harness;
    await first.openCall('https://doxy.me/drsmith');
    await expect.poll(async () => (await storedSessions(first))[0]?.status).toBe('running');
    await first.close({ keepProfile: true });

    // Firefox starts again without the call's tab (it does not restore tabs here). Unlike Chromium, Firefox tells
    // Callcare that the tab closed as it quits, so the session ended then, at the right time.
    harness = await launchFirefox({ profileDir: first.profileDir });
    const h = harness;
    await expect
      .poll(() => storedSessions(h))
      .toEqual([expect.objectContaining({ platform: 'doxy', status: 'aftercare-pending', endReason: 'tab-closed' })]);
    await expect.poll(async () => (await toolbarButton(h))?.badge).toBe('1');
    // Its prompt was not seen while Firefox quit, so it comes now.
    await expect
      .poll(() => notificationWindows(h))
      .toEqual(['The call has ended: Write the aftercare note for your Doxy.me session while it is fresh.']);
  });
});
