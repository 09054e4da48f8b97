/**
 * Whether Callcare's records are protected, and the unlocked key. The
 * protection settings (salt, rounds, a key check) are stored in the clear:
 * they reveal nothing. The key itself lives only in this context's memory and
 * in the browser's session storage, which is kept in memory and cleared when
 * the browser closes; it is never written to disk.
 */
import { browser } from 'wxt/browser';
import { importKey } from '../crypto';
import { z } from '../zod';
import { onStorageChange } from './changes';

export const PROTECTION_KEY = 'protection';
export const UNLOCKED_KEY = 'unlockedKey';

export const sealedSchema = z.object({ iv: z.string().check(z.minLength(1)), ct: z.string().check(z.minLength(1)) });

export const protectionSchema = z.object({
  salt: z.string().check(z.minLength(1)),
  iterations: z.int().check(z.minimum(600_000)),
  /** Which key sealed the records: a new passphrase gives a new id. */
  keyId: z.string().check(z.minLength(1)),
  /** A known text sealed with the key, to tell a wrong passphrase at once. */
  check: sealedSchema,
});
export type Protection = z.infer<typeof protectionSchema>;

const storedProtectionSchema = z.object({ v: z.literal(1), data: z.nullable(protectionSchema) });
const unlockedSchema = z.object({ keyId: z.string(), raw: z.string(), unlockedAt: z.number() });

export const KEY_CHECK_TEXT = 'callcare-key-check';

export class ProtectionDamagedError extends Error {
  constructor() {
    super('the protection settings are damaged, so protected records cannot be read');
  }
}

let protectionCache: Promise<Protection | null> | undefined;
let keyCache: Promise<{ keyId: string; key: CryptoKey } | null> | undefined;
let watching = false;

function watch() {
  if (watching) return;
  watching = true;
  onStorageChange((changes, area, missed) => {
    if (missed || (area === 'local' && PROTECTION_KEY in changes)) protectionCache = undefined;
    if (missed || (area === 'session' && UNLOCKED_KEY in changes)) keyCache = undefined;
  });
}

/** Forgets what this context remembers (for tests, and after a change made here). */
export function forgetCached() {
  protectionCache = undefined;
  keyCache = undefined;
}

export function activeProtection(): Promise<Protection | null> {
  watch();
  protectionCache ??= (async () => {
    const stored = (await browser.storage.local.get(PROTECTION_KEY))[PROTECTION_KEY];
    if (stored === undefined) return null;
    const parsed = storedProtectionSchema.safeParse(stored);
    if (!parsed.success) throw new ProtectionDamagedError();
    return parsed.data.data;
  })();
  return protectionCache.catch((error) => {
    protectionCache = undefined;
    throw error;
  });
}

/** The key, if Callcare is unlocked with the passphrase of the current protection. */
export function unlockedKey(): Promise<{ keyId: string; key: CryptoKey } | null> {
  watch();
  keyCache ??= (async () => {
    const stored = unlockedSchema.safeParse((await browser.storage.session.get(UNLOCKED_KEY))[UNLOCKED_KEY]);
    if (!stored.success) return null;
    return { keyId: stored.data.keyId, key: await importKey(stored.data.raw) };
  })();
  return keyCache;
}

export type VaultStatus = 'off' | 'locked' | 'unlocked';

export async function vaultStatus(): Promise<VaultStatus> {
  const protection = await activeProtection();
  if (!protection) return 'off';
  const unlocked = await unlockedKey();
  return unlocked?.keyId === protection.keyId ? 'unlocked' : 'locked';
}

export function watchVault(onChange: () => void): () => void {
  return onStorageChange((changes, area, missed) => {
    if (missed || (area === 'local' && PROTECTION_KEY in changes) || (area === 'session' && UNLOCKED_KEY in changes)) {
      onChange();
    }
  });
}

export function storedProtection(protection: Protection | null) {
  return { v: 1 as const, data: protection };
}
