/** Helpers the benchmarks share: pages in windows of their own, and the longest stall a page sees. */
import type { Page } from 'playwright-core';
import type { Harness } from '../e2e/harness';

/** Opens an extension page in a window of its own, so the browser does not throttle it as a background tab. */
export async function pageInOwnWindow(harness: Harness, path: string): Promise<Page> {
  const opened = harness.context.waitForEvent('page', (page) => page.url().includes(path));
  await harness.inspect(async (url) => {
    await chrome.windows.create({ url, focused: false, width: 1000, height: 900 });
  }, `chrome-extension://${harness.extensionId}/${path}`);
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

/** Records the longest main-thread task the page sees, by the browser's own long-task reports and by a heartbeat. */
export async function watchStalls(page: Page): Promise<() => Promise<{ longTask: number; heartbeatGap: number }>> {
  await page.evaluate(() => {
    const state = { longTask: 0, heartbeatGap: 0, last: performance.now() };
    (window as unknown as { stalls: typeof state }).stalls = state;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTask = Math.max(state.longTask, entry.duration);
    }).observe({ type: 'longtask' });
    const beat = () => {
      const now = performance.now();
      state.heartbeatGap = Math.max(state.heartbeatGap, now - state.last);
      state.last = now;
      setTimeout(beat, 5);
    };
    beat();
  });
  return () =>
    page.evaluate(() => {
      const { longTask, heartbeatGap } = (window as unknown as { stalls: { longTask: number; heartbeatGap: number } })
        .stalls;
      return { longTask: Math.round(longTask), heartbeatGap: Math.round(heartbeatGap) };
    });
}
