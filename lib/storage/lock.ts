/**
 * Serialises read-modify-write steps on one stored key across every part of
 * the extension (service worker, popup, side panel, pages), so two of them
 * editing the same session at once lose neither change. Web Locks are shared by
 * all of an extension's contexts; where they are missing (unit tests under
 * Node), a queue per name in this context does the same within it.
 */
const queues = new Map<string, Promise<unknown>>();

export async function withLock<T>(
  name: string,
  work: () => Promise<T>,
  mode: 'exclusive' | 'shared' = 'exclusive',
): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(`callcare:${name}`, { mode }, work) as Promise<T>;
  // Without Web Locks, shared users are simply taken one at a time too.
  const previous = queues.get(name) ?? Promise.resolve();
  const result = previous.then(work, work);
  const settled = result.catch(() => undefined);
  queues.set(name, settled);
  try {
    return await result;
  } finally {
    if (queues.get(name) === settled) queues.delete(name);
  }
}
