/**
 * An organisation's policy for Callcare, as its IT department sets it with the
 * browser's own enterprise policies (Chrome and Edge: managed storage, with
 * `public/managed_schema.json`; Firefox: `policies.json`). See docs/ADMIN.md.
 *
 * Parsed key by key: a value that does not fit is ignored alone, with the
 * reason kept to show in "Your organisation", and the rest still applies. A
 * policy never changes the practitioner's own settings or any record; it is
 * laid over them when settings are read (lib/settings.ts).
 */

import { languageSchema } from './i18n/languages';
import { safeIdSchema } from './schemas';
import { templateFileSchema } from './templateFile';
import { displayTextSchema } from './text';
import { z } from './zod';

const hostSchema = z
  .string()
  .check(z.trim())
  .check(z.toLowerCase())
  .check(z.regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/))
  .check(z.maxLength(253));

/**
 * A template the organisation gives every practitioner: a template file, with an
 * id of the organisation's choosing. An item's guidance may be left out; no two
 * items may share an id (an item's id is how its record is kept).
 */
/** The fields of a policy template, as administrators write them (docs/ADMIN.md, the managed schema). */
export const policyTemplateFields = z.extend(templateFileSchema, {
  // Inside Callcare it becomes "org-<id>", which must still fit a stored id (100 characters); "default" always
  // names Callcare's own checklist.
  id: z
    .pipe(safeIdSchema, z.string().check(z.maxLength(96)))
    .check(z.refine((id) => id !== 'default', { message: 'reserved for Callcare' })),
});

export const policyTemplateSchema = z
  .pipe(
    z.transform((value: unknown) => {
      if (value === null || typeof value !== 'object' || !Array.isArray((value as { items?: unknown }).items))
        return value;
      const template = value as { items: unknown[] };
      return {
        ...template,
        items: template.items.map((item) =>
          item !== null && typeof item === 'object' && !('guidance' in item) ? { ...item, guidance: '' } : item,
        ),
      };
    }),
    policyTemplateFields,
  )
  .check(
    z.refine((template) => new Set(template.items.map((item) => item.id)).size === template.items.length, {
      message: 'two items share an id',
      path: ['items'],
    }),
  );
export type PolicyTemplate = z.infer<typeof policyTemplateSchema>;

/** The settings a policy can lock, by the names administrators write in `locked`. */
export const LOCKABLE = [
  'defaultTemplate',
  'maxSessionsPerDay',
  'workingDays',
  'workdayEnd',
  'retentionDays',
  'language',
] as const;
export type Lockable = (typeof LOCKABLE)[number];

/** Each key of the policy, and what a valid value is. */
export const POLICY_FIELDS = {
  // Text a practitioner reads follows the rules of every other displayed text (lib/text.ts).
  organisationName: z.pipe(z.string().check(z.trim()), displayTextSchema(100)),
  /** The organisation's terms and conditions for digital work, shown to every practitioner. */
  terms: z.pipe(z.string().check(z.trim()), displayTextSchema(4000)),
  templates: z.array(policyTemplateSchema).check(z.minLength(1)).check(z.maxLength(20)),
  /** The id of one of `templates`, or "default" for Callcare's built-in checklist. */
  defaultTemplate: safeIdSchema,
  maxSessionsPerDay: z.int().check(z.minimum(1)).check(z.maximum(50)),
  workingDays: z.array(z.int().check(z.minimum(0)).check(z.maximum(6))).check(z.maxLength(7)),
  workdayEnd: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  protectionRequired: z.boolean(),
  maxAutoLockMinutes: z
    .int()
    .check(z.minimum(1))
    .check(z.maximum(24 * 60)),
  retentionDays: z.int().check(z.minimum(1)).check(z.maximum(36_500)),
  maxRetentionDays: z.int().check(z.minimum(1)).check(z.maximum(36_500)),
  callHosts: z.array(hostSchema).check(z.maxLength(50)),
  allowCsvExport: z.boolean(),
  allowUnprotectedBackups: z.boolean(),
  language: languageSchema,
  /** A support line (the organisation's crisis line, say), shown on the aftercare page under "other help". */
  supportLine: z.pipe(z.string().check(z.trim()), displayTextSchema(300)),
  /** Which of the settings above the practitioner may not change. */
  locked: z.array(z.enum(LOCKABLE)).check(z.maxLength(LOCKABLE.length)),
  /** Offer the anonymous practice summary at the start of every month. */
  offerSummaryMonthly: z.boolean(),
} as const;

export type PolicyKey = keyof typeof POLICY_FIELDS;
export type Policy = { [K in PolicyKey]?: z.output<(typeof POLICY_FIELDS)[K]> };

/** A value the policy set that Callcare did not take, and why, in a code with its facts. */
export interface IgnoredValue {
  key: string;
  reason: 'unknown-key' | 'invalid' | 'unknown-template';
  /** Where in the value, and what the check said (zod's issue code), for the note in "Your organisation". */
  path?: string;
  detail?: string;
}

export interface ReadPolicy {
  policy: Policy;
  ignored: readonly IgnoredValue[];
}

const isPolicyKey = (key: string): key is PolicyKey => Object.hasOwn(POLICY_FIELDS, key);

/** Reads whatever the browser handed over, key by key. Never throws. */
export function parsePolicy(raw: unknown): ReadPolicy {
  const policy: Record<string, unknown> = {};
  const ignored: IgnoredValue[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { policy: {}, ignored };
  for (const [key, value] of Object.entries(raw)) {
    if (!isPolicyKey(key)) {
      ignored.push({ key, reason: 'unknown-key' });
      continue;
    }
    if ((key === 'locked' || key === 'callHosts') && Array.isArray(value)) {
      // Entry by entry: one misspelt name or bad host leaves the others in force.
      const entry = key === 'locked' ? z.enum(LOCKABLE) : hostSchema;
      const kept = value.flatMap((item, index) => {
        const parsed = entry.safeParse(item);
        if (parsed.success) return [parsed.data];
        ignored.push({ key, reason: 'invalid', path: String(index), detail: parsed.error.issues[0]?.code });
        return [];
      });
      policy[key] = [...new Set(kept)].slice(0, 50);
      continue;
    }
    if (key === 'templates' && Array.isArray(value)) {
      // Template by template: one that does not fit leaves the others in force.
      const seen = new Set<string>();
      const templates = value.flatMap((template, index) => {
        const parsed = policyTemplateSchema.safeParse(template);
        if (parsed.success) {
          if (!seen.has(parsed.data.id)) return seen.add(parsed.data.id) && [parsed.data];
          // Two templates with one id: the later one is left out.
          ignored.push({ key, reason: 'invalid', path: `${index}.id`, detail: 'duplicate' });
          return [];
        }
        const issue = parsed.error.issues[0];
        ignored.push({ key, reason: 'invalid', path: [index, ...(issue?.path ?? [])].join('.'), detail: issue?.code });
        return [];
      });
      if (templates.length > 20) {
        ignored.push({ key, reason: 'invalid', path: '20', detail: 'too_big' });
      }
      if (templates.length > 0) policy.templates = templates.slice(0, 20);
      continue;
    }
    const parsed = POLICY_FIELDS[key].safeParse(value);
    if (parsed.success) {
      policy[key] = parsed.data;
      continue;
    }
    const issue = parsed.error.issues[0];
    ignored.push({
      key,
      reason: 'invalid',
      ...(issue && issue.path.length > 0 ? { path: issue.path.join('.') } : {}),
      ...(issue ? { detail: issue.code } : {}),
    });
  }
  const read = policy as Policy;
  const defaultTemplate = read.defaultTemplate;
  if (
    defaultTemplate !== undefined &&
    defaultTemplate !== 'default' &&
    !read.templates?.some((template) => template.id === defaultTemplate)
  ) {
    ignored.push({ key: 'defaultTemplate', reason: 'unknown-template', detail: defaultTemplate });
    delete read.defaultTemplate;
  }
  return { policy: read, ignored };
}

/** The id an organisation's template has in Callcare: kept apart from the practitioner's own. */
export const orgTemplateId = (id: string): string => `org-${id}`;
