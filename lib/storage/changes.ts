/**
 * Every change to storage this page or worker cares about arrives through one
 * `storage.onChanged` listener, handed on to each subscriber: one listener for
 * the browser to call, and to remove as a Firefox page closes
 * (lib/extension/listen.ts).
 */
import { browser } from 'wxt/browser';
import { listen, onListenersBack } from '../extension/listen';

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
/**
 * `missed` is true when the page was not listening for a while (see onListenersBack): anything may have changed,
 * and what the listener shows is to be read again.
 */
type Listener = (changes: StorageChanges, area: string, missed: boolean) => void;

const listeners = new Set<Listener>();
let stop: (() => void) | null = null;

function handOn(changes: StorageChanges, area: string) {
  for (const listener of [...listeners]) listener(changes, area, false);
}

onListenersBack(() => {
  for (const listener of [...listeners]) listener({}, '', true);
});

/** Calls `listener` on each change to storage (any area); returns how to stop. */
export function onStorageChange(listener: Listener): () => void {
  listeners.add(listener);
  // Asked of the browser each time rather than only remembered: the tests' fake browser forgets its listeners.
  if (stop === null || !browser.storage.onChanged.hasListener(handOn)) {
    stop?.();
    stop = listen(browser.storage.onChanged, handOn);
  }
  return () => {
    listeners.delete(listener);
  };
}
