/**
 * Every change to storage this page or worker cares about arrives through one
 * `storage.onChanged` listener, handed on to each subscriber.
 *
 * One listener rather than one per subscriber: Firefox logs an error
 * ("sendRemoveListener on closed conduit") for each storage listener still
 * registered when an extension page closes, the popup above all. So in
 * Firefox the page's one listener is removed as the page goes away.
 */
import { browser } from 'wxt/browser';

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: StorageChanges, area: string) => void;

const listeners = new Set<Listener>();

function handOn(changes: StorageChanges, area: string) {
  for (const listener of [...listeners]) listener(changes, area);
}

// Asked of the browser each time rather than remembered: the tests' fake browser forgets its listeners between tests.
function attach() {
  if (!browser.storage.onChanged.hasListener(handOn)) browser.storage.onChanged.addListener(handOn);
}

function detach() {
  browser.storage.onChanged.removeListener(handOn);
}

/** Calls `listener` on each change to storage (any area); returns how to stop. */
export function onStorageChange(listener: Listener): () => void {
  listeners.add(listener);
  attach();
  return () => {
    listeners.delete(listener);
  };
}

if (import.meta.env.FIREFOX && typeof window !== 'undefined' && typeof document !== 'undefined') {
  // Removed before the page unloads, while Firefox still knows the page: at "pagehide" it is already too late for the
  // popup. Should the page stay after all (its leaving was cancelled), the listener is back at the next sign of the
  // person using it.
  window.addEventListener('beforeunload', detach);
  window.addEventListener('pagehide', detach);
  const back = () => {
    if (listeners.size > 0) attach();
  };
  for (const event of ['pageshow', 'focus', 'pointerdown', 'keydown']) window.addEventListener(event, back, true);
}
