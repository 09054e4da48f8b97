/** The worker's prompts for an aftercare note: a notification, and the aftercare page in a tab. */
import { type Browser, browser } from 'wxt/browser';
import { ownTabShowing } from '../../lib/extension/ownPages';
import { aftercareNotificationId, aftercarePageUrl } from '../../lib/extension/prompts';
import { t } from '../../lib/i18n';
import { languageReady } from '../../lib/i18n/start';
import type { Brief } from '../../lib/sessions/openList';

export async function notifyAftercare(session: Pick<Brief, 'id' | 'platform'>, recovered: boolean): Promise<void> {
  await languageReady();
  const platform = t(`platform.${session.platform}`);
  const options: Browser.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notificationTitle'),
    message: recovered ? t('notificationRecoveredMessage', { platform }) : t('notificationMessage', { platform }),
  };
  // Firefox notifications have no buttons: clicking the notification itself opens the note there.
  if (!import.meta.env.FIREFOX) {
    options.buttons = [{ title: t('notificationButton') }];
    options.requireInteraction = true;
  }
  await browser.notifications.create(aftercareNotificationId(session.id), options);
}

/** Opens the aftercare page for a session, or brings its open tab to the front. */
export async function openAftercarePage(sessionId: string): Promise<void> {
  const url = aftercarePageUrl(sessionId);
  const existing = await ownTabShowing(url);
  if (existing !== undefined) {
    await browser.tabs.update(existing.tabId, { active: true });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
