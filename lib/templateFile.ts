/**
 * Templates as files, to share an organisation's terms and conditions.
 * Reading a file checks everything and says, in a practitioner's words, what
 * is wrong and where; a file that is not a valid template changes nothing.
 */

import { type MessageKey, t } from './i18n';
import {
  type ChecklistItem,
  checklistItemSchema,
  checklistItemsOf,
  phaseSchema,
  safeIdSchema,
  type Template,
  templateSchema,
} from './schemas';
import { BLANK_LOOKING_RULE, countBidiControls, displayTextSchema } from './text';
import { z } from './zod';

export const TEMPLATE_FILE_FORMAT = 'callcare-template';
const MAX_FILE_CHARACTERS = 1_000_000;

/** What a person reads of an item, by the rules of lib/text.ts. */
const readableItemSchema = z.extend(checklistItemSchema, {
  text: displayTextSchema(500),
  guidance: displayTextSchema(2000, { optional: true }),
});
const templateNameSchema = z.pipe(
  z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(100)),
  displayTextSchema(100),
);

export const templateFileSchema = z.object({
  format: z.literal(TEMPLATE_FILE_FORMAT),
  formatVersion: z.literal(1),
  name: templateNameSchema,
  // An id from a file becomes an object key in every session that runs with it.
  items: z
    .array(z.extend(readableItemSchema, { id: safeIdSchema }))
    .check(z.minLength(1))
    .check(z.maxLength(200)),
});

/**
 * A template as the editor saves it: what was typed follows the same text
 * rules as a file. Ids keep the stored rule, so a template imported before
 * the id pattern can still be edited.
 */
export const editedTemplateSchema = z.extend(templateSchema, {
  name: templateNameSchema,
  items: checklistItemsOf(readableItemSchema),
});

/** How many bidi controls the name, texts and guidance hold (they are removed on import and on save). */
export function bidiControlsIn(template: { name: string; items: readonly Pick<ChecklistItem, 'text' | 'guidance'>[] }) {
  return template.items.reduce(
    (sum, item) => sum + countBidiControls(item.text) + countBidiControls(item.guidance),
    countBidiControls(template.name),
  );
}

export interface ImportedTemplate {
  name: string;
  items: ChecklistItem[];
}

export type TemplateFileResult =
  | {
      ok: true;
      template: ImportedTemplate;
      /** How many bidi controls were removed from its text. */
      neutralised: number;
    }
  | { ok: false; errors: string[] };

export function templateToFile(template: Template): string {
  const file: z.infer<typeof templateFileSchema> = {
    format: TEMPLATE_FILE_FORMAT,
    formatVersion: 1,
    name: template.name,
    items: template.items.map(({ id, phase, kind, text, guidance }) => ({ id, phase, kind, text, guidance })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const FIELD_KEYS = {
  id: 'templateFieldId',
  phase: 'templateFieldPhase',
  kind: 'templateFieldKind',
  text: 'templateFieldText',
  guidance: 'templateFieldGuidance',
  name: 'templateFieldName',
  items: 'templateFieldItems',
} as const satisfies Record<string, MessageKey>;

/** A field's name in words, or the field as it is written in the file. */
const fieldName = (field: string): string =>
  Object.hasOwn(FIELD_KEYS, field) ? t(FIELD_KEYS[field as keyof typeof FIELD_KEYS]) : `"${field}"`;

/** "Item 4, its text" for ['items', 3, 'text']. */
function where(path: readonly PropertyKey[]): string {
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const field = typeof path[2] === 'string' ? fieldName(path[2]) : undefined;
    return field
      ? t('templateErrorItemField', { number: path[1] + 1, field })
      : t('templateErrorItem', { number: path[1] + 1 });
  }
  const [first] = path;
  if (typeof first === 'string') return fieldName(first);
  return t('templateErrorWholeFile');
}

function describe(issue: z.core.$ZodIssue): string {
  const place = where(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? t('templateErrorMissing', { place })
        : t('templateErrorWrongType', { place, expected: issue.expected });
    case 'too_small':
      return issue.origin === 'string'
        ? t('templateErrorEmpty', { place })
        : t('templateErrorTooFew', { place, minimum: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('templateErrorTooLong', { place, maximum: Number(issue.maximum) })
        : t('templateErrorTooMany', { place, maximum: Number(issue.maximum) });
    case 'invalid_format':
      return issue.path[2] === 'id' ? t('templateErrorId', { place }) : t('templateErrorValue', { place });
    case 'custom':
      if (issue.params?.rule === BLANK_LOOKING_RULE) return t('templateErrorBlankLooking', { place });
      if (issue.path[2] === 'id') return t('templateErrorId', { place });
      return t('templateErrorValue', { place });
    case 'invalid_value':
      if (issue.path[0] === 'format' || issue.path[0] === 'formatVersion') return t('templateErrorNotATemplate');
      if (issue.path[2] === 'phase') return t('templateErrorPhase', { place, phases: phaseSchema.options.join(', ') });
      if (issue.path[2] === 'kind') return t('templateErrorKind', { place });
      return t('templateErrorValue', { place });
    default:
      return t('templateErrorValue', { place });
  }
}

/** Says what is wrong with a template, and where, in a practitioner's words. */
export function describeTemplateIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return [...new Set(issues.map(describe))].slice(0, 10);
}

export function parseTemplateFile(text: string): TemplateFileResult {
  if (text.length > MAX_FILE_CHARACTERS) return { ok: false, errors: [t('templateErrorTooLarge')] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: [t('templateErrorNotJson')] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: [t('templateErrorNotATemplate')] };
  }
  const { format, formatVersion } = json as { format?: unknown; formatVersion?: unknown };
  if (format !== TEMPLATE_FILE_FORMAT) return { ok: false, errors: [t('templateErrorNotATemplate')] };
  if (formatVersion !== 1) return { ok: false, errors: [t('templateErrorFormatVersion')] };
  const parsed = templateFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: describeTemplateIssues(parsed.error.issues) };
  }
  const seen = new Set<string>();
  const duplicates = parsed.data.items.flatMap((item, index) => {
    if (seen.has(item.id)) return [t('templateErrorDuplicateId', { number: index + 1, id: item.id })];
    seen.add(item.id);
    return [];
  });
  if (duplicates.length > 0) return { ok: false, errors: duplicates };
  const raw = json as { name: string; items: Array<Pick<ChecklistItem, 'text' | 'guidance'>> };
  return {
    ok: true,
    template: { name: parsed.data.name, items: parsed.data.items },
    neutralised: bidiControlsIn(raw),
  };
}
