/**
 * A year of sessions in real Chromium: the popup lists the newest notes still
 * to write and the rest on request; History shows its first page (the notes
 * still to write, then the newest) from the index and the newest months, and a
 * filter finds in every month.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSessions } from '../bench/seed';
import { type Harness, launch } from './harness';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

/** 1,200 copies of one real session over the last year, 13 of them waiting for their note, and the real one. */
const COPIES = 1200;
const TO_WRITE = 14;

let harness: Harness | undefined;

beforeAll(async () => {
  harness = await seedSessions(await launch(), COPIES);
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

const seeded = () => {
  if (!harness) throw new Error('the browser has not started');
  return harness;
};

describe('a year of sessions', () => {
  it('lists the ten newest notes to write in the popup, and all of them on request, by keyboard', async () => {
    const popup = await seeded().extensionPage('popup.html');
    const notes = popup.getByRole('region', { name: 'Aftercare notes to write' }).getByRole('button', {
      name: /^Write note: /,
    });
    await expect.poll(() => notes.count()).toBe(10);
    await popup.setViewportSize({ width: 360, height: 900 });
    await popup.screenshot({ path: join(SHOTS, 'popup-many-notes.png'), fullPage: true });
    const showAll = popup.getByRole('button', { name: `Show all ${TO_WRITE} notes` });
    await showAll.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => notes.count()).toBe(TO_WRITE);
    // The focus goes on to the first note the button showed, not back to the top of the page.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Write note: /);
    expect(await notes.nth(10).evaluate((button) => button === document.activeElement)).toBe(true);
    await popup.close();
  });

  it('shows History’s first page with every note still to write, however old, and filters over every month', async () => {
    const h = seeded();
    const history = await h.context.newPage();
    // What the page first shows, noted the moment it shows it: the newest months may still be all that is read.
    await history.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const status = document.querySelector('[role="status"]')?.textContent ?? '';
        if (!/ of /.test(status)) return;
        const rows = [...document.querySelectorAll('ul[aria-label="History"] > li')].map((li) => li.textContent ?? '');
        (window as unknown as { firstShown: unknown }).firstShown = { status, rows };
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
    await history.goto(`chrome-extension://${h.extensionId}/options.html#history`);
    const first = (await (
      await history.waitForFunction(() => (window as unknown as { firstShown?: unknown }).firstShown)
    ).jsonValue()) as { status: string; rows: string[] };
    expect(first.status).toBe(`100 of ${(COPIES + 1).toLocaleString('en')} sessions`);
    expect(first.rows).toHaveLength(100);
    // The notes still to write come first, the oldest of them from eleven months ago.
    expect(first.rows.slice(0, TO_WRITE).every((text) => text.includes('Aftercare note to write'))).toBe(true);
    expect(first.rows.slice(TO_WRITE).some((text) => text.includes('Aftercare note to write'))).toBe(false);
    const status = history.getByRole('status');
    // A filter counts every month.
    await history.getByLabel('State').selectOption({ label: 'Complete' });
    await expect
      .poll(() => status.textContent())
      .toBe(`100 of ${(COPIES + 1 - TO_WRITE).toLocaleString('en')} sessions`);
    await history.getByLabel('State').selectOption({ label: 'Aftercare note to write' });
    await expect.poll(() => status.textContent()).toBe(`${TO_WRITE} of ${TO_WRITE} sessions`);
    await history.close();
  });
});
