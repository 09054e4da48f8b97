/**
 * An update of Callcare waits while a call runs or one of its pages is open:
 * applying it reloads the extension, which closes the side panel and the
 * aftercare page mid-note and locks the records. The browser hands the update
 * over (`runtime.onUpdateAvailable`) and Callcare applies it once free.
 */
import { browser } from 'wxt/browser';
import { ownPagesOpen } from '../../lib/extension/ownPages';
import { openSessions, updateWaiting } from '../../lib/storage/items';

export const UPDATE_ALARM = 'apply-update';

/** Applies a waiting update if nothing is in the way; otherwise checks again in a minute. */
export async function applyUpdateWhenFree(): Promise<boolean> {
  if (!(await updateWaiting.get())) return false;
  const running = Object.values(await openSessions.get()).some((entry) => entry.status === 'running');
  if (running || (await ownPagesOpen())) {
    if (!(await browser.alarms.get(UPDATE_ALARM))) await browser.alarms.create(UPDATE_ALARM, { periodInMinutes: 1 });
    return false;
  }
  await browser.alarms.clear(UPDATE_ALARM);
  await updateWaiting.set(false);
  browser.runtime.reload();
  return true;
}

export function deferUpdates(report: (error: unknown) => void): void {
  browser.runtime.onUpdateAvailable.addListener(() => {
    updateWaiting.set(true).then(applyUpdateWhenFree).catch(report);
  });
  openSessions.watch(() => applyUpdateWhenFree().catch(report));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) applyUpdateWhenFree().catch(report);
  });
  applyUpdateWhenFree().catch(report);
}
