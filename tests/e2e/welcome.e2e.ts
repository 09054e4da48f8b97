/**
 * The welcome page in real Chromium: it opens once, on the first install,
 * offers protection before anything is written, passes axe in both themes
 * and at 320 px, and does not open again when the browser restarts.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { axeViolations } from './axe';
import { badgeOf, type Harness, launch, welcomePage } from './harness';

const PASSPHRASE = 'welcome lantern copper nine';

let harness: Harness | undefined;

afterAll(async () => {
  await harness?.close();
});

function welcomeTabs(h: Harness): Promise<number> {
  return h.inspect(
    async () => (await chrome.tabs.query({})).filter((tab) => tab.url?.endsWith('/welcome.html')).length,
  );
}

async function checkAccessible(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1000, 320]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page), `${colorScheme} at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1000, height: 900 });
}

describe('the welcome page', () => {
  it('opens once on a fresh install, turns protection on before anything is written, and not again after a restart', async () => {
    harness = await launch(undefined, { keepWelcome: true });
    const first = harness;
    const page = await welcomePage(first.context);
    await page.getByRole('heading', { name: 'Welcome to Callcare' }).waitFor();
    await page.getByRole('form', { name: 'Turn on protection' }).waitFor();
    await checkAccessible(page);
    expect(await welcomeTabs(first)).toBe(1);

    // Turned on here, by keyboard and labels alone.
    const form = page.getByRole('form', { name: 'Turn on protection' });
    await form.getByLabel('New passphrase').fill(PASSPHRASE);
    await form.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await form.getByRole('checkbox', { name: 'I understand that a forgotten passphrase cannot be recovered.' }).focus();
    await page.keyboard.press('Space');
    await form.getByRole('button', { name: 'Turn on protection' }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText('Protection is on. Everything you record from now on is stored encrypted.')
      .waitFor({ timeout: 20_000 });
    await checkAccessible(page);

    // A session recorded afterwards is stored encrypted: nothing of it is readable in storage.
    const call = await first.openCall('https://meet.jit.si/WelcomeRoom');
    const tabId = await first.tabIdOf(call);
    await vi.waitFor(async () => expect(await badgeOf(first, tabId)).toBe('●'));
    const stored = await first.inspect(async () => {
      const all = await chrome.storage.local.get(null);
      return Object.entries(all).filter(([key]) => key.startsWith('session:'));
    });
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0]?.[1] as object).sort()).toEqual(['ct', 'iv', 'keyId', 'sealed']);
    expect(JSON.stringify(stored)).not.toContain('WelcomeRoom');
    expect(await welcomeTabs(first)).toBe(1);

    await page.getByRole('button', { name: 'Close this page' }).click();
    await vi.waitFor(async () => expect(await welcomeTabs(first)).toBe(0));
    await first.close({ keepProfile: true });

    harness = await launch(first.profileDir);
    const second = harness;
    // The worker has started and done its start-up work (it marks the browser session first)...
    await vi.waitFor(async () =>
      expect(await second.inspect(async () => Object.keys(await chrome.storage.session.get('browserSession')))).toEqual(
        ['browserSession'],
      ),
    );
    // ...and the badge shows the session left from before: the start-up is over, and no welcome page came.
    await vi.waitFor(async () => expect(await badgeOf(second)).not.toBe(''));
    expect(await welcomeTabs(second)).toBe(0);
    expect(second.context.pages().some((open) => open.url().endsWith('/welcome.html'))).toBe(false);
  }, 120_000);

  it('can be skipped, leaving protection off and saying where to turn it on later', async () => {
    await harness?.close();
    harness = await launch(undefined, { keepWelcome: true });
    const page = await welcomePage(harness.context);
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page
      .getByRole('status')
      .getByText(/You can turn protection on at any time in Settings/)
      .waitFor();
    expect(await page.getByRole('form', { name: 'Turn on protection' }).count()).toBe(0);
    expect(await harness.inspect(async () => Object.keys(await chrome.storage.local.get('protection')).length)).toBe(0);
  });
});
