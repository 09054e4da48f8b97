/**
 * Every page, checked with axe (WCAG 2 A and AA, contrast included) in light
 * and dark themes, the side panel at 320 px wide, and the checklist worked by
 * keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations } from './axe';
import { badgeOf, type Harness, launch, storedSessions } from './harness';

let harness: Harness;
const callSession = async () => (await storedSessions(harness)).find((session) => session.tabId === callTab);
let callTab: number;
let sessionId: string;
let clientTab: number;
const CLIENT_ID = 'a11y-client';

beforeAll(async () => {
  harness = await launch();
  const call = await harness.openCall('https://meet.google.com/abc-defg-hij');
  callTab = await harness.tabIdOf(call);
  await vi.waitFor(async () => expect(await badgeOf(harness, callTab)).toBe('●'));
  sessionId = String((await storedSessions(harness))[0]?.id);
  // A client with a few answers, linked to a second call's session, for the pages that show one.
  const second = await harness.openCall('https://meet.jit.si/AccessibilityRoom');
  clientTab = await harness.tabIdOf(second);
  await vi.waitFor(async () => expect(await badgeOf(harness, clientTab)).toBe('●'));
  await harness.inspect(
    async ({ id, tab }) => {
      const now = Date.now();
      const client = {
        id,
        code: 'FS-001',
        createdAt: now,
        archivedAt: null,
        considerations: {
          'met-before': { answer: 'no', note: 'Only by phone', answeredAt: now },
          trust: { answer: 'unsure', note: '', answeredAt: now },
        },
      };
      await chrome.storage.local.set({ [`client:${id}`]: { v: 1, data: client } });
      const all = await chrome.storage.local.get(null);
      const [key, stored] = Object.entries(all).find(
        ([name, value]) => name.startsWith('session:') && (value as { data: { tabId: number } }).data.tabId === tab,
      ) as [string, { v: number; data: Record<string, unknown> }];
      await chrome.storage.local.set({ [key]: { ...stored, data: { ...stored.data, clientId: id } } });
    },
    { id: CLIENT_ID, tab: clientTab },
  );
});

afterAll(async () => {
  await harness?.close();
});

describe.each(['light', 'dark'] as const)('in the %s theme', (colorScheme) => {
  const pages: Array<[string, () => string, { width: number; height: number }, string]> = [
    ['side panel', () => `sidepanel.html?tab=${callTab}`, { width: 320, height: 800 }, 'Rules of communication'],
    ['popup', () => 'popup.html', { width: 360, height: 600 }, 'Callcare'],
    ['aftercare page', () => `aftercare.html?session=${sessionId}`, { width: 1000, height: 800 }, 'Aftercare note'],
    ['settings page', () => 'options.html', { width: 1000, height: 800 }, 'Callcare settings'],
    [
      'side panel with a client',
      () => `sidepanel.html?tab=${clientTab}`,
      { width: 320, height: 800 },
      'Client: FS-001',
    ],
    ['clients page', () => 'options.html#clients', { width: 1000, height: 800 }, 'Clients'],
    ["client's page", () => `options.html#client/${CLIENT_ID}`, { width: 1000, height: 800 }, 'FS-001'],
    ['checklists page', () => 'options.html#checklists', { width: 1000, height: 800 }, 'Checklists'],
    [
      'checklist editor',
      () => 'options.html#checklist/default',
      { width: 1000, height: 800 },
      'Edit "Default checklist"',
    ],
    ['history', () => 'options.html#history', { width: 1000, height: 800 }, 'History'],
    ['overview', () => 'options.html#overview', { width: 1000, height: 800 }, 'Overview'],
    ['report', () => `report.html?session=${sessionId}`, { width: 800, height: 800 }, 'Session report'],
    // Settings, History and the Overview at the side panel's narrowest width too.
    ['settings page at 320 px', () => 'options.html', { width: 320, height: 800 }, 'Callcare settings'],
    ['history at 320 px', () => 'options.html#history', { width: 320, height: 800 }, 'History'],
    ['overview at 320 px', () => 'options.html#overview', { width: 320, height: 800 }, 'Overview'],
  ];

  it.each(pages)('the %s has no accessibility violations', async (_name, path, viewport, heading) => {
    const page = await harness.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${harness.extensionId}/${path()}`);
    await page.getByText(heading, { exact: true }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Nothing is cut off or scrolls sideways at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });
});

describe('by keyboard alone', () => {
  it('records an agreement and adds a person, with the focus always visible', async () => {
    const page = await harness.context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`chrome-extension://${harness.extensionId}/sidepanel.html?tab=${callTab}`);
    const cameras = page.getByRole('radiogroup', { name: /^What was agreed: Both keep cameras on/ });
    await cameras.waitFor();

    // Tab through the panel until the cameras rule has the focus.
    for (let step = 0; step < 60; step++) {
      await page.keyboard.press('Tab');
      const inCameras = await cameras.evaluate((group) => group.contains(document.activeElement));
      if (inCameras) break;
      const outline = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement | null;
        return focused && focused !== document.body ? getComputedStyle(focused).outlineStyle : 'not-a-control';
      });
      expect(outline).not.toBe('none');
    }
    expect(await cameras.evaluate((group) => group.contains(document.activeElement))).toBe(true);
    // Nothing is recorded yet, so the focus lands on the first state; arrow keys only move it, Space records.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Agreed');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Declined');
    await page.keyboard.press('Space');
    await expect
      .poll(async () => ((await callSession())?.agreements as Record<string, unknown> | undefined)?.['rule-cameras'])
      .toMatchObject({ state: 'declined', history: [{ state: 'declined' }] });

    await page.getByRole('button', { name: 'Note someone present' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('First name or initial').focus();
    await page.keyboard.type('J');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await callSession())?.people).toMatchObject([{ name: 'J', role: 'client' }]);
    await page.close();
  });
});
