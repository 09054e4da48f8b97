/**
 * Turning protection on and off, unlocking, locking, and changing the
 * passphrase. Every change of key rewrites all protected records in one
 * storage write, together with the new protection settings: if anything fails
 * before that write, nothing has changed; the write itself is all or nothing.
 */
import { browser } from 'wxt/browser';
import { deriveKey, exportKey, newSalt, PBKDF2_ITERATIONS, seal, unseal } from '../crypto';
import { CallcareError } from '../errors';
import { checklists, clients, digestIndex, digestWeeks, oldDigest, storedSessions, templates } from './items';
import { withLock } from './lock';
import { isSealedRecord, QUARANTINE_PREFIX, sealedRecordSchema, VAULT_LOCK } from './stored';
import {
  activeProtection,
  forgetCached,
  KEY_CHECK_TEXT,
  PROTECTION_KEY,
  type Protection,
  storedProtection,
  UNLOCKED_KEY,
  unlockedKey,
} from './vault';

/** Records set aside (quarantine) are sealed too: what was set aside can hold client text. */
const SEALED_PREFIXES = [
  storedSessions.spec.prefix,
  checklists.spec.prefix,
  clients.spec.prefix,
  templates.spec.prefix,
  digestIndex.spec.key,
  digestWeeks.spec.prefix,
  oldDigest.spec.key,
  QUARANTINE_PREFIX,
];

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

/** Named steps, so tests can interrupt the work at each one. */
export type Step = 'derive' | 'read' | 'record' | 'write';
export type StepHook = (step: Step, detail?: string) => void | Promise<void>;
const noHook: StepHook = () => undefined;

/** How many of the protected records have been read and rewritten so far, of how many. */
export type ProgressReport = (done: number, total: number) => void;
const noProgress: ProgressReport = () => undefined;

/**
 * Records are read and sealed this many at a time: each read is small enough
 * not to hold up the thread that does it, and the records of one batch are
 * sealed together (WebCrypto works on them in parallel) while the next batch
 * is read.
 */
export const BATCH_SIZE = 250;

const isProtectedKey = (storageKey: string) => SEALED_PREFIXES.some((prefix) => storageKey.startsWith(prefix));

async function protectedKeys(): Promise<string[]> {
  // Only the keys: reading every value at once (70 MB with 10,000 sessions) is what stalled the work.
  const local = browser.storage.local as unknown as { getKeys?: () => Promise<string[]> };
  const keys = local.getKeys ? await local.getKeys() : Object.keys(await browser.storage.local.get(null));
  return keys.filter(isProtectedKey);
}

function readBatch(keys: string[]): Promise<Record<string, unknown>> {
  const reading = browser.storage.local.get(keys);
  // Read ahead: if the work stops before this batch is needed, its failure is not the one to report.
  reading.catch(() => undefined);
  return reading;
}

async function keyFor(passphrase: string, protection: Protection): Promise<CryptoKey> {
  const key = await deriveKey(passphrase, protection.salt, protection.iterations);
  try {
    if ((await unseal(key, protection.check, PROTECTION_KEY)) === KEY_CHECK_TEXT) return key;
  } catch {
    // A wrong passphrase gives a key that cannot open the check.
  }
  throw new WrongPassphraseError();
}

async function newProtection(passphrase: string): Promise<{ protection: Protection; key: CryptoKey }> {
  const salt = newSalt();
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const check = await seal(key, KEY_CHECK_TEXT, PROTECTION_KEY);
  return { protection: { salt, iterations: PBKDF2_ITERATIONS, keyId: crypto.randomUUID(), check }, key };
}

async function rememberKey(keyId: string, key: CryptoKey) {
  await browser.storage.session.set({ [UNLOCKED_KEY]: { keyId, raw: await exportKey(key), unlockedAt: Date.now() } });
  forgetCached();
}

/**
 * Rewrites every protected record from the old key (or none) to the new key
 * (or none), and the protection settings with them, in one write. A record
 * that cannot be opened with the old key is left exactly as it is: it will be
 * set aside and reported when read, never lost. Reports its progress after
 * each batch; nothing is written before the end, so stopping at any point
 * leaves everything as it was.
 */
async function rewrap(
  from: { keyId: string; key: CryptoKey } | null,
  to: { protection: Protection; key: CryptoKey } | null,
  hook: StepHook,
  onProgress: ProgressReport,
): Promise<void> {
  await hook('read');
  const keys = await protectedKeys();
  const changes: Record<string, unknown> = {};
  onProgress(0, keys.length);
  let next = keys.length > 0 ? readBatch(keys.slice(0, BATCH_SIZE)) : undefined;
  for (let start = 0; next; start += BATCH_SIZE) {
    const stored = await next;
    const following = keys.slice(start + BATCH_SIZE, start + 2 * BATCH_SIZE);
    next = following.length > 0 ? readBatch(following) : undefined;
    const batch = keys.slice(start, start + BATCH_SIZE).filter((storageKey) => storageKey in stored);
    const rewritten = await Promise.all(
      batch.map(async (storageKey) => {
        await hook('record', storageKey);
        return [storageKey, await rewrapOne(from, to, storageKey, stored[storageKey])] as const;
      }),
    );
    for (const [storageKey, value] of rewritten) if (value !== undefined) changes[storageKey] = value;
    onProgress(Math.min(start + BATCH_SIZE, keys.length), keys.length);
  }
  await hook('write');
  await browser.storage.local.set({ ...changes, [PROTECTION_KEY]: storedProtection(to?.protection ?? null) });
  forgetCached();
}

/** One record under the new key (or in the clear), or undefined to leave it as it is. */
async function rewrapOne(
  from: { keyId: string; key: CryptoKey } | null,
  to: { protection: Protection; key: CryptoKey } | null,
  storageKey: string,
  stored: unknown,
): Promise<unknown> {
  let envelope: unknown = stored;
  if (isSealedRecord(stored)) {
    const record = sealedRecordSchema.safeParse(stored);
    if (!record.success || !from || record.data.keyId !== from.keyId) return undefined;
    try {
      envelope = JSON.parse(await unseal(from.key, record.data, storageKey));
    } catch {
      return undefined;
    }
  }
  return to
    ? { sealed: 1, keyId: to.protection.keyId, ...(await seal(to.key, JSON.stringify(envelope), storageKey)) }
    : envelope;
}

export function turnOn(
  passphrase: string,
  hook: StepHook = noHook,
  onProgress: ProgressReport = noProgress,
): Promise<void> {
  return withLock(VAULT_LOCK, async () => {
    if (await activeProtection()) throw new CallcareError('protection-on');
    await hook('derive');
    const next = await newProtection(passphrase);
    await rewrap(null, next, hook, onProgress);
    await rememberKey(next.protection.keyId, next.key);
  });
}

export function changePassphrase(
  current: string,
  replacement: string,
  hook: StepHook = noHook,
  onProgress: ProgressReport = noProgress,
): Promise<void> {
  return withLock(VAULT_LOCK, async () => {
    const protection = await activeProtection();
    if (!protection) throw new CallcareError('protection-off');
    await hook('derive');
    const old = await keyFor(current, protection);
    const next = await newProtection(replacement);
    await rewrap({ keyId: protection.keyId, key: old }, next, hook, onProgress);
    await rememberKey(next.protection.keyId, next.key);
  });
}

export function turnOff(
  passphrase: string,
  hook: StepHook = noHook,
  onProgress: ProgressReport = noProgress,
): Promise<void> {
  return withLock(VAULT_LOCK, async () => {
    const protection = await activeProtection();
    if (!protection) return;
    await hook('derive');
    const key = await keyFor(passphrase, protection);
    await rewrap({ keyId: protection.keyId, key }, null, hook, onProgress);
    await browser.storage.session.remove(UNLOCKED_KEY);
    forgetCached();
  });
}

/** Unlocks for this browser session. A wrong passphrase throws WrongPassphraseError and changes nothing. */
export async function unlock(passphrase: string): Promise<void> {
  const protection = await activeProtection();
  if (!protection) return;
  const key = await keyFor(passphrase, protection);
  await rememberKey(protection.keyId, key);
}

export async function lock(): Promise<void> {
  await browser.storage.session.remove(UNLOCKED_KEY);
  forgetCached();
}

/** The key of the unlocked vault, for a backup sealed with it. */
export async function currentKeyAndProtection(): Promise<{ key: CryptoKey; protection: Protection } | null> {
  const protection = await activeProtection();
  const unlocked = await unlockedKey();
  return protection && unlocked?.keyId === protection.keyId ? { key: unlocked.key, protection } : null;
}

export { keyFor as keyForPassphrase };
