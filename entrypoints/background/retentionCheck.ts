/** Once a day, tells the practitioner when completed sessions are past the retention period. Deletes nothing. */
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { languageReady } from '../../lib/i18n/start';
import { dueForDeletion } from '../../lib/retention';
import { rowsOf } from '../../lib/sessions/digest';
import { readDigest } from '../../lib/sessions/digestStore';
import { settings } from '../../lib/settings';
import { vaultStatus } from '../../lib/storage/vault';

export const RETENTION_ALARM = 'retention-check';
export const RETENTION_NOTIFICATION = 'retention';

/**
 * Creates the daily alarm only when it is missing: creating an alarm replaces
 * one of the same name, so doing it at every wake of the worker would keep
 * moving it, and it could fire far more often than daily.
 */
export async function scheduleRetentionCheck(): Promise<void> {
  if (await browser.alarms.get(RETENTION_ALARM)) return;
  await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
}

export async function checkRetention(now = Date.now()): Promise<number> {
  await languageReady();
  const { retentionDays } = await settings.get();
  if (retentionDays === null || (await vaultStatus()) === 'locked') return 0;
  // The digest, not every session: reading and decrypting thousands of records once a day is not needed.
  const due = dueForDeletion(rowsOf(await readDigest()), retentionDays, now);
  if (due.ids.length === 0) return 0;
  await browser.notifications.create(RETENTION_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('retentionNotificationTitle'),
    message: t('retentionNotificationMessage', { count: due.ids.length }),
  });
  return due.ids.length;
}
