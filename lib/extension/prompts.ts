/** Where an aftercare note is written, and its notification's id: shared by the worker and the pages. */
import { browser } from 'wxt/browser';

const NOTIFICATION_PREFIX = 'aftercare:';

export function aftercarePageUrl(sessionId?: string): string {
  const page = browser.runtime.getURL('/aftercare.html');
  return sessionId ? `${page}?session=${encodeURIComponent(sessionId)}` : page;
}

export const aftercareNotificationId = (sessionId: string) => `${NOTIFICATION_PREFIX}${sessionId}`;

export function sessionIdOfNotification(notificationId: string): string | null {
  return notificationId.startsWith(NOTIFICATION_PREFIX) ? notificationId.slice(NOTIFICATION_PREFIX.length) : null;
}

export async function clearAftercareNotification(sessionId: string): Promise<void> {
  await browser.notifications.clear(aftercareNotificationId(sessionId));
}
