/** The tab the practitioner is looking at in this window (its address only where Callcare may read it). */
import { browser } from 'wxt/browser';

export interface ActiveTab {
  id: number;
  windowId: number;
  url: string | undefined;
}

export async function activeTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  return { id: tab.id, windowId: tab.windowId ?? -1, url: tab.url };
}
