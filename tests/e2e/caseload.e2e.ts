/**
 * A practitioner's caseload in real Chromium: a client seen twice, with what
 * was agreed carried over and re-confirmed, their history, an edited checklist
 * that leaves past records alone, and template files through the file picker.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeOf, type Harness, launch, storedSessions } from './harness';
import { SidePanel } from './pages/sidePanel';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';
const OBJECTIVES = 'The objectives of this session were agreed';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function options(h: Harness, hash: string): Promise<Page> {
  const page = await h.extensionPage(`options.html${hash}`);
  await page.setViewportSize({ width: 1000, height: 900 });
  return page;
}

/** Opens a call, links the client in the side panel, and returns the panel. */
async function sessionWith(h: Harness, url: string, code: string): Promise<{ call: Page; panel: SidePanel }> {
  const call = await h.openCall(url);
  const tabId = await h.tabIdOf(call);
  await expect.poll(() => badgeOf(h, tabId)).toBe('●');
  const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
  await panel.linkClient(code);
  return { call, panel };
}

async function endAndComplete(h: Harness, call: Page, concerns: string) {
  const opened = h.context.waitForEvent('page', (page) => page.url().includes('/aftercare.html'));
  await call.close();
  const aftercare = await opened;
  await aftercare.getByLabel('Concerns', { exact: true }).fill(concerns);
  await aftercare.getByRole('button', { name: 'Save and complete' }).click();
  await aftercare.getByText(/^Saved and complete at/).waitFor();
  await aftercare.close();
}

describe('a caseload', () => {
  it('carries a client over from one session to the next, and shows their history', async () => {
    harness = await launch();
    const h = harness;

    const clientsPage = await options(h, '#clients');
    await clientsPage.getByLabel('Pseudonym or case code').fill('FS-042');
    await clientsPage.getByRole('button', { name: 'Add client' }).click();
    await clientsPage.getByRole('link', { name: 'FS-042' }).waitFor();

    // First session: agree cameras and objectives with a note.
    const first = await sessionWith(h, 'https://meet.google.com/abc-defg-hij', 'FS-042');
    await first.panel.setAgreement(CAMERAS, 'Agreed');
    await first.panel.noteFor(CAMERAS).fill('Camera on, kitchen table');
    await first.panel.setAgreement(OBJECTIVES, 'Declined');
    await expect
      .poll(async () => (await storedSessions(h))[0]?.agreements)
      .toMatchObject({
        'rule-cameras': { state: 'agreed', note: 'Camera on, kitchen table' },
      });
    await endAndComplete(h, first.call, 'First session went well.');

    // Second session: last time's agreements are shown, and nothing counts until re-confirmed.
    const second = await sessionWith(h, 'https://meet.google.com/xyz-abcd-efg', 'FS-042');
    const cameraRow = second.panel.page.getByRole('group', { name: CAMERAS });
    await cameraRow.getByText(/^Last time \(.+\): Agreed/).waitFor();
    // Nothing recorded yet: no state is chosen (not yet discussed looks unset).
    expect(await second.panel.agreement(CAMERAS).getByRole('radio', { checked: true }).count()).toBe(0);
    await second.panel.page.getByRole('button', { name: `Re-confirm for today: ${CAMERAS}` }).click();
    await cameraRow.getByText(/^Re-confirmed from the session of/).waitFor();
    expect(await second.panel.agreement(CAMERAS).getByRole('radio', { name: 'Agreed' }).isChecked()).toBe(true);
    // The declined objectives are offered but not confirmed.
    expect(await second.panel.agreement(OBJECTIVES).getByRole('radio', { checked: true }).count()).toBe(0);
    await second.panel.page.setViewportSize({ width: 320, height: 900 });
    await cameraRow.evaluate((row) => row.scrollIntoView());
    await second.panel.page.screenshot({ path: join(SHOTS, 'carried-over.png') });

    const sessions = await storedSessions(h);
    const latest = sessions.find((session) => session.status === 'running');
    const earlier = sessions.find((session) => session.status === 'complete');
    expect(latest?.agreements).toMatchObject({
      'rule-cameras': { state: 'agreed', note: 'Camera on, kitchen table', confirmedFrom: { sessionId: earlier?.id } },
      'rule-objectives': { state: 'not-discussed', confirmedFrom: null },
    });
    await endAndComplete(h, second.call, 'Second session: more open.');

    // The client's page: their sessions, newest first, with agreements and notes.
    const clientPage = await options(h, '#clients');
    await clientPage.getByRole('link', { name: 'FS-042' }).click();
    await clientPage.getByRole('heading', { name: 'FS-042', level: 1 }).waitFor();
    const history = clientPage
      .getByRole('list', { name: 'Sessions' })
      .getByRole('listitem')
      .filter({ has: clientPage.getByRole('heading', { level: 3 }) });
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.nth(0).innerText()).toContain('Second session: more open.');
    expect(await history.nth(1).innerText()).toContain('First session went well.');
    expect(await history.nth(1).innerText()).toContain('Declined');

    // The situation and needs: answers point somewhere, with reasons, never a verdict.
    await clientPage.getByText('Answers', { exact: true }).click();
    await clientPage
      .getByRole('radiogroup', { name: 'Answer: Have you met the client in person before?' })
      .getByRole('radio', { name: 'No', exact: true })
      .check();
    await clientPage
      .getByRole('radiogroup', { name: 'Answer: Is the client free to speak privately from home?' })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await clientPage
      .getByRole('textbox', { name: 'Note: Is the client free to speak privately from home?' })
      .fill('Own room since March');
    await clientPage
      .getByRole('region', { name: 'Points toward meeting face to face' })
      .getByText('A first meeting in person')
      .waitFor();
    await clientPage
      .getByRole('region', { name: 'Points toward digital contact' })
      .getByText('Own room since March')
      .waitFor();
    await clientPage.getByText('Answers', { exact: true }).click();
    await clientPage.evaluate(() => window.scrollTo(0, 0));
    await clientPage.screenshot({ path: join(SHOTS, 'client.png') });
  });

  it('deletes a client with all their sessions after saying how many', async () => {
    harness = await launch();
    const h = harness;
    const { call } = await sessionWith(h, 'https://meet.google.com/abc-defg-hij', 'EX-7');
    await endAndComplete(h, call, 'Note');
    expect(await storedSessions(h)).toHaveLength(1);
    const page = await options(h, '#clients');
    await page.getByRole('link', { name: 'EX-7' }).click();
    await page.getByRole('button', { name: 'Delete client' }).click();
    await page.getByText('Delete EX-7 and their 1 session and its aftercare note? This cannot be undone.').waitFor();
    await page.getByRole('button', { name: 'Yes, delete the client and 1 session' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await expect.poll(() => storedSessions(h)).toEqual([]);
    expect(await page.getByRole('link', { name: 'EX-7' }).count()).toBe(0);
  });

  it('edits the default checklist without changing the record of a past session', async () => {
    harness = await launch();
    const h = harness;
    const call = await h.openCall('https://meet.jit.si/FirstRoom');
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    await call.close();
    await expect.poll(async () => (await storedSessions(h))[0]?.status).toBe('aftercare-pending');
    const pastId = String((await storedSessions(h))[0]?.id);

    const editor = await options(h, '#checklists');
    await editor.getByRole('link', { name: 'Edit "Default checklist"' }).click();
    await editor.getByRole('heading', { name: 'Edit "Default checklist"' }).waitFor();
    const cameras = editor
      .getByRole('textbox', { name: /^Item \d+: text$/ })
      .and(editor.locator(`[value="${CAMERAS}"]`));
    await cameras.fill('Cameras stay on for the whole session');
    await editor.getByRole('button', { name: 'Add an item to "Rules of communication"' }).click();
    const added = editor.getByRole('textbox', { name: /^Item \d+: text$/ }).and(editor.locator('[value="New item"]'));
    await added.fill('The client may bring a trusted person');
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await editor.getByText('Saved as version 2.').waitFor();

    // The past session still shows the checklist it ran with.
    const past = await h.extensionPage(`aftercare.html?session=${pastId}`);
    const record = past.getByRole('complementary');
    await record.getByText(CAMERAS).waitFor();
    expect(await record.getByText('Cameras stay on for the whole session').count()).toBe(0);
    expect(await record.getByText('The client may bring a trusted person').count()).toBe(0);

    // A new session runs with the new version.
    const next = await h.openCall('https://meet.jit.si/SecondRoom');
    const nextTab = await h.tabIdOf(next);
    await expect.poll(() => badgeOf(h, nextTab)).toBe('●');
    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${nextTab}`));
    await panel.agreement('Cameras stay on for the whole session').waitFor();
    await panel.agreement('The client may bring a trusted person').waitFor();
    const running = (await storedSessions(h)).find((session) => session.status === 'running');
    expect(running?.template).toMatchObject({ id: 'default', version: 2 });
  });

  it('imports a valid template file, and refuses an invalid one with reasons and no change', async () => {
    harness = await launch();
    const h = harness;
    const page = await options(h, '#checklists');
    const upload = page.getByLabel('Import a template file');
    await upload.setInputFiles(join(FIXTURES, 'broken.callcare-template.json'));
    const alert = page.getByRole('alert');
    await alert.getByText('This file was not imported, and nothing was changed:').waitFor();
    expect(await alert.innerText()).toContain('Item 1, its text, is empty.');
    expect(await alert.innerText()).toContain('Item 2, its phase, must be one of: before, rules, during.');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Default checklist']);

    await upload.setInputFiles(join(FIXTURES, 'terms.callcare-template.json'));
    await page.getByText('Imported "Organisation terms and conditions" with 3 items.').waitFor();
    await page.getByRole('heading', { name: 'Organisation terms and conditions', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Use "Organisation terms and conditions" for new sessions' }).click();

    const call = await h.openCall('https://whereby.com/org-room');
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
    await panel.agreement('The client knows when we must share information (safeguarding)').waitFor();
    // Before anything is recorded, the session can still switch to another checklist.
    await panel.page.getByLabel('Checklist for this session').selectOption({ label: 'Default checklist' });
    await panel.agreement(CAMERAS).waitFor();
  });
});
