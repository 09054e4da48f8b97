/**
 * Files from outside in real Chromium: a template file or a backup that holds
 * an id an object already answers to ("__proto__"), blank-looking text, or
 * bidi controls is refused or cleaned with a message that says where, and
 * the History and the Overview keep showing everything else.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeOf, type Harness, launch, openSettings, storedSessions } from './harness';
import { SidePanel } from './pages/sidePanel';

const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function fileWith(name: string, text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'callcare-import-')), name);
  await writeFile(file, text);
  return file;
}

/** A template file of two items, the second one changed by `second`. */
function templateFile(second: Record<string, string>, name = 'Organisation terms') {
  return JSON.stringify({
    format: 'callcare-template',
    formatVersion: 1,
    name,
    items: [
      { id: 'org-recording', phase: 'rules', kind: 'agreement', text: 'Nobody records the session', guidance: '' },
      { id: 'org-sharing', phase: 'rules', kind: 'agreement', text: 'Sharing was explained', guidance: '', ...second },
    ],
  });
}

async function templateNames(page: Page) {
  return page.getByRole('heading', { level: 2 }).allInnerTexts();
}

describe('a template file from outside', () => {
  it('is refused for an item id "__proto__" or blank-looking text, and cleaned of bidi controls', async () => {
    harness = await launch();
    const page = await harness.extensionPage('options.html#checklists');
    await page.setViewportSize({ width: 1000, height: 900 });
    const upload = page.getByLabel('Import a template file');
    const alert = page.getByRole('alert');

    await upload.setInputFiles(await fileWith('proto.json', templateFile({ id: '__proto__' })));
    await alert.getByText('This file was not imported, and nothing was changed:').waitFor();
    expect(await alert.getByRole('listitem').allInnerTexts()).toEqual([
      'Item 2, its id, may use only letters, digits, "-" and "_", and cannot be a reserved name such as "__proto__" or "constructor".',
    ]);
    expect(await templateNames(page)).toEqual(['Default checklist']);

    // Zero-width spaces and a word joiner: text that shows as nothing.
    await upload.setInputFiles(await fileWith('blank.json', templateFile({ text: '\u200B\u200B\u2060' })));
    await alert.getByText('Item 2, its text, looks blank: it holds only spaces or invisible characters.').waitFor();
    expect(await templateNames(page)).toEqual(['Default checklist']);

    // A right-to-left override would show "gnirahS" backwards as "Sharing": it is removed, and the page says so.
    await upload.setInputFiles(
      await fileWith('bidi.json', templateFile({ text: 'Sharing \u202Edenialpxe\u202C' }, 'Terms \u2067v2\u2069')),
    );
    await page
      .getByRole('status')
      .getByText(
        'Imported "Terms v2" with 2 items. 4 hidden text-direction characters were removed, so the text reads as it is kept.',
      )
      .waitFor();
    expect(await templateNames(page)).toEqual(['Default checklist', 'Terms v2']);
    const kept = await harness.inspect(async () => {
      const all = await chrome.storage.local.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith('template:'))
        .map(([, value]) => (value as { data: { items: Array<{ text: string }> } }).data.items[1]?.text);
    }, null);
    expect(kept).toEqual(['Sharing denialpxe']);
  });
});

describe('a backup from outside', () => {
  it('with an agreement keyed "__proto__" has that session set aside, and the History and the Overview still show every session', async () => {
    harness = await launch();
    const h = harness;
    const call = await h.openCall('https://whereby.com/proto-room');
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
    await panel.setAgreement(CAMERAS, 'Declined');
    await call.close();
    await expect.poll(async () => (await storedSessions(h))[0]?.status).toBe('aftercare-pending');

    const settings = await openSettings(h);
    const downloaded = settings.waitForEvent('download');
    await settings.getByRole('region', { name: 'Backups' }).getByRole('button', { name: 'Download a backup' }).click();
    const saved = join(await mkdtemp(join(tmpdir(), 'callcare-backup-')), 'backup.json');
    await (await downloaded).saveAs(saved);

    // A second session in the file, as a hand-edited or hostile backup would hold it: run with an organisation's
    // checklist whose cameras item, and its agreement, are named "__proto__". Text surgery, because an object
    // literal cannot hold that key.
    const text = await readFile(saved, 'utf8');
    const [key, record] =
      Object.entries(JSON.parse(text).records as Record<string, unknown>).find(([name]) =>
        name.startsWith('session:'),
      ) ?? [];
    const id = String(key).slice('session:'.length);
    const other = crypto.randomUUID();
    const hostile = JSON.stringify(record)
      .replaceAll(id, other)
      .replace('"template":{"id":"default"', '"template":{"id":"org-terms"')
      .replaceAll('"rule-cameras"', '"__proto__"');
    const file = await fileWith(
      'hostile-backup.json',
      text.replace('"records":{', `"records":{"session:${other}":${hostile},`),
    );

    await settings.getByLabel('Restore from a backup file').setInputFiles(file);
    const reason = `session:${other}: it holds the reserved name "__proto__" as a key (at data.agreements.__proto__), which Callcare does not accept`;
    await settings.getByRole('listitem').filter({ hasText: reason }).waitFor();
    await settings.getByRole('button', { name: 'Restore', exact: true }).click();
    await settings.getByText('Set aside, not restored: 1 session.').waitFor();
    expect((await storedSessions(h)).map((session) => session.id)).toEqual([id]);

    const history = await h.extensionPage('options.html#history');
    await history.setViewportSize({ width: 1000, height: 900 });
    await history.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    await expect.poll(() => history.getByRole('list', { name: 'History' }).getByRole('listitem').count()).toBe(1);

    const overview = await h.extensionPage('options.html#overview');
    await overview.setViewportSize({ width: 1000, height: 1400 });
    await overview.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await overview.getByRole('img', { name: '1 session in the last 30 days.' }).waitFor();
    // The chart of how each rule went, which is what a "__proto__" item used to break.
    await overview.getByRole('img', { name: /^For each rule of communication, how often it was agreed/ }).waitFor();
  });
});
