/**
 * Keeps the session digest in step with the sessions: every change to a
 * session record is folded in shortly after it is written, and the digest is
 * rebuilt from all sessions when it is missing or its list of sessions differs.
 */
import { browser } from 'wxt/browser';
import { digestFrom, withChanges } from '../../lib/sessions/digest';
import { sessionDigest, sessions } from '../../lib/storage/items';
import { isLocked } from '../../lib/storage/stored';

const PREFIX = sessions.spec.prefix;
const FOLD_AFTER_MS = 300;

async function storedSessionIds(): Promise<string[]> {
  const local = browser.storage.local as unknown as { getKeys?: () => Promise<string[]> };
  const keys = local.getKeys ? await local.getKeys() : Object.keys(await browser.storage.local.get(null));
  return keys.filter((key) => key.startsWith(PREFIX)).map((key) => key.slice(PREFIX.length));
}

/** Rebuilds the digest when its sessions are not exactly the stored ones. Waits while locked. */
export async function checkDigest(): Promise<boolean> {
  try {
    const [ids, digest] = await Promise.all([storedSessionIds(), sessionDigest.get()]);
    const known = Object.keys(digest.entries);
    if (ids.length === known.length && ids.every((id) => id in digest.entries)) return false;
    await sessionDigest.set(digestFrom(await sessions.all()));
    return true;
  } catch (error) {
    if (isLocked(error)) return false;
    throw error;
  }
}

export function keepDigest(report: (error: unknown) => void): void {
  const waiting = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fold = async () => {
    timer = undefined;
    const ids = [...waiting];
    waiting.clear();
    try {
      const changed = await Promise.all(ids.map(async (id) => [id, await sessions.get(id)] as const));
      await sessionDigest.update((digest) => withChanges(digest, changed));
    } catch (error) {
      // Locked: the digest is checked again once unlocked.
      if (!isLocked(error)) report(error);
    }
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const key of Object.keys(changes)) if (key.startsWith(PREFIX)) waiting.add(key.slice(PREFIX.length));
    if (waiting.size > 0 && timer === undefined) timer = setTimeout(() => void fold(), FOLD_AFTER_MS);
  });
}
