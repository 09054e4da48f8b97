import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ownPagesOpen, ownTabShowing } from '../../lib/extension/ownPages';

const AFTERCARE = 'chrome-extension://test/aftercare.html?session=s1';

describe("Callcare's own open pages", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('are listed by runtime.getContexts where the browser has it', async () => {
    const getContexts = vi.fn(async (filter: { contextTypes?: string[]; documentUrls?: string[] }) =>
      filter.documentUrls?.includes(AFTERCARE) || filter.documentUrls === undefined ? [{ tabId: 7, windowId: 2 }] : [],
    );
    vi.stubGlobal('chrome', { runtime: { getContexts } });
    expect(await ownPagesOpen()).toBe(true);
    expect(getContexts).toHaveBeenLastCalledWith({ contextTypes: ['TAB', 'SIDE_PANEL', 'POPUP'] });
    expect(await ownTabShowing(AFTERCARE)).toEqual({ tabId: 7, windowId: 2 });
    expect(await ownTabShowing(`${AFTERCARE}x`)).toBeUndefined();
  });

  it('are found by their tab addresses where it does not (older Firefox)', async () => {
    vi.stubGlobal('chrome', { runtime: {} });
    await fakeBrowser.tabs.create({ url: 'https://meet.google.com/abc-defg-hij' });
    expect(await ownTabShowing(AFTERCARE)).toBeUndefined();
    const tab = await fakeBrowser.tabs.create({ url: AFTERCARE });
    expect(await ownTabShowing(AFTERCARE)).toEqual({ tabId: tab.id, windowId: tab.windowId });
  });

  it('count as none when the browser can list neither', async () => {
    vi.stubGlobal('chrome', undefined);
    expect(await ownPagesOpen()).toBe(false);
  });

  it('open a new tab rather than fail when the lookup is refused', async () => {
    vi.stubGlobal('chrome', { runtime: { getContexts: () => Promise.reject(new Error('not allowed')) } });
    expect(await ownTabShowing(AFTERCARE)).toBeUndefined();
  });
});
