/**
 * The fault suite: what a practitioner wrote is never lost, doubled or left
 * half-written, whatever happens around it. One journey per fault, in real
 * Chromium; each checks afterwards that every character typed and every state
 * recorded is in storage, and that nothing is there twice.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeOf, EXTENSION_PATH, type Harness, launch, notificationIds, storedSessions } from './harness';
import { AftercarePage } from './pages/aftercarePage';
import { SidePanel } from './pages/sidePanel';

const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM = 'https://app.zoom.us/wc/123456789/join';
const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';
const RECORDING = 'Nobody records the session (or: a recording was agreed, with its purpose and who keeps it)';
const PASSPHRASE = 'maple orchard lantern seven';
/** What a text expander types in one go: long, with every kind of character a note holds. */
const EXPANDED =
  'Client seemed calmer at the end. Agreed: call on Thursday at 10:00, mother present; ' +
  'she will tell her brother about the plan (not yet!). Concern: sleeping badly, "worried about school" — follow up.';

let harness: Harness | undefined;
const extraDirs: string[] = [];

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const dir of extraDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

type Stored = { id: string; status: string; aftercare: Record<string, unknown>; agreements: Record<string, unknown> };

const sessionsNow = async (h: Harness) => (await storedSessions(h)) as unknown as Stored[];
const openList = (h: Harness) =>
  h.inspect(async () => ((await chrome.storage.local.get('openSessions')).openSessions as { data: object }).data);
const digestStatus = (h: Harness, id: string) =>
  h.inspect(async (sessionId) => {
    // The digest is kept by week: the session's entry is in one of them.
    const weeks = Object.entries(await chrome.storage.local.get(null)).filter(([key]) => key.startsWith('digest:'));
    for (const [, week] of weeks) {
      const entries = (week as { data: { entries: Record<string, { status: string }> } }).data.entries;
      if (Object.hasOwn(entries, sessionId)) return entries[sessionId]?.status;
    }
    return undefined;
  }, id);

/** A call tab with its running session. */
async function startCall(h: Harness, url: string) {
  const call = await h.openCall(url);
  const tabId = await h.tabIdOf(call);
  await expect.poll(() => badgeOf(h, tabId)).toBe('●');
  // From the open-session list, which stays readable with protection on.
  const list = (await openList(h)) as Record<string, { tabId: number | null }>;
  const id = Object.entries(list).find(([, entry]) => entry.tabId === tabId)?.[0];
  if (!id) throw new Error('no session started');
  return { call, tabId, id };
}

/** Closes the call tab and returns the aftercare page the extension opens for it. */
async function endCall(h: Harness, call: Page, id: string): Promise<AftercarePage> {
  const opened = h.context.waitForEvent('page', (page) => page.url().includes(`aftercare.html?session=${id}`));
  await call.close();
  const page = await opened;
  await page.getByRole('heading', { name: 'Aftercare note' }).waitFor();
  return new AftercarePage(page);
}

/** Types like a text expander: key after key, as fast as the browser takes them. */
async function typeFast(page: Page, text: string) {
  await page.keyboard.type(text, { delay: 0 });
}

describe('nothing written is lost when a page closes', () => {
  it('keeps every character of fast input when the aftercare page is closed the moment the last key is typed', async () => {
    harness = await launch();
    const h = harness;
    const { call, id } = await startCall(h, MEET);
    const aftercare = await endCall(h, call, id);
    await aftercare.field('Concerns').click();
    await typeFast(aftercare.page, EXPANDED);
    await aftercare.page.close();
    await expect.poll(async () => (await sessionsNow(h)).find((s) => s.id === id)?.aftercare.concerns).toBe(EXPANDED);
    expect(await sessionsNow(h)).toHaveLength(1);
  });

  it('says "saved and complete" only once it is stored: closing the page right after leaves it complete everywhere', async () => {
    harness = await launch();
    const h = harness;
    const { call, id } = await startCall(h, MEET);
    const aftercare = await endCall(h, call, id);
    await aftercare.field('Concerns').click();
    await typeFast(aftercare.page, 'Sleeping badly.');
    await aftercare.save();
    await aftercare.page.getByRole('status').filter({ hasText: 'Saved and complete' }).waitFor();
    await aftercare.page.close();
    // Already so when the status showed, not later: nothing is waited for here.
    const stored = (await sessionsNow(h)).find((session) => session.id === id);
    expect(stored).toMatchObject({ status: 'complete', aftercare: { concerns: 'Sleeping badly.' } });
    expect(await openList(h)).toEqual({});
    expect(await digestStatus(h, id)).toBe('complete');
    await expect.poll(() => badgeOf(h)).toBe('');
  });

  it('keeps a completed note complete in History after the browser quits right after "Save and complete"', async () => {
    harness = await launch();
    const first = harness;
    const { call, id } = await startCall(first, ZOOM);
    const aftercare = await endCall(first, call, id);
    await aftercare.field('Concerns').fill('Worried about school.');
    await aftercare.save();
    await aftercare.page.getByRole('status').filter({ hasText: 'Saved and complete' }).waitFor();
    await first.close({ keepProfile: true });

    harness = await launch(first.profileDir);
    const h = harness;
    const history = await h.extensionPage('options.html#history');
    const rows = history.getByRole('list', { name: 'History' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toMatch(/Complete/);
    expect(await rows.first().textContent()).not.toMatch(/Aftercare note to write/);
    expect(await badgeOf(h)).toBe('');
  });

  it('stores both when two surfaces edit one session at once', async () => {
    harness = await launch();
    const h = harness;
    const { tabId } = await startCall(h, MEET);
    const one = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
    const two = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
    const camerasNote = 'Camera is broken, client uses the phone';
    const recordingNote = 'Nobody records; the school asked, we said no';
    await Promise.all([one.setAgreement(CAMERAS, 'Agreed'), two.setAgreement(RECORDING, 'Declined')]);
    await Promise.all([
      one.noteFor(CAMERAS).pressSequentially(camerasNote, { delay: 10 }),
      two.noteFor(RECORDING).pressSequentially(recordingNote, { delay: 10 }),
    ]);
    await expect
      .poll(async () => (await sessionsNow(h))[0]?.agreements)
      .toMatchObject({
        'rule-cameras': { state: 'agreed', note: camerasNote, history: [{ state: 'agreed' }] },
        'rule-recording': { state: 'declined', note: recordingNote, history: [{ state: 'declined' }] },
      });
  });
});

describe('nothing is lost or doubled when the service worker or the browser stops', () => {
  it('prompts once for a call whose tab closed while the worker was being stopped', async () => {
    harness = await launch();
    const h = harness;
    const { call, id } = await startCall(h, MEET);
    // Close the tab and stop the worker at once: the end and its prompt may be cut anywhere.
    await Promise.all([call.close(), h.stopServiceWorker()]);
    // Anything that wakes the worker again (here, a tab loading).
    await h.openCall('https://example.org/');
    await expect.poll(() => notificationIds(h)).toEqual([`aftercare:${id}`]);
    await expect.poll(() => badgeOf(h)).toBe('1');
    const pages = () => h.context.pages().filter((page) => page.url().includes(`aftercare.html?session=${id}`));
    await expect.poll(() => pages().length).toBe(1);
    expect((await sessionsNow(h)).map((session) => [session.id, session.status])).toEqual([[id, 'aftercare-pending']]);
  });

  it('ends two calls closed at the same moment as two notes to write, with one prompt each', async () => {
    harness = await launch();
    const h = harness;
    const meet = await startCall(h, MEET);
    const zoom = await startCall(h, ZOOM);
    await Promise.all([meet.call.close(), zoom.call.close()]);
    await expect
      .poll(async () => (await notificationIds(h)).sort())
      .toEqual([`aftercare:${meet.id}`, `aftercare:${zoom.id}`].sort());
    await expect.poll(() => badgeOf(h)).toBe('2');
    const all = await sessionsNow(h);
    expect(all.map((session) => session.status)).toEqual(['aftercare-pending', 'aftercare-pending']);
    expect(Object.keys(await openList(h)).sort()).toEqual([meet.id, zoom.id].sort());
  });
});

describe('an update of Callcare during a call', () => {
  it('keeps the running session: no "browser closed", no second session, no prompt', async () => {
    // A copy of the build, so its version can be raised and loaded again while the browser runs.
    const copy = await mkdtemp(join(tmpdir(), 'callcare-update-'));
    extraDirs.push(copy);
    await cp(EXTENSION_PATH, copy, { recursive: true });
    harness = await launch(undefined, { extensionPath: copy });
    const h = harness;
    const { tabId, id } = await startCall(h, MEET);
    const panel = new SidePanel(await h.extensionPage(`sidepanel.html?tab=${tabId}`));
    await panel.setAgreement(CAMERAS, 'Agreed');
    await expect
      .poll(async () => (await sessionsNow(h))[0]?.agreements['rule-cameras'])
      .toMatchObject({ state: 'agreed' });

    const manifestPath = join(copy, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string };
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '99.0.0' }));
    await h.cdp.send('Extensions.loadUnpacked' as never, { path: copy } as never);
    await expect.poll(() => h.inspect(() => chrome.runtime.getManifest().version)).toBe('99.0.0');
    // The new worker marks its start in session storage, then looks at the open tabs under the lifecycle lock:
    // once that lock is free, it has decided what became of the running session.
    await expect
      .poll(() => h.inspect(async () => Object.keys(await chrome.storage.session.get('browserSession'))))
      .toEqual(['browserSession']);
    await h.inspect(() => navigator.locks.request('callcare:lifecycle', async () => true));

    // The worker of the new version has looked at the open tabs and left the call running.
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    const all = await sessionsNow(h);
    expect(all.map((session) => [session.id, session.status])).toEqual([[id, 'running']]);
    expect(all[0]?.agreements['rule-cameras']).toMatchObject({ state: 'agreed' });
    expect(await notificationIds(h)).toEqual([]);
    expect(h.context.pages().some((page) => page.url().includes('aftercare.html'))).toBe(false);
  });
});

describe('protection', () => {
  it('keeps every character typed while the passphrase is being changed', async () => {
    harness = await launch();
    const h = harness;
    const settings = await h.extensionPage('options.html#settings');
    await settings.setViewportSize({ width: 1000, height: 900 });
    const on = settings.getByRole('form', { name: 'Turn on protection' });
    await on.getByLabel('New passphrase').fill(PASSPHRASE);
    await on.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await on.getByRole('checkbox', { name: 'I understand that a forgotten passphrase cannot be recovered.' }).check();
    await on.getByRole('button', { name: 'Turn on protection' }).click();
    await settings.getByText('Protection is on. Callcare stores your records encrypted.').waitFor({ timeout: 20_000 });

    const { call, id } = await startCall(h, MEET);
    const aftercare = await endCall(h, call, id);
    const change = settings.getByRole('form', { name: 'Change the passphrase' });
    await change.getByLabel('Current passphrase').fill(PASSPHRASE);
    await change.getByLabel('New passphrase').fill('copper river morning nine');
    await change.getByLabel('The same passphrase again').fill('copper river morning nine');

    await aftercare.field('Concerns').click();
    await Promise.all([
      typeFast(aftercare.page, EXPANDED),
      change.getByRole('button', { name: 'Change passphrase' }).click(),
    ]);
    await settings
      .getByText('The passphrase was changed and every record encrypted again.')
      .waitFor({ timeout: 30_000 });
    await aftercare.page.close();

    const reopened = new AftercarePage(await h.extensionPage(`aftercare.html?session=${id}`));
    await expect.poll(() => reopened.field('Concerns').inputValue()).toBe(EXPANDED);
    const raw = await h.inspect(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(raw).not.toContain('Client seemed calmer');
  });
});
