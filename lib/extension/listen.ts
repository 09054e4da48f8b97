/**
 * Listens to one of the browser's extension events from a page, in a way that
 * leaves nothing behind when the page closes.
 *
 * Firefox logs an error ("sendRemoveListener on closed conduit") for each
 * listener an extension page still has when it closes (the popup, a tab),
 * because it removes them after the page's connection is gone. So in
 * Firefox a page's listeners are removed as it is about to unload, while
 * Firefox still knows the page. Should the page stay after all (its leaving
 * was cancelled), they are added again at the next sign of the person using
 * it, and `onListenersBack` says so, for what changed in between to be read.
 *
 * The sidebar is the exception: Firefox ends it without a "beforeunload", and
 * by its "pagehide" the page is already gone, so Firefox still logs one line
 * for each of its listeners (two, by using one for all of storage).
 */

interface ExtensionEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
  hasListener(listener: L): boolean;
}

const live = new Set<{ event: ExtensionEvent<never>; listener: never }>();

/** Calls `listener` on each `event`; returns how to stop. */
export function listen<L>(event: ExtensionEvent<L>, listener: L): () => void {
  const entry = { event, listener } as unknown as { event: ExtensionEvent<never>; listener: never };
  live.add(entry);
  if (!event.hasListener(listener)) event.addListener(listener);
  return () => {
    live.delete(entry);
    event.removeListener(listener);
  };
}

const resumed = new Set<() => void>();
let removed = false;

/** Calls `callback` when a page's listeners are back after being removed: what changed meanwhile was missed. */
export function onListenersBack(callback: () => void): () => void {
  resumed.add(callback);
  return () => {
    resumed.delete(callback);
  };
}

function removeAll() {
  removed = true;
  for (const { event, listener } of live) event.removeListener(listener);
}

function addAll() {
  if (!removed) return;
  removed = false;
  for (const { event, listener } of live) if (!event.hasListener(listener)) event.addListener(listener);
  for (const callback of [...resumed]) callback();
}

// Not in Firefox's background page (also a page): its listeners must outlive a suspension untouched.
const isBackground = () => location.pathname.includes('background');

if (import.meta.env.FIREFOX && typeof window !== 'undefined' && typeof document !== 'undefined' && !isBackground()) {
  window.addEventListener('beforeunload', removeAll);
  window.addEventListener('pagehide', removeAll);
  for (const sign of ['pageshow', 'focus', 'pointerdown', 'keydown']) window.addEventListener(sign, addAll, true);
}
