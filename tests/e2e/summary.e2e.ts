/**
 * The anonymous practice summary in real Chromium: a session recorded with a
 * client code and notes, its aftercare note written, then the summary of the
 * period downloaded as CSV and printed; neither holds the client's code, a
 * note or the call's host. And the monthly offer an organisation's policy
 * asks for, from a policy file in Chromium's managed folder.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { badgeOf, EXTENSION_PATH, type Harness, launch, storedSessions } from './harness';
import { AftercarePage } from './pages/aftercarePage';
import { SidePanel } from './pages/sidePanel';

const MEET = 'https://meet.google.com/abc-defg-hij';
const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';
const RECORDING = 'Nobody records the session (or: a recording was agreed, with its purpose and who keeps it)';
const CLIENT_CODE = 'FS-QUOKKA-417';
const AGREEMENT_NOTE = 'Father wants to record on his tablet';
const CONCERNS = 'Mentioned the marmalade incident at school';
const WELLBEING = 'Drained after the zeppelin story';
const POLICY_FOLDER = '/etc/chromium/policies/managed';
const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

let harness: Harness | undefined;
let policyFile: string | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  if (policyFile) rmSync(policyFile, { force: true });
  policyFile = undefined;
});

describe('the practice summary', () => {
  it('holds the figures of a session and none of its client code, notes or host, as CSV and printed', async () => {
    harness = await launch();
    const h = harness;

    // A session with a client code, agreements and a note on one of them.
    const call = await h.openCall(MEET);
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
    await panel.page.setViewportSize({ width: 320, height: 1400 });
    await panel.linkClient(CLIENT_CODE);
    await panel.setAgreement(CAMERAS, 'Agreed');
    await panel.setAgreement(RECORDING, 'Declined');
    await panel.noteFor(RECORDING).fill(AGREEMENT_NOTE);
    await expect.poll(() => panel.progress().textContent()).toBe('2 of 11 agreed or answered');
    await expect
      .poll(async () => (await storedSessions(h))[0]?.agreements)
      .toMatchObject({ 'rule-recording': { state: 'declined', note: AGREEMENT_NOTE } });
    const sessionId = String((await storedSessions(h))[0]?.id);

    // The call ends; its aftercare note is written with words of its own.
    const aftercareOpened = h.context.waitForEvent('page', (page) => page.url().includes('/aftercare.html'));
    await call.close();
    const note = new AftercarePage(await aftercareOpened);
    await note.field('Concerns').fill(CONCERNS);
    await note.field('My own wellbeing').fill(WELLBEING);
    await note.page.getByRole('checkbox', { name: 'I would like supervision about this session' }).check();
    await note.save();
    await expect.poll(() => note.status().textContent()).toMatch(/^Saved and complete at/);
    await expect
      .poll(async () => (await storedSessions(h))[0])
      .toMatchObject({ status: 'complete', aftercare: { concerns: CONCERNS, wantsSupervision: true } });

    // The summary opens on the last full month, from the navigation; the session is not in it.
    const page = await h.extensionPage('options.html#settings');
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.getByRole('heading', { name: 'Callcare settings', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Practice summary' }).click();
    await page.getByRole('heading', { name: 'Practice summary', level: 1 }).waitFor();
    const lastMonth = await page.evaluate(() => {
      const now = new Date();
      const day = (date: Date) => date.toLocaleDateString('sv');
      return {
        from: day(new Date(now.getFullYear(), now.getMonth() - 1, 1, 12)),
        to: day(new Date(now.getFullYear(), now.getMonth(), 0, 12)),
        today: day(now),
      };
    });
    const from = page.getByLabel('First day');
    const to = page.getByLabel('Last day');
    expect(await from.inputValue()).toBe(lastMonth.from);
    expect(await to.inputValue()).toBe(lastMonth.to);
    await page.getByText('No sessions in this period.').waitFor();
    await page.getByText(/never sends it anywhere/).waitFor();

    // A period that ends before it begins is said to be wrong, and nothing can be downloaded.
    await from.fill(lastMonth.today);
    await page.getByRole('alert').filter({ hasText: 'the first no later than the last' }).waitFor();
    expect(await page.getByRole('button', { name: 'Download CSV' }).isDisabled()).toBe(true);

    // Today: the session's figures.
    await to.fill(lastMonth.today);
    await page.getByText('1 session in this period.').waitFor();
    const rules = page.getByRole('table', { name: 'How each rule of communication went' });
    expect(await rules.getByRole('row').filter({ hasText: CAMERAS }).textContent()).toBe(
      `${CAMERAS}1 (100%)0 (0%)0 (0%)0 (0%)`,
    );
    const weeks = page.getByRole('table', { name: 'Sessions per week and platform' });
    expect(await weeks.getByRole('columnheader', { name: 'Google Meet' }).count()).toBe(1);
    const workload = page.getByRole('table', { name: 'Sessions, days and supervision' });
    expect(
      await workload.getByRole('row', { name: /^Sessions after which supervision was asked for/ }).textContent(),
    ).toBe('Sessions after which supervision was asked for1');
    const aftercare = page.getByRole('table', { name: 'How soon aftercare notes were written' });
    expect(await aftercare.getByRole('row', { name: /^Within an hour of the end/ }).textContent()).toBe(
      'Within an hour of the end1 (100%)',
    );

    await page.bringToFront();
    await page.screenshot({ path: join(SHOTS, 'summary.png'), fullPage: true });

    // Downloaded as CSV.
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`callcare-practice-summary-${lastMonth.today}-${lastMonth.today}.csv`);
    const file = join(await mkdtemp(join(tmpdir(), 'callcare-summary-')), 'summary.csv');
    await download.saveAs(file);
    await page.getByRole('status').filter({ hasText: 'The summary was downloaded.' }).waitFor();
    const csv = await readFile(file, 'utf8');
    expect(csv).toContain(`Practice summary\r\nPeriod,${lastMonth.today},${lastMonth.today}\r\nSessions,1\r\n`);
    expect(csv).toContain('ISO week,from,to,Google Meet,Total\r\n');
    expect(csv).toContain(`"${CAMERAS}",1,1,0,0,0,100,0,0,0\r\n`);
    expect(csv).toContain(`"${RECORDING}",1,0,1,0,0,0,100,0,0\r\n`);
    expect(csv).toContain('\r\nWithin an hour of the end,1\r\n');
    expect(csv).toContain('\r\nSessions after which supervision was asked for,1\r\n');
    const secrets = [CLIENT_CODE, AGREEMENT_NOTE, CONCERNS, WELLBEING, 'meet.google.com', 'abc-defg-hij', sessionId];
    for (const secret of secrets) expect(csv, secret).not.toContain(secret);

    // Printed: the page as it is handed over, without the navigation or the controls.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    // By keyboard.
    await page.getByRole('button', { name: 'Print' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'summary-print.png'), fullPage: true });
    expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Download CSV' }).isVisible()).toBe(false);
    expect(await page.getByLabel('First day').isVisible()).toBe(false);
    expect(await rules.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: /^From .+ to .+$/, level: 2 }).isVisible()).toBe(true);
    const printed = await page.locator('main').innerText();
    expect(printed).toContain('1 session in this period.');
    for (const secret of secrets) expect(printed, secret).not.toContain(secret);
    await page.emulateMedia({ media: 'screen' });

    // Accessible, in light and dark, and whole at 320 px wide.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(SHOTS, 'summary-320.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(h.outsideRequests).toEqual([]);
  });
});

/** The id Chromium gives an extension loaded from a folder: from the SHA-256 of its path, in the letters a to p. */
function unpackedId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

function writePolicy(policy: object) {
  mkdirSync(POLICY_FOLDER, { recursive: true });
  policyFile ??= join(POLICY_FOLDER, `callcare-e2e-${randomUUID()}.json`);
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(EXTENSION_PATH)]: policy } } }));
}

/** The options page as on the morning of 3 November 2026, with the browser's clock otherwise left alone. */
async function onThirdOfNovember(h: Harness, hash: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.clock.setFixedTime(new Date(2026, 10, 3, 9, 30));
  await page.goto(`chrome-extension://${h.extensionId}/options.html${hash}`);
  await page.setViewportSize({ width: 1000, height: 900 });
  return page;
}

describe('the monthly offer of the summary', () => {
  it('is made at the start of a month when the policy asks, and stops once last month’s summary is downloaded', async () => {
    writePolicy({ organisationName: 'Family Support North', offerSummaryMonthly: true });
    harness = await launch();
    const h = harness;
    const page = await onThirdOfNovember(h, '#history');
    const offer = page.getByRole('region', { name: 'Monthly practice summary' });
    await offer
      .getByText(
        'Your organisation, Family Support North, asks for a summary of your practice every month. The summary of October 2026 is ready',
        { exact: false },
      )
      .waitFor();
    // On every view, Settings included.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Callcare settings', level: 1 }).waitFor();
    await offer.waitFor();

    await offer.getByRole('link', { name: 'Open the summary of October 2026' }).click();
    await page.getByRole('heading', { name: 'Practice summary', level: 1 }).waitFor();
    expect(page.url()).toMatch(/#summary\/2026-10$/);
    expect(await page.getByLabel('First day').inputValue()).toBe('2026-10-01');
    expect(await page.getByLabel('Last day').inputValue()).toBe('2026-10-31');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.bringToFront();
    await page.screenshot({ path: join(SHOTS, 'summary-offer.png'), fullPage: true });

    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    expect((await downloaded).suggestedFilename()).toBe('callcare-practice-summary-2026-10-01-2026-10-31.csv');
    await offer.waitFor({ state: 'detached' });
    expect(await h.inspect(() => chrome.storage.local.get('summaryOffer'))).toEqual({
      summaryOffer: { v: 1, data: { handledMonth: '2026-10' } },
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Practice summary', level: 1 }).waitFor();
    expect(await offer.count()).toBe(0);
  });

  it('names no organisation the policy does not name, and can be skipped for the month', async () => {
    writePolicy({ offerSummaryMonthly: true });
    harness = await launch();
    const h = harness;
    const page = await onThirdOfNovember(h, '#overview');
    const offer = page.getByRole('region', { name: 'Monthly practice summary' });
    await offer.getByText(/^Your organisation asks for a summary of your practice every month\./).waitFor();
    await offer.getByRole('button', { name: 'Skip the summary of October 2026' }).click();
    await offer.waitFor({ state: 'detached' });
    expect(await h.inspect(() => chrome.storage.local.get('summaryOffer'))).toEqual({
      summaryOffer: { v: 1, data: { handledMonth: '2026-10' } },
    });
  });
});
