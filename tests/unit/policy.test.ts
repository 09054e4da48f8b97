/**
 * An organisation's policy over the practitioner's own settings: every
 * combination of a value set, locked or absent in the policy with a value the
 * practitioner chose or not; bad values ignored one by one; templates versioned.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTemplate, deleteTemplate } from '../../lib/caseload';
import { builtInTemplate } from '../../lib/checklist';
import { nextVersions, orgTemplates } from '../../lib/orgTemplates';
import { type Policy, type PolicyTemplate, parsePolicy } from '../../lib/policy';
import type { Settings } from '../../lib/schemas';
import { effectiveSettings, readEffective, settings } from '../../lib/settings';
import { DEFAULT_SETTINGS, ownSettings } from '../../lib/storage/items';

const own = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });
const read = (policy: Policy) => ({ policy, ignored: [] });

const template = (id: string, text = 'Both keep cameras on'): PolicyTemplate => ({
  id,
  format: 'callcare-template',
  formatVersion: 1,
  name: `Template ${id}`,
  items: [{ id: 'rule-cameras', phase: 'rules', kind: 'agreement', text, guidance: '' }],
});

describe('the settings in force', () => {
  // Each setting a policy can give, with a practitioner's value and the policy's, all different.
  const cases = [
    { setting: 'maxSessionsPerDay', lock: 'maxSessionsPerDay', mine: 8, theirs: 5, policy: { maxSessionsPerDay: 5 } },
    {
      setting: 'workingDays',
      lock: 'workingDays',
      mine: [1, 2],
      theirs: [1, 2, 3, 4],
      policy: { workingDays: [1, 2, 3, 4] },
    },
    { setting: 'workdayEnd', lock: 'workdayEnd', mine: '18:00', theirs: '17:00', policy: { workdayEnd: '17:00' } },
    { setting: 'retentionDays', lock: 'retentionDays', mine: 90, theirs: 365, policy: { retentionDays: 365 } },
    { setting: 'language', lock: 'language', mine: 'fr', theirs: 'nl', policy: { language: 'nl' } },
    {
      setting: 'defaultTemplateId',
      lock: 'defaultTemplate',
      mine: 'my-own',
      theirs: 'org-intake',
      policy: { templates: [template('intake')], defaultTemplate: 'intake' },
    },
  ] as const;

  describe.each(cases)('$setting', ({ setting, lock, mine, theirs, policy }) => {
    const chosen = own({ [setting]: mine, chosen: [setting] });
    const notChosen = own({ [setting]: mine, chosen: [] });

    it('absent from the policy: the practitioner’s value, chosen or not', () => {
      for (const settings of [chosen, notChosen]) {
        const effective = effectiveSettings(settings, read({}));
        expect(effective.values[setting]).toEqual(mine);
        expect(effective.fromPolicy.has(setting)).toBe(false);
        expect(effective.locked.has(setting)).toBe(false);
      }
    });

    it('set, not locked: the policy’s value until the practitioner chooses their own', () => {
      const before = effectiveSettings(notChosen, read(policy as Policy));
      expect(before.values[setting]).toEqual(theirs);
      expect(before.fromPolicy.has(setting)).toBe(true);
      expect(before.locked.has(setting)).toBe(false);
      const after = effectiveSettings(chosen, read(policy as Policy));
      expect(after.values[setting]).toEqual(mine);
      expect(after.fromPolicy.has(setting)).toBe(false);
    });

    it('set and locked: the policy’s value, whatever the practitioner chose', () => {
      for (const settings of [chosen, notChosen]) {
        const effective = effectiveSettings(settings, read({ ...policy, locked: [lock] } as Policy));
        expect(effective.values[setting]).toEqual(theirs);
        expect(effective.locked.has(setting)).toBe(true);
      }
    });

    it('locked but not set: nothing to lock, the practitioner’s value', () => {
      const effective = effectiveSettings(chosen, read({ locked: [lock] }));
      expect(effective.values[setting]).toEqual(mine);
      expect(effective.locked.has(setting)).toBe(false);
    });
  });

  it.each([
    ['never', null, 30, 30],
    ['longer than the maximum', 60, 30, 30],
    ['shorter than the maximum', 5, 30, 5],
  ])('auto-lock %s becomes %s under a maximum', (_what, mine, maximum, expected) => {
    const effective = effectiveSettings(own({ autoLockMinutes: mine }), read({ maxAutoLockMinutes: maximum }));
    expect(effective.values.autoLockMinutes).toBe(expected);
    expect(effective.fromPolicy.has('autoLockMinutes')).toBe(mine !== expected);
  });

  it('caps the retention period, "keep them" included, and lets the practitioner keep sessions for less', () => {
    expect(effectiveSettings(own({ retentionDays: null }), read({ maxRetentionDays: 365 })).values.retentionDays).toBe(
      365,
    );
    expect(effectiveSettings(own({ retentionDays: 90 }), read({ maxRetentionDays: 365 })).values.retentionDays).toBe(
      90,
    );
  });

  it("adds the organisation's call hosts to the practitioner's own", () => {
    const effective = effectiveSettings(
      own({ customHosts: ['mine.example.org'] }),
      read({ callHosts: ['jitsi.example.org'] }),
    );
    expect(effective.values.customHosts).toEqual(['mine.example.org', 'jitsi.example.org']);
  });
});

describe('changing a setting under a policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('stores only what the practitioner changed, as their choice, and never a locked setting', async () => {
    await fakeBrowser.storage.managed.set({
      maxSessionsPerDay: 5,
      workdayEnd: '17:00',
      locked: ['workdayEnd'],
      callHosts: ['jitsi.example.org'],
    });
    expect((await settings.get()).maxSessionsPerDay).toBe(5);
    await settings.update((current) => ({
      ...current,
      maxSessionsPerDay: 7,
      workdayEnd: '20:00',
      customHosts: [...current.customHosts, 'mine.example.org'],
    }));
    const stored = await ownSettings.get();
    expect(stored.maxSessionsPerDay).toBe(7);
    expect(stored.chosen).toEqual(['maxSessionsPerDay']);
    // The locked end of the workday and the organisation's host are not the practitioner's to keep.
    expect(stored.workdayEnd).toBeNull();
    expect(stored.customHosts).toEqual(['mine.example.org']);
    const effective = await readEffective();
    expect(effective.values).toMatchObject({ maxSessionsPerDay: 7, workdayEnd: '17:00' });
    // A policy that goes away gives the practitioner their own settings back.
    await fakeBrowser.storage.managed.clear();
    expect((await settings.get()).workdayEnd).toBeNull();
    expect((await settings.get()).maxSessionsPerDay).toBe(7);
  });

  it("keeps the practitioner's own host that the organisation also lists when another host changes", async () => {
    await ownSettings.set(own({ customHosts: ['meet.org.example'] }));
    await fakeBrowser.storage.managed.set({ callHosts: ['meet.org.example', 'jitsi.example.org'] });
    await settings.update((current) => ({ ...current, customHosts: [...current.customHosts, 'mine.example.org'] }));
    expect((await ownSettings.get()).customHosts).toEqual(['meet.org.example', 'mine.example.org']);
    await fakeBrowser.storage.managed.clear();
    expect((await settings.get()).customHosts).toEqual(['meet.org.example', 'mine.example.org']);
  });

  it("gives the organisation's default back when the template the practitioner chose is deleted", async () => {
    await fakeBrowser.storage.managed.set({ templates: [template('intake')], defaultTemplate: 'intake' });
    const mine = await createTemplate('Mine', builtInTemplate());
    await settings.update((current) => ({ ...current, defaultTemplateId: mine.id }));
    expect((await settings.get()).defaultTemplateId).toBe(mine.id);
    await deleteTemplate(mine.id);
    expect((await settings.get()).defaultTemplateId).toBe('org-intake');
  });

  it('reads managed storage once while the policy is unchanged, and again once the browser says it changed', async () => {
    const reads = vi.spyOn(fakeBrowser.storage.managed, 'get');
    await fakeBrowser.storage.managed.set({ maxSessionsPerDay: 4 });
    expect((await settings.get()).maxSessionsPerDay).toBe(4);
    expect((await settings.get()).maxSessionsPerDay).toBe(4);
    expect(reads).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.managed.set({ maxSessionsPerDay: 6 });
    expect((await settings.get()).maxSessionsPerDay).toBe(6);
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
  });

  it('tells its watchers when the policy changes', async () => {
    let calls = 0;
    const stop = settings.watch(() => calls++);
    await fakeBrowser.storage.managed.set({ maxSessionsPerDay: 4 });
    stop();
    expect(calls).toBeGreaterThan(0);
  });
});

describe('reading a policy', () => {
  it('keeps every valid value and ignores each bad one alone, with why', () => {
    const { policy, ignored } = parsePolicy({
      organisationName: 'Family Support North',
      maxSessionsPerDay: 0,
      language: 'klingon',
      workdayEnd: '17:00',
      colour: 'blue',
      templates: [template('intake'), { ...template('broken'), items: [] }, template('intake')],
      defaultTemplate: 'missing',
      locked: ['maxSessionsPerDay'],
    });
    expect(policy).toEqual({
      organisationName: 'Family Support North',
      workdayEnd: '17:00',
      templates: [template('intake')],
      locked: ['maxSessionsPerDay'],
    });
    expect(ignored).toEqual([
      { key: 'maxSessionsPerDay', reason: 'invalid', detail: 'too_small' },
      { key: 'language', reason: 'invalid', detail: 'invalid_value' },
      { key: 'colour', reason: 'unknown-key' },
      { key: 'templates', reason: 'invalid', path: '1.items', detail: 'too_small' },
      { key: 'templates', reason: 'invalid', path: '2.id', detail: 'duplicate' },
      { key: 'defaultTemplate', reason: 'unknown-template', detail: 'missing' },
    ]);
  });

  it('takes lists entry by entry, and template items without guidance but not with two items of one id', () => {
    const { items } = template('one');
    const { policy, ignored } = parsePolicy({
      locked: ['maxSessionsPerDay', 'autoLockMinutes', 'colour'],
      callHosts: ['jitsi.example.org', 'https://not a host/'],
      templates: [
        { ...template('plain'), items: items.map(({ guidance: _guidance, ...item }) => item) },
        { ...template('twice'), items: [...items, ...items] },
      ],
    });
    expect(policy.locked).toEqual(['maxSessionsPerDay']);
    expect(policy.callHosts).toEqual(['jitsi.example.org']);
    expect(policy.templates?.map((kept) => [kept.id, kept.items[0]?.guidance])).toEqual([['plain', '']]);
    expect(ignored).toEqual([
      { key: 'locked', reason: 'invalid', path: '1', detail: 'invalid_value' },
      { key: 'locked', reason: 'invalid', path: '2', detail: 'invalid_value' },
      { key: 'callHosts', reason: 'invalid', path: '1', detail: 'invalid_format' },
      { key: 'templates', reason: 'invalid', path: '1.items', detail: 'custom' },
    ]);
  });

  it('removes hidden text-direction characters from what a practitioner reads, and refuses blank-looking text', () => {
    const { policy, ignored } = parsePolicy({ organisationName: 'North\u202e team', supportLine: '\u200b \u200b' });
    expect(policy.organisationName).toBe('North team');
    expect(ignored).toEqual([{ key: 'supportLine', reason: 'invalid', detail: 'custom' }]);
  });

  it.each([null, 'a policy', [1, 2], 42])('reads %j as no policy at all', (raw) => {
    expect(parsePolicy(raw)).toEqual({ policy: {}, ignored: [] });
  });

  it('never takes a reserved name as a template id', () => {
    const { policy, ignored } = parsePolicy({ templates: [template('__proto__')] });
    expect(policy.templates).toBeUndefined();
    expect(ignored[0]).toMatchObject({ key: 'templates', reason: 'invalid' });
  });
});

describe("an organisation's templates", () => {
  it('start at version 1, keep it while unchanged, and take the next when the policy changes them', () => {
    const first = { templates: [template('intake'), template('follow-up')] };
    const kept = nextVersions(first, {});
    expect(orgTemplates(first, kept).map((made) => [made.id, made.version])).toEqual([
      ['org-intake', 1],
      ['org-follow-up', 1],
    ]);
    expect(nextVersions(first, kept)).toEqual(kept);

    const changed = { templates: [template('intake', 'Cameras on, both of us'), template('follow-up')] };
    const later = nextVersions(changed, kept);
    expect(orgTemplates(changed, later).map((made) => [made.id, made.version])).toEqual([
      ['org-intake', 2],
      ['org-follow-up', 1],
    ]);
    // Before the new version is kept, pages already see it as the next one.
    expect(orgTemplates(changed, kept).find((made) => made.id === 'org-intake')?.version).toBe(2);
    // A template that leaves the policy and comes back goes on from its last version.
    expect(nextVersions({ templates: [template('follow-up')] }, later).intake?.version).toBe(2);
  });
});
