import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  allTemplates,
  deleteTemplate,
  importTemplate,
  saveTemplate,
  templateById,
  templateForNewSession,
} from '../../lib/caseload';
import { builtInTemplate, defaultTemplate } from '../../lib/checklist';
import { isReservedKey, SAFE_ID_PATTERN, templateSchema } from '../../lib/schemas';
import { createSession } from '../../lib/sessions/model';
import { ownSettings, templates } from '../../lib/storage/items';
import {
  describeTemplateIssues,
  editedTemplateSchema,
  parseTemplateFile,
  templateToFile,
} from '../../lib/templateFile';
import { addItem, moveItem, newItemId, removeItem, updateItem } from '../../lib/templates';
import { hasBidiControls, looksBlank } from '../../lib/text';
import { trickyText } from './textArbitraries';

const NOW = Date.UTC(2026, 10, 21, 9, 0);

describe('editing a template', () => {
  const base = builtInTemplate();

  it('adds, rewords, changes kind and phase, reorders within a phase, and removes', () => {
    let draft = addItem(base, { id: 'extra', phase: 'rules', kind: 'agreement', text: 'Extra', guidance: '' });
    draft = updateItem(draft, 'extra', { text: 'Extra rule', kind: 'check', phase: 'during' });
    expect(draft.items.at(-1)).toEqual({
      id: 'extra',
      phase: 'during',
      kind: 'check',
      text: 'Extra rule',
      guidance: '',
    });
    const rules = (items: typeof draft.items) => items.filter((item) => item.phase === 'rules').map((item) => item.id);
    const moved = moveItem(draft, 'rule-recording', -1);
    expect(rules(moved.items).slice(0, 2)).toEqual(['rule-recording', 'rule-cameras']);
    // The first rule moving up stays first: it does not jump into another phase.
    expect(moveItem(draft, 'rule-cameras', -1).items).toEqual(draft.items);
    expect(removeItem(draft, 'extra').items).toEqual(base.items);
    expect(newItemId(base, () => 'abc')).toBe('item-abc');
  });

  it('refuses two items with the same id', () => {
    const twice = addItem(base, { ...base.items[0], id: 'prep-space' } as (typeof base.items)[0]);
    expect(templateSchema.safeParse(twice).success).toBe(false);
  });
});

describe('template versions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('uses the built-in default until it is edited, then saves each edit as a new version', async () => {
    expect((await allTemplates()).map((template) => [template.id, template.version])).toEqual([['default', 1]]);
    const edited = updateItem(builtInTemplate(), 'rule-cameras', { text: 'Cameras stay on' });
    const v2 = await saveTemplate(edited, NOW);
    expect(v2).toMatchObject({ id: 'default', version: 2, updatedAt: NOW });
    const v3 = await saveTemplate(updateItem(v2, 'rule-cameras', { text: 'Cameras on' }), NOW + 1);
    expect(v3.version).toBe(3);
    expect((await templateById('default'))?.items.find((item) => item.id === 'rule-cameras')?.text).toBe('Cameras on');
  });

  it('gives a session a copy of the template, which later edits never change', async () => {
    const snapshot = await templateForNewSession();
    const session = createSession({
      id: 's1',
      origin: 'tab',
      platform: 'meet',
      host: 'meet.google.com',
      tabId: 1,
      template: snapshot,
      now: NOW,
    });
    await saveTemplate(
      removeItem(updateItem(builtInTemplate(), 'rule-cameras', { text: 'Changed' }), 'rule-format'),
      NOW,
    );
    expect(session.template).toEqual(defaultTemplate());
    expect(session.agreements['rule-format']).toBeDefined();
    expect((await templateForNewSession()).version).toBe(2);
  });

  it('starts new sessions with the chosen default, and falls back when that template is deleted', async () => {
    const imported = await importTemplate(templateToFile({ ...builtInTemplate(), name: 'Follow-up' }), NOW);
    if (!imported.ok || !imported.id) throw new Error('expected the import to work');
    await ownSettings.update((current) => ({ ...current, defaultTemplateId: String(imported.id) }));
    expect((await templateForNewSession()).name).toBe('Follow-up');
    await deleteTemplate(String(imported.id));
    expect((await ownSettings.get()).defaultTemplateId).toBe('default');
    expect((await templateForNewSession()).id).toBe('default');
  });
});

describe('template files', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips an exported template', () => {
    const exported = templateToFile(builtInTemplate());
    expect(parseTemplateFile(exported)).toEqual({
      ok: true,
      template: { name: builtInTemplate().name, items: builtInTemplate().items },
      neutralised: 0,
    });
  });

  it.each([
    ['not JSON', '{"format": ', ['This file is not a template: it is not readable JSON text.']],
    ['another kind of JSON', '[1, 2, 3]', [expect.stringContaining('not a Callcare template')]],
    [
      'a template of another program',
      '{"format": "other", "items": []}',
      [expect.stringContaining('not a Callcare template')],
    ],
    [
      'an item with no text',
      JSON.stringify({
        format: 'callcare-template',
        formatVersion: 1,
        name: 'T',
        items: [{ id: 'a', phase: 'rules', kind: 'agreement', guidance: '' }],
      }),
      ['Item 1, its text, is missing.'],
    ],
    [
      'an unknown phase and kind',
      JSON.stringify({
        format: 'callcare-template',
        formatVersion: 1,
        name: 'T',
        items: [{ id: 'a', phase: 'later', kind: 'wish', text: 'x', guidance: '' }],
      }),
      [
        'Item 1, its phase, must be one of: before, rules, during.',
        'Item 1, its kind, must be "agreement" or "check".',
      ],
    ],
    [
      'no items',
      JSON.stringify({ format: 'callcare-template', formatVersion: 1, name: 'T', items: [] }),
      ['The list of items needs at least 1.'],
    ],
    [
      'a missing name',
      JSON.stringify({
        format: 'callcare-template',
        formatVersion: 1,
        items: [{ id: 'a', phase: 'rules', kind: 'check', text: 'x', guidance: '' }],
      }),
      ['The template name is missing.'],
    ],
    [
      'two items with one id',
      JSON.stringify({
        format: 'callcare-template',
        formatVersion: 1,
        name: 'T',
        items: [
          { id: 'a', phase: 'rules', kind: 'check', text: 'x', guidance: '' },
          { id: 'a', phase: 'rules', kind: 'check', text: 'y', guidance: '' },
        ],
      }),
      ['Item 2 has the same id as an earlier item ("a").'],
    ],
    ...[
      ['an item with the id "__proto__"', '__proto__'],
      ['an item with the id "constructor"', 'constructor'],
      ['an item whose id has a space', 'org recording'],
      ['an item whose id holds a bidi override', 'rule-\u202Ecameras'],
    ].map(([what, id]): [string, string, string[]] => [
      String(what),
      JSON.stringify({
        format: 'callcare-template',
        formatVersion: 1,
        name: 'T',
        items: [
          { id: 'fine', phase: 'rules', kind: 'check', text: 'x', guidance: '' },
          { id, phase: 'rules', kind: 'agreement', text: 'y', guidance: '' },
        ],
      }),
      [
        'Item 2, its id, may use only letters, digits, "-" and "_", and cannot be a reserved name such as "__proto__" or "constructor".',
      ],
    ]),
    ...[
      ['an item text of zero-width spaces', 'text', '\u200B\u200B'],
      ['an item text of spaces and a byte order mark', 'text', '  \uFEFF'],
      ['an item text of only a bidi override', 'text', '\u202E'],
      ['guidance of only a word joiner', 'guidance', '\u2060'],
    ].map(([what, field, value]): [string, string, string[]] => [
      String(what),
      JSON.stringify({
        format: 'callcare-template',
        formatVersion: 1,
        name: 'T',
        items: [{ id: 'a', phase: 'rules', kind: 'agreement', text: 'x', guidance: '', [String(field)]: value }],
      }),
      [`Item 1, its ${field}, looks blank: it holds only spaces or invisible characters.`],
    ]),
    [
      'a name of zero-width characters',
      JSON.stringify({
        format: 'callcare-template',
        formatVersion: 1,
        name: '\u200B\u200D',
        items: [{ id: 'a', phase: 'rules', kind: 'check', text: 'x', guidance: '' }],
      }),
      ['The template name looks blank: it holds only spaces or invisible characters.'],
    ],
  ])('refuses %s, saying what is wrong and where', (_what, text, errors) => {
    expect(parseTemplateFile(text)).toEqual({ ok: false, errors });
  });

  it('never throws on random or hostile JSON, and accepts only valid templates', () => {
    const hostileItem = fc.record({
      id: fc.oneof(fc.string(), fc.constant('__proto__'), fc.constant('constructor')),
      phase: fc.oneof(fc.constantFrom('before', 'rules', 'during'), fc.string()),
      kind: fc.oneof(fc.constantFrom('agreement', 'check'), fc.anything()),
      text: fc.oneof(
        fc.string(),
        fc.string({ minLength: 490, maxLength: 520 }),
        fc.constant('<img src=x onerror=alert(1)>'),
      ),
      guidance: fc.oneof(fc.string(), fc.integer()),
    });
    const fileLike = fc.record(
      {
        format: fc.oneof(fc.constant('callcare-template'), fc.string()),
        formatVersion: fc.oneof(fc.constant(1), fc.integer()),
        name: fc.oneof(fc.string(), fc.constant('')),
        items: fc.oneof(fc.array(hostileItem, { maxLength: 8 }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fileLike, fc.anything()), (value) => {
        let text: string;
        try {
          text = JSON.stringify(value) ?? 'undefined';
        } catch {
          return true;
        }
        const result = parseTemplateFile(text);
        if (result.ok) {
          expect(templateSchema.safeParse({ id: 'x', version: 1, updatedAt: 0, ...result.template }).success).toBe(
            true,
          );
          expect(Object.getPrototypeOf(result.template)).toBe(Object.prototype);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(typeof error).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('removes bidi controls from the name, texts and guidance, and says how many', () => {
    const file = JSON.stringify({
      format: 'callcare-template',
      formatVersion: 1,
      name: 'Terms \u2067v2\u2069',
      items: [
        {
          id: 'org-recording',
          phase: 'rules',
          kind: 'agreement',
          text: 'Nobody \u202Edroces\u202C',
          guidance: '\u200Fsee 2',
        },
      ],
    });
    expect(parseTemplateFile(file)).toEqual({
      ok: true,
      template: {
        name: 'Terms v2',
        items: [{ id: 'org-recording', phase: 'rules', kind: 'agreement', text: 'Nobody droces', guidance: 'see 2' }],
      },
      neutralised: 5,
    });
  });

  it('imports a file with any text only with safe ids and no blank-looking or bidi-control text', () => {
    const item = fc.record({
      id: fc.oneof(fc.constantFrom('a', 'b-2', '__proto__', 'toString', 'prototype'), trickyText),
      phase: fc.constant('rules'),
      kind: fc.constant('agreement'),
      text: trickyText,
      guidance: trickyText,
    });
    const file = fc.record({
      format: fc.constant('callcare-template'),
      formatVersion: fc.constant(1),
      name: trickyText,
      items: fc.array(item, { minLength: 1, maxLength: 4 }),
    });
    let imported = 0;
    fc.assert(
      fc.property(file, (value) => {
        const result = parseTemplateFile(JSON.stringify(value));
        if (result.ok) imported++;
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error).toMatch(/^(Item \d+|The template name|The list of items)/);
          return;
        }
        const { name, items } = result.template;
        for (const text of [name, ...items.map((each) => each.text)]) {
          expect(looksBlank(text)).toBe(false);
          expect(hasBidiControls(text)).toBe(false);
        }
        for (const each of items) {
          expect(each.guidance === '' || !looksBlank(each.guidance)).toBe(true);
          expect(hasBidiControls(each.guidance)).toBe(false);
          expect(SAFE_ID_PATTERN.test(each.id) && !isReservedKey(each.id)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
    // Both ways are taken: some files are imported, their text kept clean.
    expect(imported).toBeGreaterThan(0);
  });

  it('changes nothing in storage when a file is refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        fakeBrowser.reset();
        const before = await fakeBrowser.storage.local.get(null);
        const result = await importTemplate(text, NOW);
        if (!result.ok) expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('adds a valid file as a new template, next to the default', async () => {
    const file = templateToFile({ ...builtInTemplate(), name: 'Family session with interpreter' });
    const result = await importTemplate(file, NOW);
    expect(result.ok).toBe(true);
    expect((await templates.all()).map((template) => [template.name, template.version])).toEqual([
      ['Family session with interpreter', 1],
    ]);
    expect((await allTemplates()).map((template) => template.name)).toEqual([
      'Default checklist',
      'Family session with interpreter',
    ]);
  });
});

describe('saving in the template editor', () => {
  const base = builtInTemplate();

  it('refuses typed text that looks blank, naming the item and field', () => {
    const draft = updateItem(base, 'rule-cameras', { text: '\u200B ' });
    const checked = editedTemplateSchema.safeParse(draft);
    expect(checked.success).toBe(false);
    const number = base.items.findIndex((item) => item.id === 'rule-cameras') + 1;
    expect(checked.error && describeTemplateIssues(checked.error.issues)).toEqual([
      `Item ${number}, its text, looks blank: it holds only spaces or invisible characters.`,
    ]);
  });

  it('keeps typed text without bidi controls', () => {
    const draft = {
      ...updateItem(base, 'rule-cameras', { guidance: 'Why \u202Eit matters' }),
      name: '\u2066Mine\u2069',
    };
    const checked = editedTemplateSchema.safeParse(draft);
    expect(checked.data?.name).toBe('Mine');
    expect(checked.data?.items.find((item) => item.id === 'rule-cameras')?.guidance).toBe('Why it matters');
  });

  it('still saves a template imported before ids had a pattern', () => {
    const older = {
      ...base,
      items: base.items.map((item, index) => (index === 0 ? { ...item, id: 'org recording' } : item)),
    };
    expect(editedTemplateSchema.safeParse(older).success).toBe(true);
  });
});
