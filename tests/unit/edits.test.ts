import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../lib/checklist';
import { agreementStateSchema } from '../../lib/schemas';
import { applyEdits, type Edit } from '../../lib/sessions/edits';
import { createSession } from '../../lib/sessions/model';

const fresh = () =>
  createSession({
    id: 's',
    origin: 'tab',
    platform: 'meet',
    host: null,
    tabId: 1,
    template: defaultTemplate(),
    now: 0,
  });

const ruleIds = defaultTemplate()
  .items.filter((item) => item.kind === 'agreement')
  .map((item) => item.id);
const checkIds = defaultTemplate()
  .items.filter((item) => item.kind === 'check')
  .map((item) => item.id);

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    type: fc.constant('agreement-state' as const),
    itemId: fc.constantFrom(...ruleIds),
    state: fc.constantFrom(...agreementStateSchema.options),
    at: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({ type: fc.constant('agreement-note' as const), itemId: fc.constantFrom(...ruleIds), note: fc.string() }),
  fc.record({
    type: fc.constant('check' as const),
    itemId: fc.constantFrom(...checkIds),
    checked: fc.boolean(),
    at: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({
    type: fc.constant('add-person' as const),
    person: fc.record({
      id: fc.uuid(),
      side: fc.constantFrom('client' as const, 'practitioner' as const),
      role: fc.constantFrom('client' as const, 'parent' as const),
      name: fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name.trim().length > 0),
      joinedLater: fc.boolean(),
    }),
    at: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({
    type: fc.constant('aftercare' as const),
    fields: fc.record({ concerns: fc.string() }),
    at: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({ type: fc.constant('complete' as const), at: fc.integer({ min: 1, max: 1_000_000 }) }),
);

describe('edits', () => {
  it('applied again (a page handed them over while its own write was in flight) double nothing', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { maxLength: 30 }), fc.nat(), (generated, split) => {
        // One page's edits carry increasing times (edits.ts, stamp).
        const edits = generated.map((edit, index) => ('at' in edit ? { ...edit, at: index + 1 } : edit));
        const once = applyEdits(fresh(), edits);
        // The first part was stored by the page; all of it is then applied again by the background.
        const cut = edits.length === 0 ? 0 : split % (edits.length + 1);
        const twice = applyEdits(applyEdits(fresh(), edits.slice(0, cut)), edits);
        expect(twice).toEqual(once);
        expect(applyEdits(once, edits)).toEqual(once);
      }),
    );
  });

  it('apply a state chosen twice and then changed once, even when all of it is applied again', () => {
    const edits: Edit[] = [
      { type: 'agreement-state', itemId: 'rule-cameras', state: 'agreed', at: 1 },
      { type: 'agreement-state', itemId: 'rule-cameras', state: 'agreed', at: 2 },
      { type: 'agreement-state', itemId: 'rule-cameras', state: 'declined', at: 3 },
    ];
    expect(applyEdits(applyEdits(fresh(), edits), edits).agreements['rule-cameras']?.state).toBe('declined');
  });

  it('keep every state change with its time, once', () => {
    const edits: Edit[] = [
      { type: 'agreement-state', itemId: 'rule-cameras', state: 'agreed', at: 1 },
      { type: 'agreement-state', itemId: 'rule-cameras', state: 'declined', at: 2 },
    ];
    const session = applyEdits(applyEdits(fresh(), edits), edits);
    expect(session.agreements['rule-cameras']?.history).toEqual([
      { state: 'agreed', at: 1 },
      { state: 'declined', at: 2 },
    ]);
  });
});
