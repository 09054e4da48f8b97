/**
 * The side panel (Chrome, Edge) or sidebar (Firefox). Chrome gives each call
 * tab a panel of its own that stays with that tab; Firefox has one sidebar per
 * window, which follows the active tab by itself.
 */
import { browser } from 'wxt/browser';
import { CallcareError } from '../errors';

export function panelPathForTab(tabId: number): string {
  return `sidepanel.html?tab=${tabId}`;
}

export async function enablePanelForTab(tabId: number): Promise<void> {
  // Firefox's sidebar needs nothing per tab; the Firefox build holds no sidePanel code at all (import.meta.env.FIREFOX
  // is fixed at build time, so the other branch is left out).
  if (import.meta.env.FIREFOX || typeof chrome === 'undefined' || chrome.sidePanel === undefined) return;
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
  if (import.meta.env.FIREFOX) {
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    return sidebar ? sidebar.open() : Promise.reject(new CallcareError('no-side-panel'));
  }
  if (typeof chrome === 'undefined' || chrome.sidePanel === undefined) {
    return Promise.reject(new CallcareError('no-side-panel'));
  }
  if (target.tabId !== undefined) return chrome.sidePanel.open({ tabId: target.tabId });
  if (target.windowId !== undefined) return chrome.sidePanel.open({ windowId: target.windowId });
  return Promise.reject(new CallcareError('no-panel-window'));
}
