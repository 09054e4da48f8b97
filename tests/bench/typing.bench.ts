/**
 * Benchmark, not a test: a practitioner types a note in the side panel during
 * a call, with 10,000 sessions stored and Settings open in another tab, in
 * real Chromium. Target: no main-thread task over 100 ms in the side panel,
 * and every key stored. Run with `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { badgeOf } from '../e2e/harness';
import { SidePanel } from '../e2e/pages/sidePanel';
import { pageInOwnWindow, watchStalls } from './pages';
import { SESSIONS, seededBrowser } from './seed';

const STALL_TARGET_MS = 100;
const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';
const NOTE = 'Camera broken, audio only today';

const browser = seededBrowser();

describe(`typing with ${SESSIONS} sessions and Settings open`, () => {
  it('stores every key with no long stall in the side panel', async () => {
    const settings = await pageInOwnWindow(browser(), 'options.html#settings');
    await settings.getByRole('heading', { name: 'Callcare settings' }).waitFor();
    const call = await browser().openCall('https://meet.google.com/xyz-abcd-efg');
    const tabId = await browser().tabIdOf(call);
    await expect.poll(() => badgeOf(browser(), tabId), { timeout: 30_000 }).toBe('●');
    const panel = new SidePanel(await pageInOwnWindow(browser(), `sidepanel.html?tab=${tabId}`));
    await panel.noteFor(CAMERAS).waitFor();
    // The panel has loaded and has nothing left to do: what follows is the typing alone.
    await panel.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 10_000 })));
    const stalls = await watchStalls(panel.page);

    const started = Date.now();
    await panel.noteFor(CAMERAS).pressSequentially(NOTE, { delay: 10 });
    await expect
      .poll(
        () =>
          browser().inspect(async () => {
            const all = await chrome.storage.local.get(null);
            return Object.values(all).some((value) =>
              JSON.stringify(value).includes('Camera broken, audio only today'),
            );
          }),
        { timeout: 60_000, interval: 20 },
      )
      .toBe(true);
    const elapsed = Date.now() - started;
    const stalled = await stalls();
    console.log(
      `typing ${NOTE.length} keys with ${SESSIONS} sessions and Settings open: stored ${elapsed} ms after the first key; ` +
        `longest task in the side panel ${stalled.longTask} ms, longest heartbeat gap ${stalled.heartbeatGap} ms (target ${STALL_TARGET_MS} ms)`,
    );
    expect(stalled.longTask).toBeLessThan(STALL_TARGET_MS);
  }, 300_000);
});
