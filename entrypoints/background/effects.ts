/** What the background does when the lifecycle reports that a session started or ended. */

import { enablePanelForTab } from '../../lib/extension/panel';
import type { LifecycleEvent } from '../../lib/sessions/lifecycle';
import { markPrompted } from '../../lib/sessions/store';
import { settings } from '../../lib/settings';
import { openSessions } from '../../lib/storage/items';
import { notifyAftercare, openAftercarePage } from './aftercarePrompt';
import { markTab, unmarkTab } from './badge';
import { noticeIfOverLimit } from './dailyLimit';

export async function applyLifecycleEvents(events: readonly LifecycleEvent[]): Promise<void> {
  for (const event of events) {
    const { session } = event;
    if (event.type === 'started') await noticeIfOverLimit(session.startedAt);
    if (event.type !== 'ended') {
      if (session.tabId === null) continue;
      if (event.type === 'started') await enablePanelForTab(session.tabId);
      await markTab(session.tabId, await openSessions.get());
      continue;
    }
    if (session.tabId !== null) await unmarkTab(session.tabId);
    const wanted = await settings.get();
    const recovered = session.endReason === 'browser-closed';
    // Both prompts at once: the page does not wait for the notification.
    await Promise.all([
      wanted.notifyOnEnd || recovered ? notifyAftercare(session, recovered) : undefined,
      // A browser that has just started is not the moment to open tabs by itself.
      wanted.openAftercareOnEnd && !recovered ? openAftercarePage(session.id) : undefined,
    ]);
    // Only now: a worker stopped before this line prompts again at its next start (a repeat replaces, never doubles).
    await markPrompted(session.id);
  }
}
