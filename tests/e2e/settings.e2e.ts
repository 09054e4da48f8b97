/**
 * Settings a practitioner can scan, in real Chromium: the index reaches every
 * group by keyboard, "Delete everything" stands alone in the danger zone at the
 * end, the file pickers are buttons that open the browser's file chooser, and
 * the Overview writes its dates the way every other page does.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, openSettings, storedSessions } from './harness';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const GROUPS = [
  'Language',
  'The call',
  'Your own wellbeing',
  'Protection and data',
  "Your organisation's call hosts",
  'Privacy',
  'Danger zone',
];

let harness: Harness;

beforeAll(async () => {
  harness = await launch();
});

afterAll(async () => {
  await harness?.close();
});

describe('the Settings index', () => {
  it('lists every group in order, and each link takes the keyboard to its heading', async () => {
    const page = await openSettings(harness);
    const index = page.getByRole('navigation', { name: 'Settings on this page' });
    expect(await index.getByRole('link').allInnerTexts()).toEqual(GROUPS);
    // The groups are the page's second-level headings, in the same order.
    expect(await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(GROUPS);

    for (const group of GROUPS) {
      await index.getByRole('link', { name: group }).focus();
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { name: group, level: 2 });
      await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
      await expect.poll(() => heading.evaluate(isInView)).toBe(true);
      // Tab goes on from the heading into its group (Privacy, only words, to what follows), not back to the top.
      await page.keyboard.press('Tab');
      const region = page.getByRole('region', { name: group, exact: true });
      const after = await heading.evaluate((element) =>
        Boolean(
          document.activeElement &&
            element.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING,
        ),
      );
      expect(after).toBe(true);
      if (group !== 'Privacy') {
        expect(await region.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      }
    }
    await page.close();
  });

  it('opens at a group when the address names it', async () => {
    const page = await harness.extensionPage('options.html#settings-hosts');
    const heading = page.getByRole('heading', { name: "Your organisation's call hosts", level: 2 });
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.close();
  });
});

function isInView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}

describe('the danger zone', () => {
  it('is the last thing on Settings, headed, and holds "Delete everything" and nothing everyday', async () => {
    const page = await openSettings(harness);
    const danger = page.getByRole('region', { name: 'Danger zone' });
    await danger.getByRole('heading', { name: 'Delete everything', level: 3 }).waitFor();
    expect(await danger.evaluate((element) => element === element.parentElement?.lastElementChild)).toBe(true);
    // Only what deleting everything needs: the word to type and the button.
    expect(await danger.getByRole('button').allInnerTexts()).toEqual(['Delete everything now']);
    expect(await danger.getByRole('textbox').count()).toBe(1);
    await danger.getByLabel('Type DELETE to confirm').waitFor();
    // And nowhere else on the page.
    expect(await page.getByRole('heading', { name: 'Delete everything' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Delete everything now' }).count()).toBe(1);
    // It looks apart: a border of its own.
    expect(await danger.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe('solid');
    await page.close();
  });
});

describe('file pickers', () => {
  it('"Restore from a backup file" is a button that opens the file chooser, by keyboard too, and restores', async () => {
    const call = await harness.openCall('https://whereby.com/picker-room');
    await expect.poll(async () => (await storedSessions(harness)).length).toBe(1);
    await call.close();
    await expect.poll(async () => (await storedSessions(harness))[0]?.status).toBe('aftercare-pending');

    const page = await openSettings(harness);
    const downloaded = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Backups' }).getByRole('button', { name: 'Download a backup' }).click();
    const file = join(await mkdtemp(join(tmpdir(), 'callcare-picker-')), 'backup.json');
    await (await downloaded).saveAs(file);
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete everything now' }).click();
    await expect.poll(() => storedSessions(harness)).toEqual([]);

    const picker = page.getByRole('button', { name: 'Restore from a backup file' });
    await expect
      .poll(() => picker.evaluate((button) => button.getAttribute('aria-describedby')?.length ?? 0))
      .toBeGreaterThan(0);
    // A real button: in the tab order, named by its text.
    expect(await picker.evaluate((button) => button.tagName === 'BUTTON' && button.tabIndex === 0)).toBe(true);
    const chosen = page.waitForEvent('filechooser');
    await picker.click();
    const chooser = await chosen;
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles(file);
    await page.getByText(/^This backup from .+ holds 1 session, 0 clients and 0 templates\.$/).waitFor();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByText('Restored: 1 added, 0 replaced.').waitFor();
    await expect.poll(async () => (await storedSessions(harness)).length).toBe(1);

    await page.close();
  });

  it('"Import a template file" is a button that opens the file chooser, and imports', async () => {
    const page = await harness.extensionPage('options.html#checklists');
    await page.setViewportSize({ width: 1000, height: 900 });
    const chosen = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a template file' }).click();
    await (await chosen).setFiles(join(FIXTURES, 'terms.callcare-template.json'));
    await page.getByText('Imported "Organisation terms and conditions" with 3 items.').waitFor();
    await page.close();
  });
});

describe('dates', () => {
  it('the Overview writes days as every other page does, never as 2026-11-21', async () => {
    const page = await harness.extensionPage('options.html#overview');
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const perDay = page.getByRole('figure').filter({ hasText: 'Sessions per day, last 30 days' });
    await perDay.getByText('Show the numbers as a table').click();
    const days = await perDay.getByRole('rowheader').allInnerTexts();
    expect(days).toHaveLength(30);
    const today = await page.evaluate(() =>
      new Date().toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    );
    expect(days.at(-1)).toBe(today);
    expect(await page.locator('body').innerText()).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    await page.close();
  });
});
