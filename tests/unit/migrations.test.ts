import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recover } from '../../lib/sessions/lifecycle';
import { sessions } from '../../lib/sessions/records';
import { oldDigest, openSessions, ownSettings } from '../../lib/storage/items';
import { quarantined } from '../../lib/storage/stored';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Every stored shape ever written, one file per item and format version: `<item>.v<N>.json`. */
const fixtures = readdirSync(FIXTURES)
  .map((file) => file.match(/^(session|settings|openSessions)\.v(\d+)\.json$/))
  .filter((found): found is RegExpMatchArray => found !== null)
  .map((found) => ({
    file: found[0],
    item: found[1] as 'session' | 'settings' | 'openSessions',
    version: Number(found[2]),
    stored: JSON.parse(readFileSync(join(FIXTURES, found[0]), 'utf8')) as { v: number; data: Record<string, unknown> },
  }));

const read = {
  session: async (stored: { data: Record<string, unknown> }) => {
    const id = String(stored.data.id);
    await fakeBrowser.storage.local.set({ [`session:${id}`]: stored });
    return sessions.get(id);
  },
  settings: async (stored: unknown) => {
    await fakeBrowser.storage.local.set({ settings: stored });
    return ownSettings.get();
  },
  openSessions: async (stored: unknown) => {
    await fakeBrowser.storage.local.set({ openSessions: stored });
    return openSessions.get();
  },
};

describe('stored values from every earlier format', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has a fixture for every format of every item', () => {
    expect(fixtures.map((fixture) => fixture.file).sort()).toEqual([
      'openSessions.v1.json',
      'openSessions.v2.json',
      'openSessions.v3.json',
      'session.v1.json',
      'session.v2.json',
      'session.v3.json',
      'session.v4.json',
      'session.v5.json',
      'settings.v1.json',
      'settings.v2.json',
      'settings.v3.json',
      'settings.v4.json',
      'settings.v5.json',
    ]);
    for (const fixture of fixtures) expect(fixture.stored.v).toBe(fixture.version);
  });

  it.each(fixtures)('reads $file in the current format, losing nothing', async ({ item, stored }) => {
    const value = await read[item](stored);
    expect(await quarantined.all()).toEqual([]);
    expect(value).toBeDefined();
    // Every field that was there is still there, unchanged, apart from what the format added.
    for (const [key, old] of Object.entries(stored.data)) {
      if (key === 'template' || key === 'agreements' || key === 'aftercare' || item === 'openSessions') continue;
      expect((value as Record<string, unknown>)[key], key).toEqual(old);
    }
  });

  it('upgrades a session of the first format: no client, template version 1, nothing re-confirmed', async () => {
    const fixture = fixtures.find((candidate) => candidate.file === 'session.v1.json');
    const session = await read.session(fixture?.stored ?? { data: {} });
    expect(session).toMatchObject({
      clientId: null,
      template: { id: 'default', version: 1 },
      agreements: {
        'rule-cameras': { state: 'declined', note: 'Camera broken, audio only', confirmedFrom: null },
      },
      aftercare: { concerns: 'Withdrawn at the end' },
    });
  });

  it('upgrades a session of format 4: a follow-up flagged before has no reminder time and is still open', async () => {
    const fixture = fixtures.find((candidate) => candidate.file === 'session.v4.json');
    const stored = structuredClone(fixture?.stored ?? { v: 4, data: {} });
    (stored.data.aftercare as Record<string, unknown>).followUpToday = true;
    const session = await read.session(stored);
    expect(session?.aftercare).toMatchObject({ followUpToday: true, followUpAt: null, followUpDoneAt: null });
  });

  it('empties a digest of format 2, so it is rebuilt from the records with the follow-ups', async () => {
    await fakeBrowser.storage.local.set({
      sessionDigest: { v: 2, data: { entries: { a: { startedAt: 1 } }, orders: {}, texts: {} } },
    });
    expect(await oldDigest.get()).toEqual({ entries: {}, orders: {}, texts: {} });
  });

  it('upgrades an install of the first format as a whole, keeping every session and its pending note', async () => {
    const v1 = fixtures.filter((fixture) => fixture.version === 1);
    for (const fixture of v1) {
      if (fixture.item === 'session')
        await fakeBrowser.storage.local.set({ [`session:${fixture.stored.data.id}`]: fixture.stored });
      else await fakeBrowser.storage.local.set({ settings: fixture.stored });
    }
    await recover({ listTabs: async () => [], startKind: async () => 'browser-start' });
    expect((await sessions.all()).map((session) => [session.id, session.status])).toEqual([
      ['5b0c1f7e-2f4a-4d33-9a51-0c7f0c1d2e3f', 'aftercare-pending'],
    ]);
    expect(Object.keys(await openSessions.get())).toEqual(['5b0c1f7e-2f4a-4d33-9a51-0c7f0c1d2e3f']);
    expect(await ownSettings.get()).toEqual({
      openAftercareOnEnd: false,
      notifyOnEnd: true,
      defaultTemplateId: 'default',
      autoLockMinutes: 15,
      retentionDays: null,
      customHosts: [],
      maxSessionsPerDay: null,
      workingDays: [1, 2, 3, 4, 5],
      workdayEnd: null,
      wellbeingView: true,
      remindNextContact: true,
      language: 'auto',
      chosen: [],
    });
    expect(await quarantined.all()).toEqual([]);
  });
});
