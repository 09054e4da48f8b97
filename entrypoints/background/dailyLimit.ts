/** A calm word when a session starts beyond the daily maximum the practitioner set. It never blocks the call. */
import { browser } from 'wxt/browser';
import { dayKey } from '../../lib/days';
import { t } from '../../lib/i18n';
import { languageReady } from '../../lib/i18n/start';
import { settings } from '../../lib/settings';
import { dayCounts } from '../../lib/storage/items';

export const LIMIT_NOTIFICATION = 'daily-limit';

export async function noticeIfOverLimit(startedAt: number): Promise<boolean> {
  await languageReady();
  const { maxSessionsPerDay } = await settings.get();
  if (maxSessionsPerDay === null) return false;
  const today = (await dayCounts.get())[dayKey(startedAt)] ?? 0;
  if (today <= maxSessionsPerDay) return false;
  await browser.notifications.create(LIMIT_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('limitTitle'),
    message: t('limitMessage', { count: today, maximum: maxSessionsPerDay }),
  });
  return true;
}
