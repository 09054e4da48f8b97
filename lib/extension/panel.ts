/**
 * The side panel (Chrome, Edge) or sidebar (Firefox). Chrome gives each call
 * tab a panel of its own that stays with that tab; Firefox has one sidebar per
 * window, which follows the active tab by itself.
 */
import { browser } from 'wxt/browser';
import { CallcareError } from '../errors';

const hasSidePanel = () => typeof chrome !== 'undefined' && chrome.sidePanel !== undefined;

export function panelPathForTab(tabId: number): string {
  return `sidepanel.html?tab=${tabId}`;
}

export async function enablePanelForTab(tabId: number): Promise<void> {
  if (!hasSidePanel()) return;
  try {
    await chrome.sidePanel.setOptions({ tabId, path: panelPathForTab(tabId), enabled: true });
  } catch {
    // The tab closed before its panel was set up.
  }
}

/**
 * Opens the panel. Must run inside a user gesture (a click, a keyboard
 * command) and before anything is awaited, or the browser refuses.
 */
export function openPanel(target: { tabId?: number; windowId?: number }): Promise<void> {
  if (hasSidePanel()) {
    if (target.tabId !== undefined) return chrome.sidePanel.open({ tabId: target.tabId });
    if (target.windowId !== undefined) return chrome.sidePanel.open({ windowId: target.windowId });
    return Promise.reject(new CallcareError('no-panel-window'));
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  return sidebar ? sidebar.open() : Promise.reject(new CallcareError('no-side-panel'));
}
