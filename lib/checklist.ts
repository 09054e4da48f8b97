/** The default checklist, by phase, from the RAN FC&S and Digital Exit Work papers. Wording lives in the messages module. */
import { defaultChecklistText, m } from './messages';
import type { ChecklistItem, ItemKind, Phase, Template, TemplateSnapshot } from './schemas';

type DefaultItemId = keyof typeof defaultChecklistText;

const DEFAULT_ITEMS: ReadonlyArray<{ id: DefaultItemId; phase: Phase; kind: ItemKind }> = [
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
];

export const PHASES: readonly Phase[] = ['before', 'rules', 'during'];

export const BUILT_IN_TEMPLATE_ID = 'default';

/** The checklist as it comes with Callcare. The practitioner may edit it into a stored template. */
export function defaultTemplate(): TemplateSnapshot {
  return {
    id: BUILT_IN_TEMPLATE_ID,
    name: m.defaultTemplateName,
    version: 1,
    items: DEFAULT_ITEMS.map((item): ChecklistItem => ({ ...item, ...defaultChecklistText[item.id] })),
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
