import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { DEFAULT_SETTINGS, settings } from '../../lib/storage/items';
import { defineCollection, defineItem, quarantined } from '../../lib/storage/stored';

const quarantineRecords = async () => quarantined.all();

describe('stored values', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('round-trips a value in a versioned envelope', async () => {
    await settings.set({ ...DEFAULT_SETTINGS, openAftercareOnEnd: false });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { v: 4, data: { ...DEFAULT_SETTINGS, openAftercareOnEnd: false } },
    });
    expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, openAftercareOnEnd: false });
  });

  it('refuses to write a value that does not fit its schema', async () => {
    await expect(settings.set({ openAftercareOnEnd: 'yes' } as never)).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it.each([
    [
      'a value with the wrong shape',
      { v: 1, data: { openAftercareOnEnd: 'yes' } },
      /expected shape at openAftercareOnEnd/,
    ],
    ['a value not in an envelope', { openAftercareOnEnd: true, notifyOnEnd: true }, /not in the stored format/],
    ['plain text', 'garbage', /not in the stored format/],
    ['a value from a newer Callcare', { v: 99, data: {} }, /newer version of Callcare \(format 99\)/],
    ['a value with an impossible version', { v: 0, data: {} }, /format number 0 is not valid/],
  ])('sets aside %s, reports why, and keeps its raw bytes', async (_what, stored, reason) => {
    await fakeBrowser.storage.local.set({ settings: stored });
    expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
    const [record] = await quarantineRecords();
    expect(record?.entry?.key).toBe('settings');
    expect(record?.entry?.reason).toMatch(reason);
    expect(JSON.parse(record?.entry?.raw ?? 'null')).toEqual(stored);
    // Moved, not copied: the next read does not set it aside again.
    expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(await quarantineRecords()).toHaveLength(1);
  });

  it('sets aside an unreadable value once, even when read from two places at once', async () => {
    await fakeBrowser.storage.local.set({ settings: { v: 1, data: 42 } });
    await Promise.all([settings.get(), settings.get(), settings.get()]);
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
    expect((await quarantineRecords())[0]?.entry?.reason).toMatch(/cannot read the old shape/);
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

  it('lists set-aside records and deletes one only when asked', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    await settings.get();
    const [record] = await quarantineRecords();
    expect(record).toBeDefined();
    await quarantined.remove(String(record?.storageKey));
    expect(await quarantineRecords()).toEqual([]);
  });
});
