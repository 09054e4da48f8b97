/** Once a day, tells the practitioner when completed sessions are past the retention period. Deletes nothing. */
import { browser } from 'wxt/browser';
import { m } from '../../lib/messages';
import { dueForDeletion } from '../../lib/retention';
import { sessions, settings } from '../../lib/storage/items';
import { vaultStatus } from '../../lib/storage/vault';

export const RETENTION_ALARM = 'retention-check';
export const RETENTION_NOTIFICATION = 'retention';

export function scheduleRetentionCheck() {
  return browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
}

export async function checkRetention(now = Date.now()): Promise<number> {
  const { retentionDays } = await settings.get();
  if (retentionDays === null || (await vaultStatus()) === 'locked') return 0;
  const due = dueForDeletion(await sessions.all(), retentionDays, now);
  if (due.ids.length === 0) return 0;
  await browser.notifications.create(RETENTION_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: m.retentionNotificationTitle,
    message: m.retentionNotificationMessage(due.ids.length),
  });
  return due.ids.length;
}
