/**
 * The practitioner's data in Settings, in real Chromium: choosing a retention
 * period, and restoring a backup file that holds one damaged record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, launch, openSettings } from './harness';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const storedSettings = (h: Harness) =>
  h.inspect(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    return (settings as { data: { retentionDays: number | null } } | undefined)?.data ?? null;
  }, null);

describe('the retention period', () => {
  it('is chosen by its label, stored, and still shown after the page is reloaded', async () => {
    harness = await launch();
    const h = harness;
    const page = await openSettings(h);
    const period = page.getByLabel('Delete completed sessions older than');
    await period.selectOption({ label: '1 year' });
    await page.getByText('No completed session is past the retention period.').waitFor();
    await expect.poll(async () => (await storedSettings(h))?.retentionDays).toBe(365);

    await page.reload();
    await page.getByRole('heading', { name: 'Callcare settings' }).waitFor();
    await expect
      .poll(() => period.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent))
      .toBe('1 year');
    await page.getByText('No completed session is past the retention period.').waitFor();

    await period.selectOption({ label: 'Keep them (no retention period)' });
    await expect.poll(async () => (await storedSettings(h))?.retentionDays).toBeNull();
  });
});
