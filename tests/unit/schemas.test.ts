/** Ids that become object keys (lib/schemas.ts): the safe pattern, the reserved names, and the file check for "__proto__". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInTemplate } from '../../lib/checklist';
import {
  isReservedKey,
  protoKeyPath,
  SAFE_ID_PATTERN,
  safeIdSchema,
  sessionSchema,
  storedItemIdSchema,
  templateSchema,
} from '../../lib/schemas';
import { newItemId } from '../../lib/templates';

const PROTOTYPE_KEYS = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];
/** Strings built from the id alphabet, so the reserved names and the pattern's edges come up often. */
const idLike = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'abcAZ09_-'), minLength: 0, maxLength: 110 }),
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom('rule-cameras', 'item-1a2b3c4d', crypto.randomUUID(), 'a'.repeat(100), 'a'.repeat(101)),
);

describe('a safe id', () => {
  it('is accepted exactly when it fits the pattern and is no reserved name', () => {
    fc.assert(
      fc.property(idLike, (id) => {
        const parsed = safeIdSchema.safeParse(id);
        expect(parsed.success).toBe(SAFE_ID_PATTERN.test(id) && !PROTOTYPE_KEYS.includes(id));
        if (parsed.success) expect(parsed.data).toBe(id);
        else expect(parsed.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('can never be a key of Object.prototype, and is a key of its own when used as one', () => {
    fc.assert(
      fc.property(idLike, (id) => {
        if (!safeIdSchema.safeParse(id).success) return;
        expect(id in Object.prototype).toBe(false);
        const record: Record<string, number> = {};
        record[id] = 1;
        expect(Object.keys(record)).toEqual([id]);
        expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses "__proto__", "constructor", "prototype" and every name Object.prototype answers to', () => {
    for (const name of PROTOTYPE_KEYS) {
      expect(isReservedKey(name)).toBe(true);
      expect(safeIdSchema.safeParse(name).success).toBe(false);
      expect(storedItemIdSchema.safeParse(name).success).toBe(false);
    }
  });

  it('fits every id Callcare makes: the built-in checklist, the editor, and randomUUID', () => {
    for (const item of builtInTemplate().items) expect(safeIdSchema.safeParse(item.id).success).toBe(true);
    expect(safeIdSchema.safeParse(builtInTemplate().id).success).toBe(true);
    const made = newItemId(builtInTemplate(), () => crypto.randomUUID().slice(0, 8));
    expect(safeIdSchema.safeParse(made).success).toBe(true);
    expect(safeIdSchema.safeParse(crypto.randomUUID()).success).toBe(true);
  });
});

describe('stored records', () => {
  it('keep an older imported id that does not fit the pattern, but set aside a reserved one', () => {
    const template = { ...builtInTemplate(), items: [{ ...builtInTemplate().items[0], id: 'org recording' }] };
    expect(templateSchema.safeParse(template).success).toBe(true);
    const hostile = { ...template, items: [{ ...template.items[0], id: '__proto__' }] };
    const refused = templateSchema.safeParse(hostile);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('it is a reserved name, not an id');
  });

  it('refuse a session whose agreements are keyed by a reserved name other than "__proto__"', () => {
    const agreements = JSON.parse(
      '{"constructor": {"state": "agreed", "note": "", "changedAt": 1, "history": [], "confirmedFrom": null}}',
    );
    const parsed = sessionSchema.shape.agreements.safeParse(agreements);
    expect(parsed.success).toBe(false);
  });
});

describe('looking for "__proto__" in a file before zod drops it', () => {
  it('names where it is', () => {
    expect(protoKeyPath(JSON.parse('{"records": {"session:a": {"data": {"agreements": {"__proto__": {}}}}}}'))).toBe(
      'records.session:a.data.agreements.__proto__',
    );
    expect(protoKeyPath(JSON.parse('[{"a": [{"__proto__": 1}]}]'))).toBe('0.a.0.__proto__');
    expect(protoKeyPath(JSON.parse('{"__proto__": null}'))).toBe('__proto__');
  });

  it('finds it exactly when the JSON text has it as a key', () => {
    const withProto = fc.jsonValue().map((value) => JSON.stringify({ wrapper: [value, { __proto__key: 1 }] }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((value) => JSON.stringify(value)),
          withProto,
        ),
        fc.boolean(),
        (text, hostile) => {
          const json = hostile ? text.replace('"__proto__key"', '"__proto__"') : text;
          const found = protoKeyPath(JSON.parse(json));
          expect(found !== null).toBe(/"__proto__":/.test(json));
        },
      ),
      { numRuns: 500 },
    );
  });
});
