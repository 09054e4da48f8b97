/**
 * The practitioner's data in Settings, in real Chromium: choosing a retention
 * period, and restoring a backup file that holds one damaged record.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, launch, openSettings, storedSessions } from './harness';

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

describe('restoring a backup with a damaged record', () => {
  it('restores the other records and reports the one set aside, and why', async () => {
    harness = await launch();
    const h = harness;
    for (const url of ['https://whereby.com/first-room', 'https://meet.jit.si/second-room']) {
      const call = await h.openCall(url);
      await expect.poll(async () => (await storedSessions(h)).length).toBe(url.includes('first') ? 1 : 2);
      await call.close();
    }
    await expect
      .poll(async () => (await storedSessions(h)).map((session) => session.status))
      .toEqual(['aftercare-pending', 'aftercare-pending']);

    const page = await openSettings(h);
    const data = page.getByRole('region', { name: 'Backups' });
    const downloaded = page.waitForEvent('download');
    await data.getByRole('button', { name: 'Download a backup' }).click();
    const file = join(await mkdtemp(join(tmpdir(), 'callcare-backup-')), 'backup.json');
    await (await downloaded).saveAs(file);
    await page.getByText('The backup was downloaded.').waitFor();

    // One session record is damaged in the file, as a bad disk or a careless edit would.
    const backup = JSON.parse(await readFile(file, 'utf8'));
    const [damaged, whole] = Object.keys(backup.records).filter((key) => key.startsWith('session:')) as [
      string,
      string,
    ];
    backup.records[damaged].data.agreements = 'not a map';
    await writeFile(file, JSON.stringify(backup));

    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await page.getByRole('button', { name: 'Delete everything now' }).click();
    await expect.poll(() => storedSessions(h)).toEqual([]);

    await page.getByLabel('Restore from a backup file').setInputFiles(file);
    await page.getByText(/^This backup from .+ holds 1 session, 0 clients and 0 templates\.$/).waitFor();
    await page
      .getByText('1 session in this backup cannot be read and will be set aside; the rest can be restored.')
      .waitFor();
    const reason = `${damaged}: it does not have the expected shape at agreements (invalid_type)`;
    await page.getByRole('listitem').filter({ hasText: reason }).waitFor();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByText('Restored: 1 added, 0 replaced.').waitFor();
    await page.getByText('Set aside, not restored: 1 session.').waitFor();
    await page.getByRole('listitem').filter({ hasText: reason }).waitFor();
    await expect.poll(async () => (await storedSessions(h)).map((session) => `session:${session.id}`)).toEqual([whole]);
  });
});
