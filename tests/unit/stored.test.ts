import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '../../lib/i18n';
import { quarantineReasonText } from '../../lib/i18n/phrases';
import { DEFAULT_SETTINGS, ownSettings } from '../../lib/storage/items';
import { defineCollection, defineItem, quarantined } from '../../lib/storage/stored';
import { z } from '../../lib/zod';

const quarantineRecords = async () => quarantined.all();

describe('stored values', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('round-trips a value in a versioned envelope', async () => {
    await ownSettings.set({ ...DEFAULT_SETTINGS, openAftercareOnEnd: false });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { v: 7, data: { ...DEFAULT_SETTINGS, openAftercareOnEnd: false } },
    });
    expect(await ownSettings.get()).toEqual({ ...DEFAULT_SETTINGS, openAftercareOnEnd: false });
  });

  it('refuses to write a value that does not fit its schema', async () => {
    await expect(ownSettings.set({ openAftercareOnEnd: 'yes' } as never)).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it.each([
    [
      'a value with the wrong shape',
      { v: 1, data: { openAftercareOnEnd: 'yes' } },
      { code: 'wrong-shape', path: 'openAftercareOnEnd' },
      /expected shape at openAftercareOnEnd/,
    ],
    [
      'a value not in an envelope',
      { openAftercareOnEnd: true, notifyOnEnd: true },
      { code: 'not-stored-format' },
      /not in the stored format/,
    ],
    ['plain text', 'garbage', { code: 'not-stored-format' }, /not in the stored format/],
    [
      'a value from a newer Callcare',
      { v: 99, data: {} },
      { code: 'newer-version', version: 99 },
      /newer version of Callcare \(format 99\)/,
    ],
    [
      'a value with an impossible version',
      { v: 0, data: {} },
      { code: 'bad-version', version: 0 },
      /format number 0 is not valid/,
    ],
  ])(
    'sets aside %s, stores why as a code, shows it in words, and keeps its raw bytes',
    async (_what, stored, code, words) => {
      await fakeBrowser.storage.local.set({ settings: stored });
      expect(await ownSettings.get()).toEqual(DEFAULT_SETTINGS);
      const [record] = await quarantineRecords();
      expect(record?.entry?.key).toBe('settings');
      expect(record?.entry?.reason).toMatchObject(code);
      expect(t('optionsQuarantineReason', { reason: quarantineReasonText(record?.entry?.reason ?? '') })).toMatch(
        words,
      );
      expect(JSON.parse(record?.entry?.raw ?? 'null')).toEqual(stored);
      // Moved, not copied: the next read does not set it aside again.
      expect(await ownSettings.get()).toEqual(DEFAULT_SETTINGS);
      expect(await quarantineRecords()).toHaveLength(1);
    },
  );

  it('sets aside an unreadable value once, even when read from two places at once', async () => {
    await fakeBrowser.storage.local.set({ settings: { v: 1, data: 42 } });
    await Promise.all([ownSettings.get(), ownSettings.get(), ownSettings.get()]);
    expect(await quarantineRecords()).toHaveLength(1);
  });

  it('upgrades an older value through its migrations', async () => {
    const item = defineItem({
      key: 'example',
      area: 'local',
      schema: z.object({ name: z.string(), count: z.number() }),
      version: 3,
      migrations: {
        2: (old) => ({ name: (old as { title: string }).title }),
        3: (old) => ({ ...(old as object), count: 0 }),
      },
      fallback: () => ({ name: '', count: -1 }),
      clearedWhen: 'never',
    });
    await fakeBrowser.storage.local.set({ example: { v: 1, data: { title: 'kept' } } });
    expect(await item.get()).toEqual({ name: 'kept', count: 0 });
    await fakeBrowser.storage.local.set({ example: { v: 2, data: { name: 'also kept' } } });
    expect(await item.get()).toEqual({ name: 'also kept', count: 0 });
  });

  it('sets aside a value whose migration fails, rather than guessing', async () => {
    const item = defineItem({
      key: 'example',
      area: 'local',
      schema: z.object({ name: z.string() }),
      version: 2,
      migrations: {
        2: () => {
          throw new Error('cannot read the old shape');
        },
      },
      fallback: () => ({ name: 'fallback' }),
      clearedWhen: 'never',
    });
    await fakeBrowser.storage.local.set({ example: { v: 1, data: { title: 'old' } } });
    expect(await item.get()).toEqual({ name: 'fallback' });
    const reason = (await quarantineRecords())[0]?.entry?.reason ?? '';
    expect(reason).toMatchObject({ code: 'upgrade-failed', version: 2 });
    expect(t('optionsQuarantineReason', { reason: quarantineReasonText(reason) })).toMatch(
      /upgrading it to format 2 failed .*cannot read the old shape/,
    );
  });

  it('loses neither of two changes made to the same record at the same moment', async () => {
    const counters = defineCollection({
      prefix: 'counter:',
      area: 'local',
      schema: z.object({ id: z.string(), marks: z.array(z.string()) }),
      version: 1,
      migrations: {},
      clearedWhen: 'never',
    });
    await counters.put({ id: 'a', marks: [] });
    await Promise.all(
      ['popup', 'panel', 'aftercare', 'background'].map((who) =>
        counters.update('a', (current) => ({ ...current, marks: [...current.marks, who] })),
      ),
    );
    expect((await counters.get('a'))?.marks.sort()).toEqual(['aftercare', 'background', 'panel', 'popup']);
    expect(await counters.update('missing', (current) => current)).toBeUndefined();
  });

  it('still shows a record set aside by an earlier version, whose reason is a sentence', async () => {
    const old = { key: 'session:s1', reason: 'its encrypted form is damaged', at: 1_700_000_000_000, raw: '{"x":1}' };
    await fakeBrowser.storage.local.set({ 'quarantine:1700000000000:local:session:s1': old });
    const [record] = await quarantineRecords();
    expect(record?.entry).toEqual(old);
    expect(t('optionsQuarantineReason', { reason: quarantineReasonText(record?.entry?.reason ?? '') })).toBe(
      'Reason: its encrypted form is damaged',
    );
  });

  it('does not set aside twice, nor deadlock, when a change finds the value unreadable', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    const next = await ownSettings.update((current) => ({ ...current, notifyOnEnd: false }));
    expect(next.notifyOnEnd).toBe(false);
    expect(await quarantineRecords()).toHaveLength(1);
  });

  it('lists set-aside records and deletes one only when asked', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    await ownSettings.get();
    const [record] = await quarantineRecords();
    expect(record).toBeDefined();
    await quarantined.remove(String(record?.storageKey));
    expect(await quarantineRecords()).toEqual([]);
  });
});
