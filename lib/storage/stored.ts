/**
 * The storage engine every stored item goes through. Each value is kept in an
 * envelope `{ v, data }`: `v` is its schema version. Reading migrates older
 * versions forward and parses with the item's zod schema. A value that cannot
 * be read (corrupt, or written by a newer Callcare) is moved, exactly as found,
 * to a quarantine record and reported; it is never dropped or overwritten.
 *
 * All reads and writes pass through `codec`, which encrypts the items marked
 * `sealed` while protection is on, so no caller needs to know about it.
 */
import { browser } from 'wxt/browser';
import { seal, unseal } from '../crypto';
import { type QuarantineEntry, quarantineEntrySchema, type SetAsideReason } from '../schemas';
import { z } from '../zod';
import { onStorageChange } from './changes';
import { withLock } from './lock';
import { activeProtection, unlockedKey } from './vault';

export type Area = 'local' | 'session';

/** `migrations[n]` turns data of version n - 1 into version n. */
export type Migrations = Record<number, (previous: unknown) => unknown>;

export interface Spec<T> {
  area: Area;
  schema: z.ZodMiniType<T>;
  version: number;
  migrations: Migrations;
  /** When this value is cleared, for the list of everything stored. */
  clearedWhen: string;
  /** Encrypted at rest when protection is on (it holds what a person typed about a client). */
  sealed?: boolean;
}

export interface ItemSpec<T> extends Spec<T> {
  key: string;
  /** The value when nothing is stored (or what was stored was set aside). */
  fallback: () => NoInfer<T>;
}

export interface CollectionSpec<T extends { id: string }> extends Spec<T> {
  prefix: string;
}

interface Envelope {
  v: number;
  data: unknown;
}

export const sealedRecordSchema = z.object({ sealed: z.literal(1), keyId: z.string(), iv: z.string(), ct: z.string() });

export const isSealedRecord = (stored: unknown) =>
  typeof stored === 'object' && stored !== null && 'sealed' in stored && 'ct' in stored;

/**
 * The one place records are encrypted and decrypted. Items not marked
 * `sealed`, and every item while protection is off, are stored as they are.
 */
const codec = {
  /** What to store for `value` (an envelope, or a quarantine entry). Throws LockedError when it must be sealed while locked. */
  async encode(spec: { sealed?: boolean }, key: string, value: unknown): Promise<unknown> {
    if (!spec.sealed) return value;
    const protection = await activeProtection();
    if (!protection) return value;
    const unlocked = await unlockedKey();
    if (unlocked?.keyId !== protection.keyId) throw new LockedError();
    return { sealed: 1, keyId: protection.keyId, ...(await seal(unlocked.key, JSON.stringify(value), key)) };
  },

  /** The envelope inside what was stored, or why it cannot be had. Throws LockedError while locked. */
  async decode(spec: { sealed?: boolean }, key: string, stored: unknown): Promise<Outcome<unknown>> {
    const protection = await activeProtection();
    if (!isSealedRecord(stored)) {
      if (spec.sealed && protection) return setAside('unencrypted-while-protected');
      return { ok: true, value: stored };
    }
    const record = sealedRecordSchema.safeParse(stored);
    if (!record.success) return setAside('damaged-encryption');
    if (!protection) return setAside('encrypted-but-off');
    if (record.data.keyId !== protection.keyId) return setAside('other-passphrase');
    const unlocked = await unlockedKey();
    if (unlocked?.keyId !== protection.keyId) throw new LockedError();
    try {
      return { ok: true, value: JSON.parse(await unseal(unlocked.key, record.data, key)) };
    } catch {
      return setAside('tampered');
    }
  },
};

/** Quarantine records are sealed like sessions while protection is on: the raw value they keep can hold client text. */
const QUARANTINE_SEALING = { sealed: true } as const;

export const QUARANTINE_PREFIX = 'quarantine:';

/** Thrown when a protected record is read or written while Callcare is locked. Nothing is set aside for it. */
export class LockedError extends Error {
  constructor() {
    super('Callcare is locked');
    this.name = 'LockedError';
  }
}

export const isLocked = (error: unknown): error is LockedError => error instanceof LockedError;

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: SetAsideReason };

const setAside = (code: SetAsideReason['code'], details: Omit<SetAsideReason, 'code'> = {}): Outcome<never> => ({
  ok: false,
  reason: { code, ...details },
});

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' &&
  value !== null &&
  'v' in value &&
  Number.isInteger((value as Envelope).v) &&
  'data' in value;

/** Turns what was stored under `key` into a current, valid value, or says why it cannot. */
export async function decodeStored<T>(spec: Spec<T>, key: string, stored: unknown): Promise<Outcome<T>> {
  const decoded = await codec.decode(spec, key, stored);
  if (!decoded.ok) return decoded;
  return readEnvelope(spec, decoded.value);
}

/** Upgrades and checks a plain envelope `{ v, data }` (from storage or from a backup file). */
export function readEnvelope<T>(spec: Spec<T>, envelope: unknown): Outcome<T> {
  if (!isEnvelope(envelope)) return setAside('not-stored-format');
  if (envelope.v > spec.version) return setAside('newer-version', { version: envelope.v });
  if (envelope.v < 1) return setAside('bad-version', { version: envelope.v });
  let data = envelope.data;
  for (let version = envelope.v + 1; version <= spec.version; version++) {
    const migrate = spec.migrations[version];
    if (!migrate) return setAside('no-upgrade-path', { version });
    try {
      data = migrate(data);
    } catch (error) {
      return setAside('upgrade-failed', { version, detail: String(error) });
    }
  }
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return setAside('wrong-shape', {
      ...(issue && issue.path.length > 0 ? { path: issue.path.join('.') } : {}),
      ...(issue ? { detail: issue.code } : {}),
    });
  }
  return { ok: true, value: parsed.data };
}

/**
 * Starts reading the protection record beside a value's own read: decoding any value asks for it, and a page's
 * first reads would otherwise wait for two trips to storage, one after the other. Its errors are met when decoding.
 */
function ahead(): void {
  activeProtection().catch(() => undefined);
}

function areaOf(area: Area) {
  return browser.storage[area];
}

/**
 * The stored values whose keys start with `prefix`. Where the browser can list
 * keys alone (Chrome's getKeys), only those values are read, not every session
 * ever stored.
 */
export async function getByPrefix(area: Area, prefix: string): Promise<Record<string, unknown>> {
  const storage = areaOf(area) as unknown as { getKeys?: () => Promise<string[]> };
  if (typeof storage.getKeys === 'function') {
    const keys = (await storage.getKeys()).filter((key) => key.startsWith(prefix));
    return keys.length === 0 ? {} : areaOf(area).get(keys);
  }
  const everything = await areaOf(area).get(null);
  return Object.fromEntries(Object.entries(everything).filter(([key]) => key.startsWith(prefix)));
}

function describeRaw(stored: unknown): string {
  try {
    return JSON.stringify(stored) ?? String(stored);
  } catch {
    return String(stored);
  }
}

/**
 * Moves an unreadable value aside. Under the key's lock, and only if the value
 * is still the one found, so two readers never set it aside twice. While
 * protection is on, the quarantine record is sealed like a session (the raw
 * value can hold client text); while locked it cannot be, so the value is left
 * where it is until Callcare is unlocked: this returns false, or, for a value
 * that is itself sealed, throws LockedError as any protected read does.
 */
async function quarantine(
  spec: Spec<unknown>,
  key: string,
  found: unknown,
  reason: SetAsideReason,
  /** Whether the caller already holds the key's lock (a change in progress): taking it again would wait forever. */
  holdingKeyLock: boolean,
): Promise<boolean> {
  const underKeyLock = <R>(work: () => Promise<R>) => (holdingKeyLock ? work() : withLock(key, work));
  const moved = await underKeyLock(() =>
    // Shared with writes, so changing the passphrase never misses a record set aside at the same moment.
    withLock(
      VAULT_LOCK,
      async () => {
        const stored = (await areaOf(spec.area).get(key))[key];
        if (stored === undefined || describeRaw(stored) !== describeRaw(found)) return true;
        const at = Date.now();
        const storageKey = `${QUARANTINE_PREFIX}${at}:${spec.area}:${key}`;
        const entry: QuarantineEntry = { key, reason, at, raw: describeRaw(stored) };
        let record: unknown;
        try {
          record = await codec.encode(QUARANTINE_SEALING, storageKey, entry);
        } catch (error) {
          if (isLocked(error) && !spec.sealed) return false;
          throw error;
        }
        await browser.storage.local.set({ [storageKey]: record });
        await areaOf(spec.area).remove(key);
        return true;
      },
      'shared',
    ),
  );
  if (moved) console.warn(`Callcare set aside the stored value "${key}": ${reason.code}`);
  return moved;
}

/** Writes are shared users of the vault: changing the passphrase waits for them, and they wait for it. */
export const VAULT_LOCK = 'vault';

function write<T>(spec: Spec<T>, key: string, value: T): Promise<void> {
  return writeTogether(spec.area, [part(spec, key, value)]);
}

/** One value to write, with the spec that says how it is checked and whether it is sealed. */
export interface Part {
  spec: Spec<unknown>;
  key: string;
  value: unknown;
}

export const part = <T>(spec: Spec<T>, key: string, value: T): Part => ({ spec: spec as Spec<unknown>, key, value });

/**
 * Writes several values in one storage write, so a record and the lists
 * derived from it are never seen apart: the browser applies one `set` whole or
 * not at all. Every value is checked and encoded first; if any fails, nothing
 * is written.
 */
export function writeTogether(area: Area, parts: readonly Part[]): Promise<void> {
  if (parts.length === 0) return Promise.resolve();
  return withLock(
    VAULT_LOCK,
    async () => {
      const encoded: Record<string, unknown> = {};
      for (const { spec, key, value } of parts) {
        encoded[key] = await codec.encode(spec, key, { v: spec.version, data: spec.schema.parse(value) });
      }
      await areaOf(area).set(encoded);
    },
    'shared',
  );
}

function watchKeys(area: Area, matches: (key: string) => boolean, onChange: () => void): () => void {
  return onStorageChange((changes, areaName, missed) => {
    if (missed || (areaName === area && Object.keys(changes).some(matches))) onChange();
  });
}

export interface StoredItem<T> {
  readonly spec: ItemSpec<T>;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  update(change: (current: T) => T): Promise<T>;
  watch(onChange: () => void): () => void;
}

export function defineItem<T>(spec: ItemSpec<T>): StoredItem<T> {
  /** The value, or the fallback; `held` when an unreadable value waits in place for Callcare to be unlocked. */
  const read = async (holdingKeyLock: boolean): Promise<{ value: T; held: boolean }> => {
    const reading = areaOf(spec.area).get(spec.key);
    ahead();
    const stored = (await reading)[spec.key];
    if (stored === undefined) return { value: spec.fallback(), held: false };
    const outcome = await decodeStored(spec, spec.key, stored);
    if (outcome.ok) return { value: outcome.value, held: false };
    const moved = await quarantine(spec as Spec<unknown>, spec.key, stored, outcome.reason, holdingKeyLock);
    return { value: spec.fallback(), held: !moved };
  };
  return {
    spec,
    get: async () => (await read(false)).value,
    set: (value) => withLock(spec.key, () => write(spec, spec.key, value)),
    update: (change) =>
      withLock(spec.key, async () => {
        const current = await read(true);
        // Writing over a value still waiting to be set aside would lose it.
        if (current.held) throw new LockedError();
        const next = change(current.value);
        await write(spec, spec.key, next);
        return next;
      }),
    watch: (onChange) => watchKeys(spec.area, (key) => key === spec.key, onChange),
  };
}

export interface StoredCollection<T extends { id: string }> {
  readonly spec: CollectionSpec<T>;
  get(id: string): Promise<T | undefined>;
  all(): Promise<T[]>;
  put(value: T): Promise<void>;
  /** Changes one record under its lock; returns undefined, changing nothing, when it does not exist. */
  update(id: string, change: (current: T) => T): Promise<T | undefined>;
  remove(id: string): Promise<void>;
  watch(onChange: () => void): () => void;
}

export function defineCollection<T extends { id: string }>(spec: CollectionSpec<T>): StoredCollection<T> {
  const keyOf = (id: string) => `${spec.prefix}${id}`;
  const decodeOrSetAside = async (key: string, stored: unknown, holdingKeyLock = false): Promise<T | undefined> => {
    const outcome = await decodeStored(spec, key, stored);
    if (outcome.ok) return outcome.value;
    await quarantine(spec as Spec<unknown>, key, stored, outcome.reason, holdingKeyLock);
    return undefined;
  };
  const get = async (id: string, holdingKeyLock = false) => {
    const key = keyOf(id);
    const reading = areaOf(spec.area).get(key);
    ahead();
    const stored = (await reading)[key];
    return stored === undefined ? undefined : decodeOrSetAside(key, stored, holdingKeyLock);
  };
  return {
    spec,
    get: (id) => get(id),
    all: async () => {
      const matching = await getByPrefix(spec.area, spec.prefix);
      const values = await Promise.all(Object.entries(matching).map(([key, stored]) => decodeOrSetAside(key, stored)));
      return values.filter((value): value is Awaited<T> => value !== undefined);
    },
    put: (value) => withLock(keyOf(value.id), () => write(spec, keyOf(value.id), value)),
    update: (id, change) =>
      withLock(keyOf(id), async () => {
        const current = await get(id, true);
        if (current === undefined) return undefined;
        const next = change(current);
        if (next !== current) await write(spec, keyOf(id), next);
        return next;
      }),
    remove: (id) => withLock(keyOf(id), () => areaOf(spec.area).remove(keyOf(id))),
    watch: (onChange) => watchKeys(spec.area, (key) => key.startsWith(spec.prefix), onChange),
  };
}

export interface QuarantineRecord {
  storageKey: string;
  entry: QuarantineEntry | null;
  /** Encrypted, and Callcare is locked: what it is shows once unlocked. */
  locked: boolean;
  /** The quarantine record as text (decrypted when it can be), for download and when even it cannot be read. */
  text: string;
}

/** A quarantine record as stored, opened with the unlocked key when it is sealed. */
async function openQuarantined(storageKey: string, stored: unknown): Promise<QuarantineRecord> {
  let opened = stored;
  let locked = false;
  if (isSealedRecord(stored)) {
    try {
      const decoded = await codec.decode(QUARANTINE_SEALING, storageKey, stored);
      if (decoded.ok) opened = decoded.value;
    } catch (error) {
      // Locked, or the protection settings themselves unreadable: it is listed as found.
      locked = isLocked(error);
    }
  }
  const parsed = quarantineEntrySchema.safeParse(opened);
  return { storageKey, entry: parsed.success ? parsed.data : null, locked, text: describeRaw(opened) };
}

export const quarantined = {
  async all(): Promise<QuarantineRecord[]> {
    const everything = await getByPrefix('local', QUARANTINE_PREFIX);
    const records = await Promise.all(
      Object.entries(everything).map(([storageKey, stored]) => openQuarantined(storageKey, stored)),
    );
    return records.sort((a, b) => (b.entry?.at ?? 0) - (a.entry?.at ?? 0));
  },
  remove: (storageKey: string) => browser.storage.local.remove(storageKey),
  watch: (onChange: () => void) => watchKeys('local', (key) => key.startsWith(QUARANTINE_PREFIX), onChange),
};
