/**
 * The toolbar badge: on a call tab with a running session, a dot; everywhere
 * else, the number of aftercare notes still to write.
 */
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { languageReady } from '../../lib/i18n/start';
import type { OpenSessions } from '../../lib/schemas';
import { pendingCount } from '../../lib/sessions/openList';

const SESSION_COLOUR = '#0b5f5a';
const PENDING_COLOUR = '#8a4b00';
const SESSION_MARK = '●';

export async function showBadges(open: OpenSessions): Promise<void> {
  await languageReady();
  const pending = pendingCount(open);
  await browser.action.setBadgeBackgroundColor({ color: PENDING_COLOUR });
  await browser.action.setBadgeText({ text: pending > 0 ? String(pending) : '' });
  await browser.action.setTitle({
    title: pending > 0 ? t('badgeTitlePending', { count: pending }) : t('badgeTitleIdle'),
  });
  const callTabs = Object.values(open).flatMap((entry) =>
    entry.status === 'running' && entry.tabId !== null ? [entry.tabId] : [],
  );
  await Promise.all(callTabs.map((tabId) => markTab(tabId, open)));
}

/** Marks a call tab whose session is running. Chrome clears a tab's own badge when it loads a page, so this runs again then. */
export async function markTab(tabId: number, open: OpenSessions): Promise<void> {
  await languageReady();
  const pending = pendingCount(open);
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: SESSION_COLOUR });
    await browser.action.setBadgeText({ tabId, text: SESSION_MARK });
    const title =
      pending > 0 ? `${t('badgeTitleSession')}. ${t('badgeTitlePending', { count: pending })}` : t('badgeTitleSession');
    await browser.action.setTitle({ tabId, title });
  } catch {
    // The tab closed in the meantime: its session ends through tabs.onRemoved.
  }
}

/** Gives a tab back the window-wide badge once its session has ended. */
export async function unmarkTab(tabId: number): Promise<void> {
  try {
    // null (not "") clears this tab's own text so the window-wide count shows.
    await browser.action.setBadgeText({ tabId, text: null as unknown as string });
    await browser.action.setBadgeBackgroundColor({ tabId, color: PENDING_COLOUR });
    await browser.action.setTitle({ tabId, title: null as unknown as string });
  } catch {
    // The tab is gone, and its badge with it.
  }
}
