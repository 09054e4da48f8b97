/**
 * The shapes Callcare stores, in one place. Types come from the schemas, so a
 * stored value and the code that reads it cannot drift apart.
 */

import { languageChoiceSchema, languageSchema } from './i18n/languages';
import { PLATFORM_IDS } from './platforms';
import { z } from './zod';

export const phaseSchema = z.enum(['before', 'rules', 'during']);
export const itemKindSchema = z.enum(['agreement', 'check']);
export const agreementStateSchema = z.enum(['agreed', 'declined', 'not-discussed', 'not-applicable']);
export const roleSchema = z.enum([
  'client',
  'parent',
  'sibling',
  'partner',
  'interpreter',
  'colleague',
  'other',
  // The practitioner's side.
  'me',
  'supervisor',
  'trainee',
]);
export const sideSchema = z.enum(['client', 'practitioner']);
export const sessionPlatformSchema = z.enum([...PLATFORM_IDS, 'custom', 'phone', 'other']);
export const sessionStatusSchema = z.enum(['running', 'aftercare-pending', 'complete']);
export const endReasonSchema = z.enum(['tab-closed', 'navigated-away', 'ended-by-practitioner', 'browser-closed']);
export const clientSeemedSchema = z.enum(['settled', 'unsure', 'worried']);

const timestamp = z.int().check(z.nonnegative());

/**
 * Names a plain object already answers to (`__proto__`, `constructor`,
 * `toString`, ...) and `prototype`: used as a key, they reach the prototype
 * instead of a record of their own, and zod drops `__proto__` from records.
 */
export const isReservedKey = (key: string): boolean => key === 'prototype' || Object.hasOwn(Object.prototype, key);

/**
 * Where raw JSON (a file, before zod) holds `__proto__` as a key of its own,
 * as "records.session:1.agreements"; null if nowhere. zod would drop that key
 * without a word, so a boundary looks for it first and refuses the file.
 */
export function protoKeyPath(json: unknown): string | null {
  type Node = { value: object; key: string; parent: Node | null };
  const pathOf = (node: Node | null, key: string): string => {
    const keys = [key];
    for (let at = node; at?.parent; at = at.parent) keys.unshift(at.key);
    return keys.join('.');
  };
  if (typeof json !== 'object' || json === null) return null;
  const stack: Node[] = [{ value: json, key: '', parent: null }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const [key, child] of Object.entries(node.value)) {
      if (key === '__proto__') return pathOf(node, key);
      if (typeof child === 'object' && child !== null) stack.push({ value: child, key, parent: node });
    }
  }
  return null;
}

const notReserved = [(id: string) => !isReservedKey(id), { message: 'it is a reserved name, not an id' }] as const;

/** The pattern of an id that may become an object key: letters, digits, "-" and "_". */
export const SAFE_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Every id that comes from a file (a template's items, a backup's record
 * keys), and every id Callcare makes: crypto.randomUUID(), the built-in
 * checklist's ids, the editor's "item-xxxxxxxx".
 */
export const safeIdSchema = z
  .string()
  .check(z.regex(SAFE_ID_PATTERN, { message: 'an id may use only letters, digits, "-" and "_"' }))
  .check(z.refine(...notReserved));

/**
 * A checklist item's id as stored. Template files once took any text as an
 * id ("org recording"), and sessions keep the ids they ran with, so stored
 * records keep those readable; only a reserved name is refused (set aside and
 * listed in Settings), because it is what breaks every view that looks it up.
 * New ids pass `safeIdSchema` where they enter (templateFile.ts).
 */
export const storedItemIdSchema = z
  .string()
  .check(z.minLength(1))
  .check(z.maxLength(100))
  .check(z.refine(...notReserved));

export const checklistItemSchema = z.object({
  id: storedItemIdSchema,
  phase: phaseSchema,
  kind: itemKindSchema,
  text: z.string().check(z.minLength(1)).check(z.maxLength(500)),
  guidance: z.string().check(z.maxLength(2000)),
});

/** A checklist's items, with no two sharing an id (an item's id is how its record is kept). */
export const checklistItemsOf = <T extends z.ZodMiniType<{ id: string }>>(item: T) =>
  z
    .array(item)
    .check(z.maxLength(200))
    .check(
      z.refine((items) => new Set(items.map((each) => each.id)).size === items.length, {
        message: 'two items have the same id',
      }),
    );

export const checklistItemsSchema = checklistItemsOf(checklistItemSchema);

/** The exact checklist a session ran with: editing the template later never changes it. */
export const templateSnapshotSchema = z.object({
  id: safeIdSchema,
  name: z.string(),
  /** The template's version when the session took its copy. */
  version: z.int().check(z.minimum(1)),
  items: checklistItemsSchema,
});

/** A checklist template the practitioner keeps and edits (the default, "first contact", ...). */
export const templateSchema = z.object({
  id: safeIdSchema,
  name: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(100)),
  /** Goes up by one each time the template is saved. */
  version: z.int().check(z.minimum(1)),
  updatedAt: timestamp,
  items: checklistItemsSchema,
});

export const agreementRecordSchema = z.object({
  state: agreementStateSchema,
  note: z.string(),
  /** When the state was last set; null while it has never been touched. */
  changedAt: z.nullable(timestamp),
  /** Every change of state with its time, oldest first. */
  history: z.array(z.object({ state: agreementStateSchema, at: timestamp })),
  /** Set when this state was re-confirmed from the client's previous session: which one, and when it was set there. */
  confirmedFrom: z.nullable(z.object({ sessionId: z.string().check(z.minLength(1)), at: timestamp })),
});

export const checkRecordSchema = z.object({
  checked: z.boolean(),
  changedAt: timestamp,
});

export const personSchema = z.object({
  id: z.string().check(z.minLength(1)),
  side: sideSchema,
  role: roleSchema,
  name: z.string().check(z.maxLength(100)),
  notedAt: timestamp,
  joinedLater: z.boolean(),
});

export const aftercareSchema = z.object({
  clientSeemed: z.nullable(clientSeemedSchema),
  clientSeemedNote: z.string(),
  concerns: z.string(),
  followUpToday: z.boolean(),
  /** When to be reminded of today's follow-up (the practitioner's choice); null while none is flagged. */
  followUpAt: z.nullable(timestamp),
  /** When the follow-up was marked done; null while it is open (or none is flagged). */
  followUpDoneAt: z.nullable(timestamp),
  followUpAgreed: z.string(),
  /** A calendar date as yyyy-mm-dd, or empty. */
  nextContact: z.union([z.literal(''), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))]),
  otherHelp: z.string(),
  wellbeing: z.string(),
  wantsSupervision: z.boolean(),
  /** How the practitioner rated themselves after the session. */
  selfRating: z.nullable(z.enum(['good', 'okay', 'tired', 'strained'])),
  /** The last time anything in the note was kept, draft or not. */
  updatedAt: z.nullable(timestamp),
  completedAt: z.nullable(timestamp),
});

export const sessionSchema = z.object({
  id: safeIdSchema,
  /** "tab": found from a call tab; "manual": started by hand from the popup. */
  origin: z.enum(['tab', 'manual']),
  platform: sessionPlatformSchema,
  /** The call's host (never its path or query); null for a session started by hand. */
  host: z.nullable(z.string()),
  tabId: z.nullable(z.int()),
  /** The client this session was with, by the id of their record (never their name). */
  clientId: z.nullable(safeIdSchema),
  startedAt: timestamp,
  endedAt: z.nullable(timestamp),
  endReason: z.nullable(endReasonSchema),
  status: sessionStatusSchema,
  /** The exact checklist the session ran with, so later edits never change this record. */
  template: templateSnapshotSchema,
  agreements: z.record(storedItemIdSchema, agreementRecordSchema),
  checks: z.record(storedItemIdSchema, checkRecordSchema),
  people: z.array(personSchema),
  /**
   * When the practitioner marked the start of the conversation (the
   * preparation done, the client there): anyone noted after it is suggested as
   * joining later. Absent in records from before it existed.
   */
  conversationStartedAt: z._default(z.nullable(timestamp), null),
  aftercare: aftercareSchema,
});

/** A checklist's items, stored once however many sessions ran with them, under a hash of the items. */
export const checklistRefSchema = z.string().check(z.regex(/^[0-9a-f]{32}$/));

export const checklistSchema = z.object({
  id: checklistRefSchema,
  items: checklistItemsSchema,
});

/**
 * A session as stored: its checklist is a reference to a stored checklist
 * (lib/sessions/records.ts), or, in records written before checklists were
 * stored once, the items themselves.
 */
export const storedSessionSchema = z.extend(sessionSchema, {
  template: z.union([
    templateSnapshotSchema,
    z.extend(z.omit(templateSnapshotSchema, { items: true }), { checklist: checklistRefSchema }),
  ]),
});

/** The settings an organisation's policy can give a value to (lib/policy.ts, lib/settings.ts). */
export const policySettingSchema = z.enum([
  'defaultTemplateId',
  'maxSessionsPerDay',
  'workingDays',
  'workdayEnd',
  'retentionDays',
  'autoLockMinutes',
  'language',
]);

export const settingsSchema = z.object({
  openAftercareOnEnd: z.boolean(),
  notifyOnEnd: z.boolean(),
  /** The template a new session starts with. */
  defaultTemplateId: z.string().check(z.minLength(1)),
  /** Lock when the computer has been idle this long (with protection on); null: only when the browser closes. */
  autoLockMinutes: z.nullable(
    z
      .int()
      .check(z.minimum(1))
      .check(z.maximum(24 * 60)),
  ),
  /** Delete completed sessions older than this, once the practitioner has seen them; null: keep them. */
  retentionDays: z.nullable(z.int().check(z.minimum(1)).check(z.maximum(36_500))),
  /** An organisation's own call hosts (its Jitsi, BigBlueButton), each with the browser's permission. */
  customHosts: z
    .array(
      z
        .string()
        .check(z.regex(/^[a-z0-9.-]+$/))
        .check(z.maxLength(253)),
    )
    .check(z.maxLength(50)),
  /** The most sessions the practitioner wants in a day; null: no limit. Never blocks a call. */
  maxSessionsPerDay: z.nullable(z.int().check(z.minimum(1)).check(z.maximum(50))),
  /** Working days, 0 Sunday to 6 Saturday. */
  workingDays: z.array(z.int().check(z.minimum(0)).check(z.maximum(6))).check(z.maxLength(7)),
  /** The end of the workday, "HH:MM" in the practitioner's time; null: no reminder. */
  workdayEnd: z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
  /** Whether the weekly wellbeing view is shown. */
  wellbeingView: z.boolean(),
  /** A notification on the morning of a session's date of next contact. */
  remindNextContact: z.boolean(),
  /** The language Callcare is shown in; "auto" follows the browser. A value Callcare no longer knows reads as "auto". */
  language: z.catch(languageChoiceSchema, 'auto'),
  /** The settings an organisation's policy can give that the practitioner chose themselves (lib/settings.ts). */
  chosen: z.array(policySettingSchema).check(z.maxLength(policySettingSchema.options.length)),
});

export const considerationIdSchema = z.enum([
  'open-to-digital',
  'access',
  'skills',
  'prison',
  'language',
  'distractions',
  'distance-illness',
  'met-before',
  'trust',
  'uncomfortable-topics',
  'practical-matters',
  'complexity-crisis',
  'express-safely',
  'speak-privately',
]);
export const considerationAnswerSchema = z.enum(['yes', 'no', 'unsure']);

export const clientSchema = z.object({
  id: safeIdSchema,
  /** A pseudonym or case code of the practitioner's choosing, never a full name. */
  code: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(60)),
  createdAt: timestamp,
  archivedAt: z.nullable(timestamp),
  /** The client's situation and needs (RAN FC&S annex), each answered with a note and a date. */
  considerations: z.partialRecord(
    considerationIdSchema,
    z.object({ answer: considerationAnswerSchema, note: z.string().check(z.maxLength(2000)), answeredAt: timestamp }),
  ),
  /** The language text for the client is written in (the agreed rules to share); null: the practitioner's. */
  language: z.catch(z.nullable(languageSchema), null),
});

/** Call tabs whose session the practitioner ended while the tab stayed on the call. */
export const endedTabsSchema = z.record(
  z.string().check(z.regex(/^\d+$/)),
  z.object({ platform: sessionPlatformSchema, host: z.string(), at: timestamp }),
);

/**
 * The sessions that are not complete, in brief: what the badge, the popup and
 * every tab event need, without reading every session ever stored.
 * Derived from the sessions; rebuilt from them whenever the background starts.
 */
export const openSessionSchema = z.object({
  status: z.enum(['running', 'aftercare-pending']),
  origin: z.enum(['tab', 'manual']),
  tabId: z.nullable(z.int()),
  platform: sessionPlatformSchema,
  host: z.nullable(z.string()),
  startedAt: timestamp,
  endedAt: z.nullable(timestamp),
  endReason: z.nullable(endReasonSchema),
  /**
   * What the session's own record still lacks, because it could not be written
   * when this happened (Callcare was locked): "create" the record, or "end" it.
   */
  pending: z.nullable(z.enum(['create', 'end'])),
  /**
   * Whether the practitioner has been prompted for the aftercare note of an
   * ended session. Set after the prompt, so a worker stopped in between
   * prompts at its next start, once.
   */
  prompted: z.boolean(),
});

/**
 * The sessions that are not complete, in brief: what the badge, the popup and
 * every tab event need, without reading (or unlocking) every session stored.
 * It holds no client text, so it stays readable while Callcare is locked, and
 * it is where the lifecycle is decided: calls that start or end while locked
 * are remembered here until their records can be written.
 */
export const openSessionsSchema = z.record(z.string(), openSessionSchema);

/** Why a stored value, or a record in a backup file, could not be read. Stored as a code; lib/messages.ts puts it in words. */
export const setAsideCodeSchema = z.enum([
  'unencrypted-while-protected',
  'damaged-encryption',
  'encrypted-but-off',
  'other-passphrase',
  'tampered',
  'not-stored-format',
  'newer-version',
  'bad-version',
  'no-upgrade-path',
  'upgrade-failed',
  'wrong-shape',
  /** A backup's record whose id is not the one its key names. */
  'id-mismatch',
  /** A record holding the reserved name "__proto__" as a key, which would change how every record reads. */
  'reserved-key',
  /** A backup's client whose pseudonym or case code looks blank (only spaces or invisible characters). */
  'blank-code',
  /** A backup's session whose checklist (stored once, lib/sessions/records.ts) is neither in the file nor here. */
  'missing-checklist',
]);

export const setAsideReasonSchema = z.object({
  code: setAsideCodeSchema,
  /** The format number concerned (newer-version, bad-version, no-upgrade-path, upgrade-failed). */
  version: z.optional(z.number()),
  /** Where in the value the shape is wrong (wrong-shape), such as "agreements.rule-cameras". */
  path: z.optional(z.string()),
  /** What the check or the upgrade reported, as it reported it (wrong-shape: zod's issue code; upgrade-failed: the error). */
  detail: z.optional(z.string()),
});

export const quarantineEntrySchema = z.object({
  key: z.string(),
  /** A code; entries set aside by earlier versions of Callcare hold an English sentence, still shown as it is. */
  reason: z.union([setAsideReasonSchema, z.string()]),
  at: timestamp,
  /** The value exactly as it was found, as JSON text. */
  raw: z.string(),
});

export type Phase = z.infer<typeof phaseSchema>;
export type ItemKind = z.infer<typeof itemKindSchema>;
export type AgreementState = z.infer<typeof agreementStateSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Side = z.infer<typeof sideSchema>;
export type SessionPlatform = z.infer<typeof sessionPlatformSchema>;
export type SessionStatus = z.infer<typeof sessionStatusSchema>;
export type EndReason = z.infer<typeof endReasonSchema>;
export type ClientSeemed = z.infer<typeof clientSeemedSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type TemplateSnapshot = z.infer<typeof templateSnapshotSchema>;
export type StoredSession = z.infer<typeof storedSessionSchema>;
export type Checklist = z.infer<typeof checklistSchema>;
export type Template = z.infer<typeof templateSchema>;
export type ConsiderationId = z.infer<typeof considerationIdSchema>;
export type ConsiderationAnswer = z.infer<typeof considerationAnswerSchema>;
export type Client = z.infer<typeof clientSchema>;
export type AgreementRecord = z.infer<typeof agreementRecordSchema>;
export type CheckRecord = z.infer<typeof checkRecordSchema>;
export type Person = z.infer<typeof personSchema>;
export type Aftercare = z.infer<typeof aftercareSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type EndedTabs = z.infer<typeof endedTabsSchema>;
export type OpenSessions = z.infer<typeof openSessionsSchema>;
export type OpenSession = z.infer<typeof openSessionSchema>;
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;
export type SetAsideCode = z.infer<typeof setAsideCodeSchema>;
export type SetAsideReason = z.infer<typeof setAsideReasonSchema>;
