/**
 * Confidentiality and integrity in real Chromium: protection with a
 * passphrase across a browser restart, auto-lock, backup and restore after a
 * wipe, asking for one custom host, no request leaving the extension, and
 * nothing a person typed ever run as code.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeOf, type Harness, launch, openSettings, storedSessions } from './harness';
import { SidePanel } from './pages/sidePanel';

const PASSPHRASE = 'river lantern copper seven';
const PRESENT = 'Everyone present on both sides is named, and anyone who joins is announced';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function turnProtectionOn(h: Harness) {
  const page = await openSettings(h);
  const form = page.getByRole('form', { name: 'Turn on protection' });
  await form.getByLabel('New passphrase').fill(PASSPHRASE);
  await form.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await form.getByRole('checkbox', { name: 'I understand that a forgotten passphrase cannot be recovered.' }).check();
  await form.getByRole('button', { name: 'Turn on protection' }).click();
  await page.getByText('Protection is on. Callcare stores your records encrypted.').waitFor({ timeout: 20_000 });
  return page;
}

async function callWithNote(h: Harness, url: string, note: string) {
  const call = await h.openCall(url);
  const tabId = await h.tabIdOf(call);
  await expect.poll(() => badgeOf(h, tabId)).toBe('●');
  const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
  await panel.setAgreement(PRESENT, 'Agreed');
  await panel.noteFor(PRESENT).fill(note);
  return { call, panel, tabId };
}

interface VirtualDisplay {
  name: string;
  /** Does what opens the browser's prompt, waits for the prompt to take the focus from `page`, and answers it by keyboard. */
  answerPrompt(page: Page, open: () => Promise<void>, answer: 'allow' | 'deny'): Promise<void>;
  stop(): void;
}

async function virtualDisplay(): Promise<VirtualDisplay> {
  const number = 90 + Math.floor(Math.random() * 9);
  const name = `:${number}`;
  const server = spawn('Xvfb', [name, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    server.once('error', () =>
      reject(new Error('Xvfb is missing: .ci/run installs it (apt-get install xvfb xdotool)')),
    );
    server.once('spawn', () => resolve());
  });
  // Ready once the display's socket exists.
  await expect.poll(() => existsSync(`/tmp/.X11-unix/X${number}`), { timeout: 10_000 }).toBe(true);
  const env = { ...process.env, DISPLAY: name };
  const xdotool = (...args: string[]) => execFileSync('xdotool', args, { env }).toString().trim();
  return {
    name,
    async answerPrompt(page, open, answer) {
      await open();
      const asking = page.getByText(/^Asking the browser for permission/);
      await asking.waitFor();
      // The prompt is drawn by the browser itself: neither DevTools nor the X server tells when it is up. So the
      // answer is typed, and typed again, until the page's request has its answer. "Deny" is the focused button,
      // "Allow" the one before it.
      const keys = answer === 'allow' ? ['shift+Tab', 'Return'] : ['Return'];
      await expect
        .poll(
          async () => {
            xdotool('key', '--delay', '100', ...keys);
            return asking.isVisible();
          },
          { timeout: 15_000, interval: 800 },
        )
        .toBe(false);
    },
    stop: () => server.kill(),
  };
}

const rawStorage = (h: Harness) => h.inspect(async () => JSON.stringify(await chrome.storage.local.get(null)));

describe('protection with a passphrase', () => {
  it('keeps records encrypted at rest, across a browser restart, until unlocked', async () => {
    harness = await launch();
    const first = harness;
    await turnProtectionOn(first);
    const { panel } = await callWithNote(first, 'https://meet.google.com/abc-defg-hij', 'Grandmother listens in');
    await panel.linkClient('FS-900');
    await expect.poll(() => rawStorage(first)).toContain('"sealed":1');
    const raw = await rawStorage(first);
    expect(raw).not.toContain('Grandmother');
    expect(raw).not.toContain('FS-900');
    expect(raw).not.toContain(PASSPHRASE);
    await first.close({ keepProfile: true });

    harness = await launch(first.profileDir);
    const h = harness;
    // Locked after the restart: the badge still counts the note to write, nothing else shows.
    await expect.poll(() => badgeOf(h)).toBe('1');
    const sessionId = String(
      (
        await h.inspect(async () => {
          const { openSessions } = await chrome.storage.local.get('openSessions');
          return Object.keys((openSessions as { data: object }).data);
        })
      )[0],
    );
    const aftercare = await h.extensionPage(`aftercare.html?session=${sessionId}`);
    await aftercare.getByRole('heading', { name: 'Callcare is locked' }).waitFor();
    expect(await aftercare.getByText('Grandmother').count()).toBe(0);
    await aftercare.getByLabel('Passphrase', { exact: true }).fill('river lantern copper eight');
    await aftercare.getByRole('button', { name: 'Unlock' }).click();
    await aftercare.getByText('That passphrase is not right. Nothing was changed.').waitFor({ timeout: 20_000 });
    await aftercare.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await aftercare.getByRole('button', { name: 'Unlock' }).click();
    await aftercare.getByRole('heading', { name: 'Aftercare note' }).waitFor({ timeout: 20_000 });
    await aftercare.getByRole('complementary').getByText('Grandmother listens in').waitFor();
  });

  it('remembers a call that starts while locked, and locks itself when the computer is idle', async () => {
    harness = await launch();
    const h = harness;
    const options = await turnProtectionOn(h);
    await options.getByRole('button', { name: 'Lock now' }).click();
    await options.getByText('Protection is on, and Callcare is locked.').waitFor();

    // A call while locked: the badge marks it, and closing it still asks for the aftercare note.
    const call = await h.openCall('https://meet.jit.si/LockedRoom');
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    await call.close();
    await expect.poll(() => h.inspect(async () => Object.keys(await chrome.notifications.getAll()))).toHaveLength(1);
    await expect.poll(() => badgeOf(h)).toBe('1');

    // Unlocking writes the session's record.
    await options.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await options.getByRole('button', { name: 'Unlock' }).click();
    await options.getByText('Protection is on. Callcare stores your records encrypted.').waitFor({ timeout: 20_000 });
    await expect
      .poll(async () =>
        (await h.inspect(async () => Object.keys(await chrome.storage.local.get(null)))).some((key) =>
          key.startsWith('session:'),
        ),
      )
      .toBe(true);

    // The computer goes idle: the browser tells the background, which locks.
    await options.getByLabel('Lock after the computer has been idle for').selectOption({ label: '5 minutes' });
    const worker = await h.serviceWorker();
    await worker.evaluate(() =>
      (chrome.idle.onStateChanged as unknown as { dispatch(state: string): void }).dispatch('idle'),
    );
    await options.getByText('Protection is on, and Callcare is locked.').waitFor();
    expect(await h.inspect(async () => Object.keys(await chrome.storage.session.get(null)))).not.toContain(
      'unlockedKey',
    );
  });
});

describe('backups', () => {
  it('backs up, wipes everything, and restores from the file', async () => {
    harness = await launch();
    const h = harness;
    const { call } = await callWithNote(h, 'https://whereby.com/backup-room', 'Kept through a wipe');
    await call.close();
    await expect.poll(async () => (await storedSessions(h))[0]?.status).toBe('aftercare-pending');

    const page = await openSettings(h);
    const downloaded = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Backups' }).getByRole('button', { name: 'Download a backup' }).click();
    const file = join(await mkdtemp(join(tmpdir(), 'callcare-backup-')), 'backup.json');
    await (await downloaded).saveAs(file);
    expect(await readFile(file, 'utf8')).toContain('"format":"callcare-backup"');

    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete everything now' }).click();
    await page.getByText('Everything was deleted.').waitFor();
    await expect.poll(() => storedSessions(h)).toEqual([]);
    await expect.poll(() => badgeOf(h)).toBe('');

    // A file that is not a backup is refused, and changes nothing.
    const junk = join(tmpdir(), 'not-a-backup.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(junk, '{"format":"something-else"}'));
    await page.getByLabel('Restore from a backup file').setInputFiles(junk);
    await page.getByText('This file is not a Callcare backup.').waitFor();

    await page.getByLabel('Restore from a backup file').setInputFiles(file);
    await page.getByText(/^This backup from .+ holds 1 session, 0 clients and 0 templates\.$/).waitFor();
    await page
      .getByText('Restoring adds 1, replaces 0 older records, and keeps 0 that are the same or newer here.')
      .waitFor();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByText('Restored: 1 added, 0 replaced.').waitFor();
    await expect
      .poll(async () => (await storedSessions(h))[0]?.agreements)
      .toMatchObject({
        'rule-present': { note: 'Kept through a wipe' },
      });
    await expect.poll(() => badgeOf(h)).toBe('1');
  });
});

describe('custom call hosts', () => {
  it("asks the browser for that one host's permission, detects its calls, and gives the permission back", async () => {
    // The browser's permission prompt is a real window: run the browser on a virtual display and answer it by keyboard.
    const display = await virtualDisplay();
    try {
      harness = await launch(undefined, { display: display.name });
      const h = harness;
      const page = await openSettings(h);
      const field = page.getByLabel('Host, such as jitsi.example.org');
      await field.fill('https://meet.google.com/x');
      await page.getByRole('button', { name: 'Add host' }).click();
      await page.getByText('Enter a host name such as jitsi.example.org, without https:// or a path.').waitFor();
      await field.fill('meet.google.com');
      await page.getByRole('button', { name: 'Add host' }).click();
      await page.getByText('Callcare already recognises this platform.').waitFor();

      // Refused in the prompt: nothing is added.
      await field.fill('Jitsi.Example.org');
      await display.answerPrompt(page, () => page.getByRole('button', { name: 'Add host' }).click(), 'deny');
      await page.getByText('The browser did not give permission for this host, so it was not added.').waitFor();
      expect(await page.getByText('No hosts added.').count()).toBe(1);

      // Allowed: the host is added, with the permission for that host alone.
      await display.answerPrompt(page, () => page.getByRole('button', { name: 'Add host' }).click(), 'allow');
      await page
        .getByRole('list', { name: "Your organisation's call hosts" })
        .getByText('jitsi.example.org', { exact: true })
        .waitFor();
      const granted = await h.inspect(() => chrome.permissions.getAll());
      expect(granted.origins).toContain('https://jitsi.example.org/*');
      expect(granted.origins).not.toContain('https://*/*');

      // A call on that host is now a session, kept by its host only.
      const call = await h.openCall('https://jitsi.example.org/TeamRoom?jwt=secret');
      const tabId = await h.tabIdOf(call);
      await expect.poll(() => badgeOf(h, tabId)).toBe('●');
      expect((await storedSessions(h))[0]).toMatchObject({ platform: 'custom', host: 'jitsi.example.org' });
      expect(JSON.stringify(await h.inspect(() => chrome.storage.local.get(null)))).not.toContain('TeamRoom');

      await page.getByRole('button', { name: 'Remove jitsi.example.org' }).click();
      await page.getByText('No hosts added.').waitFor();
      await expect
        .poll(async () => (await h.inspect(() => chrome.permissions.getAll())).origins)
        .not.toContain('https://jitsi.example.org/*');
    } finally {
      await harness?.close();
      harness = undefined;
      display.stop();
    }
  });
});

describe('no request leaves the extension', () => {
  it('makes none from its pages or its service worker through a whole journey', async () => {
    harness = await launch();
    const h = harness;
    const fromExtension: string[] = [];
    // A navigation that opens a new tab has no frame yet; Playwright throws when asked for it.
    // Such a request is still seen by the harness's outside-request list checked below.
    const frameUrl = (request: Request) => {
      try {
        return request.frame().url();
      } catch {
        return '';
      }
    };
    const isOurs = (request: Request) =>
      request.serviceWorker() !== null || frameUrl(request).startsWith(`chrome-extension://${h.extensionId}/`);
    h.context.on('request', (request) => {
      if (isOurs(request) && !request.url().startsWith(`chrome-extension://${h.extensionId}/`))
        fromExtension.push(request.url());
    });
    const { call } = await callWithNote(h, 'https://meet.google.com/abc-defg-hij', 'A note');
    const opened = h.context.waitForEvent('page', (page) => page.url().includes('/aftercare.html'));
    await call.close();
    const aftercare = await opened;
    await aftercare.getByLabel('Concerns', { exact: true }).fill('None');
    await aftercare.getByRole('button', { name: 'Save and complete' }).click();
    await aftercare.getByText(/^Saved and complete at/).waitFor();
    for (const hash of ['#settings', '#clients', '#checklists', '#checklist/default']) {
      const page = await h.extensionPage(`options.html${hash}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    await turnProtectionOn(h);
    expect(fromExtension).toEqual([]);
    expect(h.outsideRequests).toEqual([]);
  });
});

describe('what a person typed', () => {
  it('is shown as text everywhere and never runs', async () => {
    harness = await launch();
    const h = harness;
    const payload = (where: string) =>
      `<img src=x onerror="window.__ran='${where}'"><script>window.__ran='${where}'</script>`;
    const dialogs: string[] = [];
    h.context.on('page', (page) => page.on('dialog', (dialog) => dialogs.push(dialog.message())));

    const { panel, call } = await callWithNote(h, 'https://meet.google.com/abc-defg-hij', payload('agreement note'));
    await panel.addPerson('Client side', 'Other', '<b>J</b>');
    await panel.linkClient('<svg onload=alert(1)>');
    const opened = h.context.waitForEvent('page', (page) => page.url().includes('/aftercare.html'));
    await call.close();
    const aftercare = await opened;
    for (const label of [
      'In your words',
      'Concerns',
      'Follow-up agreed',
      'Other help made available',
      'My own wellbeing',
    ]) {
      await aftercare.getByLabel(label, { exact: true }).fill(payload(label));
    }
    await aftercare.getByRole('button', { name: 'Save and complete' }).click();
    await aftercare.getByText(/^Saved and complete at/).waitFor();

    const editor = await h.extensionPage('options.html#checklist/default');
    await editor.getByLabel('Template name').fill(payload('template name'));
    await editor.getByRole('textbox', { name: 'Item 1: text' }).fill(payload('item text'));
    await editor
      .getByRole('textbox', { name: 'Item 1: guidance (why it matters, its source)' })
      .fill(payload('guidance'));
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await editor.getByText('Saved as version 2.').waitFor();

    const clientId = String((await storedSessions(h))[0]?.clientId);
    const report = await h.extensionPage(`report.html?session=${(await storedSessions(h))[0]?.id}`);
    const clientPage = await h.extensionPage(`options.html#client/${clientId}`);
    const checklists = await h.extensionPage('options.html#checklists');
    await report.getByText(payload('Concerns')).waitFor();
    await report.getByText(payload('agreement note')).first().waitFor();
    await clientPage.getByText(payload('Concerns')).first().waitFor();
    await clientPage.getByRole('heading', { name: '<svg onload=alert(1)>' }).waitFor();
    await checklists.getByRole('heading', { name: payload('template name') }).waitFor();
    const panelAgain = await h.extensionPage('sidepanel.html');
    await panelAgain.getByRole('heading', { level: 1 }).first().waitFor();

    for (const page of [panel.page, aftercare, editor, report, clientPage, checklists, panelAgain]) {
      expect(await page.evaluate(() => (window as unknown as { __ran?: string }).__ran ?? null), page.url()).toBeNull();
      expect(await page.locator('img[src="x"], script:not([src]), svg[onload]').count(), page.url()).toBe(0);
    }
    expect(dialogs).toEqual([]);
  });
});
