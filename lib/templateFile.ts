/**
 * Templates as files, to share an organisation's terms and conditions.
 * Reading a file checks everything and says, in a practitioner's words, what
 * is wrong and where; a file that is not a valid template changes nothing.
 */
import { z } from 'zod';
import { m, phaseNames } from './messages';
import {
  type ChecklistItem,
  checklistItemSchema,
  checklistItemsOf,
  safeIdSchema,
  type Template,
  templateSchema,
} from './schemas';
import { BLANK_LOOKING_RULE, countBidiControls, displayTextSchema } from './text';

export const TEMPLATE_FILE_FORMAT = 'callcare-template';
const MAX_FILE_CHARACTERS = 1_000_000;

/** What a person reads of an item, by the rules of lib/text.ts. */
const readableItemSchema = checklistItemSchema.extend({
  text: displayTextSchema(500),
  guidance: displayTextSchema(2000, { optional: true }),
});
const templateNameSchema = z.string().trim().min(1).max(100).pipe(displayTextSchema(100));

const templateFileSchema = z.object({
  format: z.literal(TEMPLATE_FILE_FORMAT),
  formatVersion: z.literal(1),
  name: templateNameSchema,
  // An id from a file becomes an object key in every session that runs with it.
  items: z
    .array(readableItemSchema.extend({ id: safeIdSchema }))
    .min(1)
    .max(200),
});

/**
 * A template as the editor saves it: what was typed follows the same text
 * rules as a file. Ids keep the stored rule, so a template imported before
 * the id pattern can still be edited.
 */
export const editedTemplateSchema = templateSchema.extend({
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

const FIELD_NAMES: Record<string, string> = {
  id: m.templateFieldId,
  phase: m.templateFieldPhase,
  kind: m.templateFieldKind,
  text: m.templateFieldText,
  guidance: m.templateFieldGuidance,
  name: m.templateFieldName,
  items: m.templateFieldItems,
};

/** "Item 4, its text" for ['items', 3, 'text']. */
function where(path: readonly PropertyKey[]): string {
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const field = typeof path[2] === 'string' ? (FIELD_NAMES[path[2]] ?? `"${path[2]}"`) : undefined;
    return field ? m.templateErrorItemField(path[1] + 1, field) : m.templateErrorItem(path[1] + 1);
  }
  const [first] = path;
  if (typeof first === 'string') return FIELD_NAMES[first] ?? `"${first}"`;
  return m.templateErrorWholeFile;
}

function describe(issue: z.core.$ZodIssue): string {
  const place = where(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? m.templateErrorMissing(place)
        : m.templateErrorWrongType(place, issue.expected);
    case 'too_small':
      return issue.origin === 'string'
        ? m.templateErrorEmpty(place)
        : m.templateErrorTooFew(place, Number(issue.minimum));
    case 'too_big':
      return issue.origin === 'string'
        ? m.templateErrorTooLong(place, Number(issue.maximum))
        : m.templateErrorTooMany(place, Number(issue.maximum));
    case 'invalid_format':
      return issue.path[2] === 'id' ? m.templateErrorId(place) : m.templateErrorValue(place);
    case 'custom':
      if (issue.params?.rule === BLANK_LOOKING_RULE) return m.templateErrorBlankLooking(place);
      if (issue.path[2] === 'id') return m.templateErrorId(place);
      return m.templateErrorValue(place);
    case 'invalid_value':
      if (issue.path[0] === 'format' || issue.path[0] === 'formatVersion') return m.templateErrorNotATemplate;
      if (issue.path[2] === 'phase') return m.templateErrorPhase(place, Object.keys(phaseNames).join(', '));
      if (issue.path[2] === 'kind') return m.templateErrorKind(place);
      return m.templateErrorValue(place);
    default:
      return m.templateErrorValue(place);
  }
}

/** Says what is wrong with a template, and where, in a practitioner's words. */
export function describeTemplateIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return [...new Set(issues.map(describe))].slice(0, 10);
}

export function parseTemplateFile(text: string): TemplateFileResult {
  if (text.length > MAX_FILE_CHARACTERS) return { ok: false, errors: [m.templateErrorTooLarge] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: [m.templateErrorNotJson] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: [m.templateErrorNotATemplate] };
  }
  const { format, formatVersion } = json as { format?: unknown; formatVersion?: unknown };
  if (format !== TEMPLATE_FILE_FORMAT) return { ok: false, errors: [m.templateErrorNotATemplate] };
  if (formatVersion !== 1) return { ok: false, errors: [m.templateErrorFormatVersion] };
  const parsed = templateFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: describeTemplateIssues(parsed.error.issues) };
  }
  const seen = new Set<string>();
  const duplicates = parsed.data.items.flatMap((item, index) => {
    if (seen.has(item.id)) return [m.templateErrorDuplicateId(index + 1, item.id)];
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
