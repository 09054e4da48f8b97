/**
 * The storage engine every stored item goes through. Each value is kept in an
 * envelope `{ v, data }`: `v` is its schema version. Reading migrates older
 * versions forward and parses with the item's zod schema. A value that cannot
 * be read (corrupt, or written by a newer Callcare) is moved, exactly as found,
 * to a quarantine record and reported; it is never dropped or overwritten.
 *
 * All reads and writes pass through `codec`, so encrypting records at rest can
 * be added here without changing any caller.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { type QuarantineEntry, quarantineEntrySchema } from '../schemas';
import { withLock } from './lock';

export type Area = 'local' | 'session';

/** `migrations[n]` turns data of version n - 1 into version n. */
export type Migrations = Record<number, (previous: unknown) => unknown>;

interface Spec<T> {
  area: Area;
  schema: z.ZodType<T>;
  version: number;
  migrations: Migrations;
  /** When this value is cleared, for the list of everything stored. */
  clearedWhen: string;
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

interface Codec {
  encode(envelope: Envelope): Promise<unknown>;
  decode(stored: unknown): Promise<unknown>;
}

const plainCodec: Codec = {
  encode: async (envelope) => envelope,
  decode: async (stored) => stored,
};

const codec: Codec = plainCodec;

export const QUARANTINE_PREFIX = 'quarantine:';

/** Thrown when a protected record is read or written while Callcare is locked. Nothing is set aside for it. */
export class LockedError extends Error {
  constructor() {
    super('Callcare is locked');
    this.name = 'LockedError';
  }
}

export const isLocked = (error: unknown): error is LockedError => error instanceof LockedError;

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' &&
  value !== null &&
  'v' in value &&
  Number.isInteger((value as Envelope).v) &&
  'data' in value;

/** Turns what was stored into a current, valid value, or says why it cannot. Pure apart from the codec. */
export async function decodeStored<T>(spec: Spec<T>, stored: unknown): Promise<Outcome<T>> {
  let envelope: unknown;
  try {
    envelope = await codec.decode(stored);
  } catch (error) {
    return { ok: false, reason: `it could not be decoded (${String(error)})` };
  }
  if (!isEnvelope(envelope)) return { ok: false, reason: 'it is not in the stored format' };
  if (envelope.v > spec.version) {
    return { ok: false, reason: `it was written by a newer version of Callcare (format ${envelope.v})` };
  }
  if (envelope.v < 1) return { ok: false, reason: `its format number ${envelope.v} is not valid` };
  let data = envelope.data;
  for (let version = envelope.v + 1; version <= spec.version; version++) {
    const migrate = spec.migrations[version];
    if (!migrate) return { ok: false, reason: `there is no way to upgrade it to format ${version}` };
    try {
      data = migrate(data);
    } catch (error) {
      return { ok: false, reason: `upgrading it to format ${version} failed (${String(error)})` };
    }
  }
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, reason: `it does not have the expected shape${where}: ${issue?.message ?? 'unknown'}` };
  }
  return { ok: true, value: parsed.data };
}

function areaOf(area: Area) {
  return browser.storage[area];
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
 * is still the one found, so two readers never set it aside twice.
 */
async function quarantine(area: Area, key: string, found: unknown, reason: string): Promise<void> {
  await withLock(key, async () => {
    const stored = (await areaOf(area).get(key))[key];
    if (stored === undefined || describeRaw(stored) !== describeRaw(found)) return;
    const at = Date.now();
    const entry: QuarantineEntry = { key, reason, at, raw: describeRaw(stored) };
    await browser.storage.local.set({ [`${QUARANTINE_PREFIX}${at}:${area}:${key}`]: entry });
    await areaOf(area).remove(key);
  });
  console.warn(`Callcare set aside the stored value "${key}": ${reason}`);
}

async function write<T>(spec: Spec<T>, key: string, value: T): Promise<void> {
  const checked = spec.schema.parse(value);
  const stored = await codec.encode({ v: spec.version, data: checked });
  await areaOf(spec.area).set({ [key]: stored });
}

function watchKeys(area: Area, matches: (key: string) => boolean, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === area && Object.keys(changes).some(matches)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface StoredItem<T> {
  readonly spec: ItemSpec<T>;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  update(change: (current: T) => T): Promise<T>;
  watch(onChange: () => void): () => void;
}

export function defineItem<T>(spec: ItemSpec<T>): StoredItem<T> {
  const read = async (): Promise<T> => {
    const stored = (await areaOf(spec.area).get(spec.key))[spec.key];
    if (stored === undefined) return spec.fallback();
    const outcome = await decodeStored(spec, stored);
    if (outcome.ok) return outcome.value;
    await quarantine(spec.area, spec.key, stored, outcome.reason);
    return spec.fallback();
  };
  return {
    spec,
    get: read,
    set: (value) => withLock(spec.key, () => write(spec, spec.key, value)),
    update: (change) =>
      withLock(spec.key, async () => {
        const next = change(await read());
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
  const decodeOrSetAside = async (key: string, stored: unknown): Promise<T | undefined> => {
    const outcome = await decodeStored(spec, stored);
    if (outcome.ok) return outcome.value;
    await quarantine(spec.area, key, stored, outcome.reason);
    return undefined;
  };
  const get = async (id: string) => {
    const key = keyOf(id);
    const stored = (await areaOf(spec.area).get(key))[key];
    return stored === undefined ? undefined : decodeOrSetAside(key, stored);
  };
  return {
    spec,
    get,
    all: async () => {
      const everything = await areaOf(spec.area).get(null);
      const values = await Promise.all(
        Object.entries(everything)
          .filter(([key]) => key.startsWith(spec.prefix))
          .map(([key, stored]) => decodeOrSetAside(key, stored)),
      );
      return values.filter((value): value is Awaited<T> => value !== undefined);
    },
    put: (value) => withLock(keyOf(value.id), () => write(spec, keyOf(value.id), value)),
    update: (id, change) =>
      withLock(keyOf(id), async () => {
        const current = await get(id);
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
  /** The quarantine record itself as text, shown when even it cannot be read. */
  text: string;
}

export const quarantined = {
  async all(): Promise<QuarantineRecord[]> {
    const everything = await browser.storage.local.get(null);
    return Object.entries(everything)
      .filter(([key]) => key.startsWith(QUARANTINE_PREFIX))
      .map(([storageKey, value]) => {
        const parsed = quarantineEntrySchema.safeParse(value);
        return { storageKey, entry: parsed.success ? parsed.data : null, text: describeRaw(value) };
      })
      .sort((a, b) => (b.entry?.at ?? 0) - (a.entry?.at ?? 0));
  },
  remove: (storageKey: string) => browser.storage.local.remove(storageKey),
  watch: (onChange: () => void) => watchKeys('local', (key) => key.startsWith(QUARANTINE_PREFIX), onChange),
};
