/**
 * Backups: every client, session and template in one JSON file, encrypted
 * with the passphrase when protection is on. Restoring reads the whole file
 * first and refuses it, changing nothing, if any part is wrong; then it adds
 * what is missing and replaces only what the backup has newer.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { deriveKey, seal, unseal } from './crypto';
import { m, setAsideReasonText } from './messages';
import type { Client, Session, SetAsideReason, Template } from './schemas';
import { noteSessionChange } from './sessions/openList';
import { clients, sessions, templates } from './storage/items';
import { currentKeyAndProtection } from './storage/protection';
import { isSealedRecord, readEnvelope, sealedRecordSchema } from './storage/stored';
import { KEY_CHECK_TEXT, PROTECTION_KEY, sealedSchema } from './storage/vault';

export const BACKUP_FORMAT = 'callcare-backup';
const MAX_BACKUP_CHARACTERS = 200_000_000;

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.number().int().nonnegative(),
  /** Present when the records are encrypted: what is needed to make the key from the passphrase. */
  encryption: z
    .object({
      salt: z.string().min(1),
      iterations: z.number().int().min(600_000).max(10_000_000),
      keyId: z.string().min(1),
      check: sealedSchema,
    })
    .nullable(),
  records: z.record(z.string().regex(/^(session|client|template):[^\s]{1,200}$/), z.unknown()),
});
export type BackupFile = z.infer<typeof backupSchema>;

const SPECS = { session: sessions, client: clients, template: templates } as const;
type Kind = keyof typeof SPECS;

/** The file: records exactly as stored (sealed with the current key while protection is on). */
export async function makeBackup(now = Date.now()): Promise<string> {
  const everything = await browser.storage.local.get(null);
  const records: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(everything)) {
    if (/^(session|client|template):/.test(key)) records[key] = value;
  }
  const unlocked = await currentKeyAndProtection();
  const sealedAny = Object.values(records).some(isSealedRecord);
  if (sealedAny && !unlocked) throw new Error(m.backupNeedsUnlock);
  const backup: BackupFile = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    createdAt: now,
    encryption: unlocked
      ? {
          salt: unlocked.protection.salt,
          iterations: unlocked.protection.iterations,
          keyId: unlocked.protection.keyId,
          check: unlocked.protection.check,
        }
      : null,
    records,
  };
  if (unlocked) {
    // Records written before protection was on are sealed for the file too: a protected backup holds no clear text.
    for (const [key, value] of Object.entries(records)) {
      if (!isSealedRecord(value)) {
        records[key] = {
          sealed: 1,
          keyId: unlocked.protection.keyId,
          ...(await seal(unlocked.key, JSON.stringify(value), key)),
        };
      }
    }
  }
  return JSON.stringify(backup);
}

export type ReadBackup = { ok: true; backup: BackupFile; needsPassphrase: boolean } | { ok: false; error: string };

/** Checks the file's outer shape. */
export function readBackupFile(text: string): ReadBackup {
  if (text.length > MAX_BACKUP_CHARACTERS) return { ok: false, error: m.backupTooLarge };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: m.backupNotJson };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: m.backupNotABackup };
  }
  if ((json as { formatVersion?: unknown }).formatVersion !== 1) return { ok: false, error: m.backupFormatVersion };
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: m.backupDamaged(issue ? issue.path.join('.') || 'file' : 'file') };
  }
  return { ok: true, backup: parsed.data, needsPassphrase: parsed.data.encryption !== null };
}

export interface BackupContents {
  sessions: Session[];
  clients: Client[];
  templates: Template[];
}

export type OpenedBackup = { ok: true; contents: BackupContents } | { ok: false; error: string };

/** Decrypts (with the passphrase, if the backup has encryption) and checks every record. All or nothing. */
export async function openBackup(backup: BackupFile, passphrase: string | null): Promise<OpenedBackup> {
  let key: CryptoKey | null = null;
  if (backup.encryption) {
    if (!passphrase) return { ok: false, error: m.backupWrongPassphrase };
    key = await deriveKey(passphrase, backup.encryption.salt, backup.encryption.iterations);
    try {
      if ((await unseal(key, backup.encryption.check, PROTECTION_KEY)) !== KEY_CHECK_TEXT) throw new Error();
    } catch {
      return { ok: false, error: m.backupWrongPassphrase };
    }
  }
  const contents: BackupContents = { sessions: [], clients: [], templates: [] };
  for (const [storageKey, stored] of Object.entries(backup.records)) {
    const kind = storageKey.slice(0, storageKey.indexOf(':')) as Kind;
    let envelope: unknown = stored;
    if (isSealedRecord(stored)) {
      const record = sealedRecordSchema.safeParse(stored);
      if (!record.success || !key || record.data.keyId !== backup.encryption?.keyId) {
        return { ok: false, error: m.backupRecordDamaged(storageKey) };
      }
      try {
        envelope = JSON.parse(await unseal(key, record.data, storageKey));
      } catch {
        return { ok: false, error: m.backupRecordDamaged(storageKey) };
      }
    } else if (backup.encryption) {
      return { ok: false, error: m.backupRecordDamaged(storageKey) };
    }
    const outcome = readEnvelope(SPECS[kind].spec as never, envelope) as
      | { ok: true; value: { id: string } }
      | { ok: false; reason: SetAsideReason };
    if (!outcome.ok) return { ok: false, error: m.backupRecordInvalid(storageKey, setAsideReasonText(outcome.reason)) };
    if (`${kind}:${outcome.value.id}` !== storageKey) return { ok: false, error: m.backupRecordDamaged(storageKey) };
    if (kind === 'session') contents.sessions.push(outcome.value as Session);
    else if (kind === 'client') contents.clients.push(outcome.value as Client);
    else contents.templates.push(outcome.value as Template);
  }
  return { ok: true, contents };
}

/** The latest moment anything in a session was changed. */
export function lastChanged(session: Session): number {
  const times = [
    session.startedAt,
    session.endedAt ?? 0,
    session.aftercare.updatedAt ?? 0,
    session.aftercare.completedAt ?? 0,
    ...Object.values(session.agreements).map((record) => record.changedAt ?? 0),
    ...Object.values(session.checks).map((record) => record.changedAt),
    ...session.people.map((person) => person.notedAt),
  ];
  return Math.max(...times);
}

function clientChanged(client: Client): number {
  return Math.max(
    client.createdAt,
    client.archivedAt ?? 0,
    ...Object.values(client.considerations).map((answer) => answer?.answeredAt ?? 0),
  );
}

export interface MergePlan {
  add: number;
  replace: number;
  keep: number;
}

type Collection<T extends { id: string }> = {
  get(id: string): Promise<T | undefined>;
  put(value: T): Promise<void>;
};

async function plan<T extends { id: string }>(
  collection: Collection<T>,
  incoming: T[],
  isNewer: (backup: T, local: T) => boolean,
): Promise<{ counts: MergePlan; writes: T[] }> {
  const counts: MergePlan = { add: 0, replace: 0, keep: 0 };
  const writes: T[] = [];
  for (const record of incoming) {
    const local = await collection.get(record.id);
    if (!local) {
      counts.add++;
      writes.push(record);
    } else if (isNewer(record, local)) {
      counts.replace++;
      writes.push(record);
    } else counts.keep++;
  }
  return { counts, writes };
}

export async function mergePlan(contents: BackupContents) {
  return {
    sessions: await plan(sessions, contents.sessions, (backup, local) => lastChanged(backup) > lastChanged(local)),
    clients: await plan(clients, contents.clients, (backup, local) => clientChanged(backup) > clientChanged(local)),
    templates: await plan(templates, contents.templates, (backup, local) => backup.version > local.version),
  };
}

/** Restores: adds what is missing, replaces only what the backup has newer, keeps everything else. */
export async function restore(
  contents: BackupContents,
): Promise<{ sessions: MergePlan; clients: MergePlan; templates: MergePlan }> {
  const merge = await mergePlan(contents);
  for (const client of merge.clients.writes) await clients.put(client);
  for (const template of merge.templates.writes) await templates.put(template);
  for (const session of merge.sessions.writes) {
    await sessions.put(session);
    await noteSessionChange(session);
  }
  return { sessions: merge.sessions.counts, clients: merge.clients.counts, templates: merge.templates.counts };
}
