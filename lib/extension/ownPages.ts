/**
 * Callcare's own pages that are open, found without the "tabs" permission.
 * `runtime.getContexts` (Chrome 116, recent Firefox) lists them. Firefox
 * versions without it still show their tabs' addresses for the extension's
 * own pages, and its background is a page that sees the others
 * (`extension.getViews`); Chrome always has getContexts.
 */
import { browser } from 'wxt/browser';

type Where = { tabId: number; windowId?: number };

interface Contexts {
  getContexts?: (filter: {
    contextTypes?: string[];
    documentUrls?: string[];
  }) => Promise<Array<{ tabId: number; windowId: number }>>;
}

function getContexts() {
  // The browser's own runtime, not the promise wrapper's: getContexts answers with a promise in both browsers.
  const runtime = (globalThis as { chrome?: { runtime?: Contexts } }).chrome?.runtime;
  return runtime?.getContexts?.bind(runtime);
}

/** Whether a tab, the side panel (sidebar) or the popup shows one of Callcare's pages. */
export async function ownPagesOpen(): Promise<boolean> {
  const contexts = getContexts();
  if (contexts) return (await contexts({ contextTypes: ['TAB', 'SIDE_PANEL', 'POPUP'] })).length > 0;
  // Only Firefox's background is a page that can see the others; Chrome's worker always has getContexts.
  if (!import.meta.env.FIREFOX) return false;
  const views = (browser.extension as unknown as { getViews?: (filter: { type: string }) => unknown[] }).getViews;
  if (!views) return false;
  return ['tab', 'popup', 'sidebar'].some((type) => views({ type }).length > 0);
}

/** The tab showing exactly `url`, one of Callcare's pages, if one does. */
export async function ownTabShowing(url: string): Promise<Where | undefined> {
  const contexts = getContexts();
  if (contexts) {
    let found: Array<{ tabId: number; windowId: number }>;
    try {
      found = await contexts({ contextTypes: ['TAB'], documentUrls: [url] });
    } catch {
      return undefined; // The browser cannot look its pages up this way: a new tab is opened instead.
    }
    const context = found.find((entry) => entry.tabId >= 0);
    return context
      ? { tabId: context.tabId, windowId: context.windowId >= 0 ? context.windowId : undefined }
      : undefined;
  }
  const tab = (await browser.tabs.query({})).find((entry) => entry.url === url && entry.id !== undefined);
  return tab?.id === undefined ? undefined : { tabId: tab.id, windowId: tab.windowId };
}
