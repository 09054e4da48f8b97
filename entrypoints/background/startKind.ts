/**
 * Why the service worker is starting. Session storage is cleared both when
 * the browser starts and when the extension is updated or reloaded, so its
 * marker alone cannot tell those apart; the runtime's own events can. After an
 * update the call tabs are still open with the same ids, and their sessions
 * go on: only a browser start ends them as "browser closed".
 */
import { browser } from 'wxt/browser';
import type { StartKind } from '../../lib/sessions/lifecycle';
import { browserSession, openSessions } from '../../lib/storage/items';

/** How long to wait for the runtime to say why it started the worker, when session storage is new. */
const EVENT_WAIT_MS = 3000;

type Told = 'startup' | 'install' | 'update' | 'browser-update' | 'untold';

/** Call at the top level of the worker, so the listeners are there when the runtime delivers its events. */
export function watchStartKind(): () => Promise<StartKind> {
  const told = new Promise<Told>((resolve) => {
    browser.runtime.onStartup.addListener(() => resolve('startup'));
    browser.runtime.onInstalled.addListener(({ reason }) => {
      const name = String(reason);
      resolve(
        name === 'install'
          ? 'install'
          : ['browser_update', 'chrome_update'].includes(name)
            ? 'browser-update'
            : 'update',
      );
    });
    // Neither event (the extension was turned off and on again): the tabs are still the browser's own.
    setTimeout(() => resolve('untold'), EVENT_WAIT_MS);
  });
  let kind: Promise<StartKind> | undefined;
  // Asked once per worker start; every caller gets the same answer.
  return () => {
    kind ??= decide();
    return kind;
  };
  async function decide(): Promise<StartKind> {
    if ((await browserSession.get()) !== null) return 'wake';
    await browserSession.set({ startedAt: Date.now() });
    const reason = await told;
    if (reason === 'startup' || reason === 'browser-update') return 'browser-start';
    // An extension loaded from the command line is "installed" afresh at every browser start, its storage kept;
    // a true first install has no sessions yet.
    if (reason === 'install' && Object.keys(await openSessions.get()).length > 0) return 'browser-start';
    return 'installed-or-updated';
  }
}
