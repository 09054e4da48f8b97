/**
 * The default checklist, by phase, from the RAN FC&S and Digital Exit Work
 * papers. Its wording is per language (`checklist.<id>.text` and `.guidance`
 * in `locales/`), each item's guidance naming its source paper and chapter.
 */
import { t } from './i18n';
import type { ChecklistItem, ItemKind, Phase, Template, TemplateSnapshot } from './schemas';

const DEFAULT_ITEMS = [
  { id: 'prep-space', phase: 'before', kind: 'check' },
  { id: 'prep-background', phase: 'before', kind: 'check' },
  { id: 'prep-camera', phase: 'before', kind: 'check' },
  { id: 'prep-fallback', phase: 'before', kind: 'check' },
  { id: 'prep-interpreter', phase: 'before', kind: 'check' },
  { id: 'rule-cameras', phase: 'rules', kind: 'agreement' },
  { id: 'rule-recording', phase: 'rules', kind: 'agreement' },
  { id: 'rule-present', phase: 'rules', kind: 'agreement' },
  { id: 'rule-privacy', phase: 'rules', kind: 'agreement' },
  { id: 'rule-account', phase: 'rules', kind: 'agreement' },
  { id: 'rule-confidentiality', phase: 'rules', kind: 'agreement' },
  { id: 'rule-questions', phase: 'rules', kind: 'agreement' },
  { id: 'rule-dropout', phase: 'rules', kind: 'agreement' },
  { id: 'rule-objectives', phase: 'rules', kind: 'agreement' },
  { id: 'rule-format', phase: 'rules', kind: 'agreement' },
  { id: 'rule-location', phase: 'rules', kind: 'agreement' },
  { id: 'during-clear', phase: 'during', kind: 'check' },
  { id: 'during-silence', phase: 'during', kind: 'check' },
  { id: 'during-checkin', phase: 'during', kind: 'check' },
  { id: 'during-newpeople', phase: 'during', kind: 'check' },
] as const satisfies ReadonlyArray<{ id: string; phase: Phase; kind: ItemKind }>;

export type DefaultItemId = (typeof DEFAULT_ITEMS)[number]['id'];

const DEFAULT_IDS: ReadonlySet<string> = new Set(DEFAULT_ITEMS.map((item) => item.id));

export const isDefaultItem = (id: string): id is DefaultItemId => DEFAULT_IDS.has(id);

export type DefaultRuleId = Extract<(typeof DEFAULT_ITEMS)[number], { kind: 'agreement' }>['id'];

/** The rules of communication of the built-in checklist (its agreements), in its order. */
export const DEFAULT_RULE_IDS: readonly DefaultRuleId[] = DEFAULT_ITEMS.filter(
  (item): item is Extract<(typeof DEFAULT_ITEMS)[number], { kind: 'agreement' }> => item.kind === 'agreement',
).map((item) => item.id);

/**
 * How an item is named where sessions are summed up (charts, History): a default
 * item in the current language, whatever language its session ran in; any other
 * item by the words it was recorded with.
 */
export const itemLabel = (id: string, recorded: string): string =>
  isDefaultItem(id) ? t(`checklist.${id}.text`) : recorded;

/**
 * A template's name: the built-in one as Callcare made it (version 1) in the
 * current language; any other, the built-in once edited included, by the name it was given.
 */
export const templateName = (template: { id: string; name: string; version: number }): string =>
  template.id === BUILT_IN_TEMPLATE_ID && template.version === 1 ? t('defaultTemplateName') : template.name;

export const PHASES: readonly Phase[] = ['before', 'rules', 'during'];

export const BUILT_IN_TEMPLATE_ID = 'default';

/** The checklist as it comes with Callcare. The practitioner may edit it into a stored template. */
export function defaultTemplate(): TemplateSnapshot {
  return {
    id: BUILT_IN_TEMPLATE_ID,
    name: t('defaultTemplateName'),
    version: 1,
    items: DEFAULT_ITEMS.map(
      (item): ChecklistItem => ({
        ...item,
        text: t(`checklist.${item.id}.text`),
        guidance: t(`checklist.${item.id}.guidance`),
      }),
    ),
  };
}

/** The built-in default as a stored template, before the practitioner has edited it. */
export function builtInTemplate(): Template {
  return { ...defaultTemplate(), updatedAt: 0 };
}

/** The copy of a template a session keeps. */
export function snapshotOf(template: Template): TemplateSnapshot {
  return { id: template.id, name: template.name, version: template.version, items: template.items };
}

export function itemsInPhase(items: readonly ChecklistItem[], phase: Phase): ChecklistItem[] {
  return items.filter((item) => item.phase === phase);
}
