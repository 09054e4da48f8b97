/**
 * Backups: every client, session and template in one JSON file, encrypted
 * with the passphrase when protection is on, and read back before it is
 * offered. Restoring reads the whole file first: a wrong outer shape or
 * passphrase refuses it, changing nothing; a damaged record is set aside and
 * reported, and the rest is restored, adding what is missing and replacing
 * only what the backup has newer.
 */
import { browser } from 'wxt/browser';
import { deriveKey, seal, unseal } from './crypto';
import { t } from './i18n';
import { setAsideReasonText } from './i18n/phrases';
import {
  type Checklist,
  type ChecklistItem,
  type Client,
  protoKeyPath,
  type Session,
  type SetAsideReason,
  type StoredSession,
  safeIdSchema,
  type Template,
} from './schemas';
import { hydrate, sessions } from './sessions/records';
import { restoreSessions } from './sessions/store';
import { checklists, clients, storedSessions, templates } from './storage/items';
import { currentKeyAndProtection } from './storage/protection';
import { isSealedRecord, type Outcome, readEnvelope, sealedRecordSchema } from './storage/stored';
import { KEY_CHECK_TEXT, PROTECTION_KEY, sealedSchema } from './storage/vault';
import { looksBlank, stripBidiControls } from './text';
import { z } from './zod';

export const BACKUP_FORMAT = 'callcare-backup';
const MAX_BACKUP_CHARACTERS = 200_000_000;

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.int().check(z.nonnegative()),
  /** Present when the records are encrypted: what is needed to make the key from the passphrase. */
  encryption: z.nullable(
    z.object({
      salt: z.string().check(z.minLength(1)),
      iterations: z.int().check(z.minimum(600_000)).check(z.maximum(10_000_000)),
      keyId: z.string().check(z.minLength(1)),
      check: sealedSchema,
    }),
  ),
  records: z.record(
    z
      .string()
      .check(z.regex(/^(session|client|template|checklist):/))
      .check(z.refine((key) => safeIdSchema.safeParse(key.slice(key.indexOf(':') + 1)).success)),
    z.unknown(),
  ),
});
export type BackupFile = z.infer<typeof backupSchema>;

const SPECS = { session: storedSessions, client: clients, template: templates, checklist: checklists } as const;
export type RecordKind = keyof typeof SPECS;

/** The file: records exactly as stored (sealed with the current key while protection is on), checked before it is offered. */
export async function makeBackup(now = Date.now()): Promise<string> {
  const everything = await browser.storage.local.get(null);
  const records: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(everything)) {
    if (/^(session|client|template|checklist):/.test(key)) records[key] = value;
  }
  const unlocked = await currentKeyAndProtection();
  const sealedAny = Object.values(records).some(isSealedRecord);
  if (sealedAny && !unlocked) throw new Error(t('backupNeedsUnlock'));
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
  const text = JSON.stringify(backup);
  await verifyBackup(text, unlocked?.key ?? null);
  return text;
}

/**
 * Reads the file back exactly as a restore would (and, when it is encrypted,
 * opens every record with the key), so a backup that would not restore whole
 * is never offered. Throws, with what is wrong in words, when it would not.
 */
async function verifyBackup(text: string, key: CryptoKey | null): Promise<void> {
  const read = readBackupFile(text);
  if (!read.ok) throw new Error(t('backupNotVerified', { problem: read.error }));
  if (read.backup.encryption && (!key || !(await opensCheck(key, read.backup.encryption.check)))) {
    throw new Error(t('backupNotVerified', { problem: t('backupWrongPassphrase') }));
  }
  const { setAside } = await readRecords(read.backup, key);
  if (setAside.length > 0) {
    throw new Error(
      t('backupNotVerified', {
        problem: setAside
          .map((record) => t('backupSetAsideItem', { key: record.key, reason: setAsideReasonText(record.reason) }))
          .join('; '),
      }),
    );
  }
}

export type ReadBackup = { ok: true; backup: BackupFile; needsPassphrase: boolean } | { ok: false; error: string };

/** Checks the file's outer shape. A wrong outer shape refuses the whole file. */
export function readBackupFile(text: string): ReadBackup {
  if (text.length > MAX_BACKUP_CHARACTERS) return { ok: false, error: t('backupTooLarge') };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: t('backupNotJson') };
  }
  // The file's own fields: a reserved key inside a record sets aside that record only (readRecord).
  const protoKey = protoKeyPath(typeof json === 'object' && json !== null ? { ...json, records: null } : json);
  if (protoKey) return { ok: false, error: t('backupReservedKey', { where: protoKey }) };
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: t('backupNotABackup') };
  }
  if ((json as { formatVersion?: unknown }).formatVersion !== 1) return { ok: false, error: t('backupFormatVersion') };
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: t('backupDamaged', { where: issue ? issue.path.join('.') || 'file' : 'file' }) };
  }
  return { ok: true, backup: parsed.data, needsPassphrase: parsed.data.encryption !== null };
}

export interface BackupContents {
  /** Each with its checklist back in place (the file stores each checklist once). */
  sessions: Session[];
  clients: Client[];
  templates: Template[];
  /** The checklists the file holds, read and checked; the sessions above carry what they need of them. */
  checklists: Checklist[];
}

/** A record of the file that cannot be restored, and why. */
export interface SetAsideRecord {
  key: string;
  kind: RecordKind;
  reason: SetAsideReason;
}

export type OpenedBackup =
  | { ok: true; contents: BackupContents; setAside: SetAsideRecord[] }
  | { ok: false; error: string };

/** Whether `key` opens the backup's key check: the passphrase is the one the backup was made with. */
async function opensCheck(key: CryptoKey, check: z.infer<typeof sealedSchema>): Promise<boolean> {
  try {
    return (await unseal(key, check, PROTECTION_KEY)) === KEY_CHECK_TEXT;
  } catch {
    return false;
  }
}

/**
 * Decrypts (with the passphrase, if the backup has encryption) and checks
 * every record. A wrong passphrase refuses the whole file; a record that
 * cannot be decrypted or read, or whose id is not the one its key names, is
 * set aside with its reason, and the rest can be restored.
 */
export async function openBackup(backup: BackupFile, passphrase: string | null): Promise<OpenedBackup> {
  let key: CryptoKey | null = null;
  if (backup.encryption) {
    if (!passphrase) return { ok: false, error: t('backupWrongPassphrase') };
    key = await deriveKey(passphrase, backup.encryption.salt, backup.encryption.iterations);
    if (!(await opensCheck(key, backup.encryption.check))) return { ok: false, error: t('backupWrongPassphrase') };
  }
  return { ok: true, ...(await readRecords(backup, key)) };
}

const refuse = (code: SetAsideReason['code']): Outcome<never> => ({ ok: false, reason: { code } });

/** One record of the file, decrypted with `key` when it is sealed, upgraded and checked. */
async function readRecord(
  backup: BackupFile,
  key: CryptoKey | null,
  storageKey: string,
  kind: RecordKind,
  stored: unknown,
): Promise<Outcome<{ id: string }>> {
  let envelope: unknown = stored;
  if (isSealedRecord(stored)) {
    const record = sealedRecordSchema.safeParse(stored);
    if (!record.success) return refuse('damaged-encryption');
    if (!key) return refuse('encrypted-but-off');
    if (record.data.keyId !== backup.encryption?.keyId) return refuse('other-passphrase');
    try {
      envelope = JSON.parse(await unseal(key, record.data, storageKey));
    } catch {
      return refuse('tampered');
    }
  } else if (backup.encryption) {
    return refuse('unencrypted-while-protected');
  }
  // zod drops a "__proto__" key without a word: such a record is set aside before it is read.
  const protoKey = protoKeyPath(envelope);
  if (protoKey) return { ok: false, reason: { code: 'reserved-key', path: protoKey } };
  const outcome = readEnvelope(SPECS[kind].spec as never, envelope) as Outcome<{ id: string }>;
  if (outcome.ok && `${kind}:${outcome.value.id}` !== storageKey) return refuse('id-mismatch');
  if (outcome.ok && kind === 'client') {
    // A client's code is how the practitioner tells clients apart: never blank-looking, never reordered by bidi controls.
    const client = outcome.value as Client;
    const code = stripBidiControls(client.code);
    if (looksBlank(code)) return refuse('blank-code');
    return { ok: true, value: { ...client, code } as { id: string } };
  }
  return outcome;
}

async function readRecords(
  backup: BackupFile,
  key: CryptoKey | null,
): Promise<{ contents: BackupContents; setAside: SetAsideRecord[] }> {
  const contents: BackupContents = { sessions: [], clients: [], templates: [], checklists: [] };
  const setAside: SetAsideRecord[] = [];
  const storedInFile: Array<{ storageKey: string; session: StoredSession }> = [];
  const checklistsInFile = new Map<string, ChecklistItem[]>();
  for (const [storageKey, stored] of Object.entries(backup.records)) {
    const kind = storageKey.slice(0, storageKey.indexOf(':')) as RecordKind;
    const outcome = await readRecord(backup, key, storageKey, kind, stored);
    if (!outcome.ok) setAside.push({ key: storageKey, kind, reason: outcome.reason });
    else if (kind === 'session') storedInFile.push({ storageKey, session: outcome.value as StoredSession });
    else if (kind === 'checklist') {
      contents.checklists.push(outcome.value as Checklist);
      checklistsInFile.set(outcome.value.id, (outcome.value as Checklist).items);
    } else if (kind === 'client') contents.clients.push(outcome.value as Client);
    else contents.templates.push(outcome.value as Template);
  }
  // A session's checklist comes from the file, or else from what is stored here.
  for (const { storageKey, session } of storedInFile) {
    const ref = 'checklist' in session.template ? session.template.checklist : null;
    const items = ref === null ? undefined : (checklistsInFile.get(ref) ?? (await checklists.get(ref))?.items);
    if (ref !== null && !items) {
      setAside.push({ key: storageKey, kind: 'session', reason: { code: 'missing-checklist' } });
      continue;
    }
    contents.sessions.push(await hydrate(session, async () => items));
  }
  return { contents, setAside };
}

/** How many records of each kind were set aside. */
export function setAsideCounts(setAside: readonly SetAsideRecord[]): Record<RecordKind, number> {
  const counts: Record<RecordKind, number> = { session: 0, client: 0, template: 0, checklist: 0 };
  for (const record of setAside) counts[record.kind]++;
  return counts;
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
  await restoreSessions(merge.sessions.writes);
  return { sessions: merge.sessions.counts, clients: merge.clients.counts, templates: merge.templates.counts };
}
