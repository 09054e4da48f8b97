import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createClient } from '../../lib/caseload';
import { deriveKey, newSalt, seal, unseal } from '../../lib/crypto';
import { t } from '../../lib/i18n';
import { quarantineReasonText } from '../../lib/i18n/phrases';
import { endByPractitioner, observeTab, startByHand, writePending } from '../../lib/sessions/lifecycle';
import { sessions } from '../../lib/sessions/records';
import { editSession } from '../../lib/sessions/store';
import { clients, openSessions } from '../../lib/storage/items';
import {
  BATCH_SIZE,
  changePassphrase,
  lock,
  type Step,
  turnOff,
  turnOn,
  unlock,
  WrongPassphraseError,
} from '../../lib/storage/protection';
import { isLocked, QUARANTINE_PREFIX, quarantined } from '../../lib/storage/stored';
import { forgetCached, vaultStatus } from '../../lib/storage/vault';

const MEET = 'https://meet.google.com/abc-defg-hij';
const SECRET = 'Mother worried about the brother';

async function everythingStored(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

/** A small caseload: a client and a session with a note about them. */
async function someRecords() {
  const client = await createClient('FS-042');
  if (!client.ok) throw new Error(client.error);
  await observeTab(1, MEET);
  const [session] = await sessions.all();
  await editSession(String(session?.id), [{ type: 'agreement-note', itemId: 'rule-present', note: SECRET }]);
  return String(session?.id);
}

describe('encryption primitives', () => {
  it('round-trips, with a fresh IV each time', async () => {
    const key = await deriveKey('correct horse', newSalt(), 1000 * 600);
    const first = await seal(key, 'hello', 'session:1');
    const second = await seal(key, 'hello', 'session:1');
    expect(first.iv).not.toBe(second.iv);
    expect(first.ct).not.toBe(second.ct);
    expect(await unseal(key, first, 'session:1')).toBe('hello');
  });

  it('detects a wrong key, a changed record, and a record moved to another key', async () => {
    const salt = newSalt();
    const key = await deriveKey('correct horse', salt, 600_000);
    const wrong = await deriveKey('correct hors', salt, 600_000);
    const sealed = await seal(key, 'hello', 'session:1');
    await expect(unseal(wrong, sealed, 'session:1')).rejects.toThrow();
    const bytes = atob(sealed.ct);
    const flipped = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    await expect(unseal(key, { ...sealed, ct: flipped }, 'session:1')).rejects.toThrow();
    await expect(unseal(key, sealed, 'session:2')).rejects.toThrow();
  });
});

describe('protection', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetCached();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('encrypts every client, session and template, and reads them back only when unlocked', async () => {
    const sessionId = await someRecords();
    expect(await everythingStored()).toContain(SECRET);
    await turnOn('a long passphrase');
    const stored = await everythingStored();
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain('FS-042');
    expect(await vaultStatus()).toBe('unlocked');
    expect((await sessions.get(sessionId))?.agreements['rule-present']?.note).toBe(SECRET);

    await lock();
    expect(await vaultStatus()).toBe('locked');
    await expect(sessions.get(sessionId)).rejects.toSatisfy(isLocked);
    await expect(clients.all()).rejects.toSatisfy(isLocked);
    // The brief list, with no client text, stays readable for the badge and the lifecycle.
    expect(Object.keys(await openSessions.get())).toEqual([sessionId]);

    const before = await everythingStored();
    await expect(unlock('a wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await everythingStored()).toBe(before);
    expect(await vaultStatus()).toBe('locked');
    await unlock('a long passphrase');
    expect((await clients.all()).map((client) => client.code)).toEqual(['FS-042']);
    expect(await quarantined.all()).toEqual([]);
  });

  it('keeps the key out of persistent storage', async () => {
    await someRecords();
    await turnOn('a long passphrase');
    const persistent = await fakeBrowser.storage.local.get(null);
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(session)).toContain('unlockedKey');
    const raw = (session.unlockedKey as { raw: string }).raw;
    expect(JSON.stringify(persistent)).not.toContain(raw);
  });

  it('remembers a call that starts and ends while locked, and writes its record once unlocked', async () => {
    await turnOn('a long passphrase');
    await lock();
    const [started] = await observeTab(7, MEET);
    expect(started?.type).toBe('started');
    const [manual] = await startByHand('phone');
    await endByPractitioner(String(manual?.session.id));
    const brief = await openSessions.get();
    expect(Object.values(brief).map((entry) => [entry.platform, entry.status, entry.pending])).toEqual([
      ['meet', 'running', 'create'],
      ['phone', 'aftercare-pending', 'create'],
    ]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('session:'))).toEqual(
      [],
    );

    await unlock('a long passphrase');
    await writePending();
    const all = await sessions.all();
    expect(all.map((session) => [session.platform, session.status]).sort()).toEqual([
      ['meet', 'running'],
      ['phone', 'aftercare-pending'],
    ]);
    expect(Object.values(await openSessions.get()).every((entry) => entry.pending === null)).toBe(true);
  });

  it('sets aside a record changed on disk, and one stored in the clear while protection is on', async () => {
    const sessionId = await someRecords();
    await turnOn('a long passphrase');
    const key = `session:${sessionId}`;
    const sealed = (await fakeBrowser.storage.local.get(key))[key] as { ct: string };
    const tampered = {
      ...sealed,
      ct: `A${sealed.ct.slice(1)}` === sealed.ct ? `B${sealed.ct.slice(1)}` : `A${sealed.ct.slice(1)}`,
    };
    await fakeBrowser.storage.local.set({ [key]: tampered, 'session:planted': { v: 2, data: { id: 'planted' } } });
    expect(await sessions.all()).toEqual([]);
    const reasons = (await quarantined.all()).map((record) =>
      t('optionsQuarantineReason', { reason: quarantineReasonText(record.entry?.reason ?? '') }),
    );
    expect(reasons.sort()).toEqual([
      'Reason: it is stored unencrypted while protection is on',
      'Reason: it was changed after it was encrypted (damaged or tampered with)',
    ]);
    expect((await clients.all()).map((client) => client.code)).toEqual(['FS-042']);
  });

  it('turns protection off again with the passphrase, leaving every record readable', async () => {
    const sessionId = await someRecords();
    await turnOn('a long passphrase');
    await expect(turnOff('nope')).rejects.toBeInstanceOf(WrongPassphraseError);
    await turnOff('a long passphrase');
    expect(await vaultStatus()).toBe('off');
    expect(await everythingStored()).toContain(SECRET);
    expect((await sessions.get(sessionId))?.agreements['rule-present']?.note).toBe(SECRET);
  });
});

describe('records set aside while protection is on', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetCached();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  /** A session record holding the secret, planted in the clear as an old or damaged copy would be. */
  const plantClear = (id: string) =>
    fakeBrowser.storage.local.set({ [`session:${id}`]: { v: 3, data: { id, note: SECRET } } });

  const quarantineStored = async () =>
    Object.entries(await fakeBrowser.storage.local.get(null)).filter(([key]) => key.startsWith(QUARANTINE_PREFIX));

  it('are encrypted in storage, and shown decrypted in the list while unlocked', async () => {
    await someRecords();
    await turnOn('a long passphrase');
    await plantClear('planted');
    await sessions.all();
    expect(await fakeBrowser.storage.local.get('session:planted')).toEqual({});
    const stored = await quarantineStored();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(stored[0]?.[1]).toMatchObject({ sealed: 1 });
    const [record] = await quarantined.all();
    expect(record?.entry).toMatchObject({ key: 'session:planted', reason: { code: 'unencrypted-while-protected' } });
    expect(record?.entry?.raw).toContain(SECRET);
    expect(record?.locked).toBe(false);

    await lock();
    const [whileLocked] = await quarantined.all();
    expect(whileLocked).toMatchObject({ entry: null, locked: true });
    expect(whileLocked?.text).not.toContain(SECRET);
  });

  it('are left where they are while locked, and set aside encrypted once unlocked', async () => {
    await someRecords();
    await turnOn('a long passphrase');
    await lock();
    await plantClear('planted');
    await expect(sessions.all()).rejects.toSatisfy(isLocked);
    expect(await fakeBrowser.storage.local.get('session:planted')).toHaveProperty('session:planted');
    expect(await quarantineStored()).toEqual([]);

    await unlock('a long passphrase');
    expect(await sessions.all()).toHaveLength(1);
    expect(JSON.stringify(await quarantineStored())).not.toContain(SECRET);
    expect((await quarantined.all())[0]?.entry?.raw).toContain(SECRET);
  });

  it('are encrypted when protection is turned on, re-encrypted with a new passphrase, and clear when it is off', async () => {
    await someRecords();
    await plantClear('planted');
    await sessions.all();
    expect(JSON.stringify(await quarantineStored())).toContain(SECRET);

    await turnOn('first passphrase');
    expect(JSON.stringify(await quarantineStored())).not.toContain(SECRET);
    expect((await quarantined.all())[0]?.entry?.raw).toContain(SECRET);

    await changePassphrase('first passphrase', 'second passphrase');
    await lock();
    await unlock('second passphrase');
    expect(JSON.stringify(await quarantineStored())).not.toContain(SECRET);
    expect((await quarantined.all())[0]?.entry).toMatchObject({
      key: 'session:planted',
      reason: { code: 'wrong-shape' },
    });

    await turnOff('second passphrase');
    expect(JSON.stringify(await quarantineStored())).toContain(SECRET);
    expect((await quarantined.all())[0]?.entry?.key).toBe('session:planted');
  });

  it('still shows entries set aside by an earlier version, with their reason in words', async () => {
    await turnOn('a long passphrase');
    const old = { key: 'settings', reason: 'it is not in the stored format', at: 1_700_000_000_000, raw: '"x"' };
    await fakeBrowser.storage.local.set({ 'quarantine:1700000000000:local:settings': old });
    const [record] = await quarantined.all();
    expect(record?.entry).toEqual(old);
    expect(t('optionsQuarantineReason', { reason: quarantineReasonText(record?.entry?.reason ?? '') })).toBe(
      'Reason: it is not in the stored format',
    );
  });
});

describe('progress', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetCached();
  });

  /** More sessions than one batch holds, stored as the extension stores them. */
  async function manySessions(count: number) {
    const sessionId = await someRecords();
    const key = `session:${sessionId}`;
    const model = (await fakeBrowser.storage.local.get(key))[key] as { v: number; data: object };
    const copies: Record<string, unknown> = {};
    for (let index = 0; index < count - 1; index++) {
      copies[`session:copy-${index}`] = { ...model, data: { ...model.data, id: `copy-${index}` } };
    }
    await fakeBrowser.storage.local.set(copies);
  }

  it('counts every protected record, from none done to all done, and only ever forward', async () => {
    await manySessions(2 * BATCH_SIZE + 10);
    const reports: Array<[number, number]> = [];
    await turnOn('a long passphrase', undefined, (done, total) => reports.push([done, total]));
    // The sessions, their one checklist, the client, and the digest's index and one month: everything sealed here.
    const total = 2 * BATCH_SIZE + 10 + 4;
    expect(reports[0]).toEqual([0, total]);
    expect(reports.at(-1)).toEqual([total, total]);
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(reports.every(([, each]) => each === total)).toBe(true);
    expect(reports.every(([done], index) => index === 0 || done > (reports[index - 1]?.[0] ?? 0))).toBe(true);
    expect((await sessions.all()).length).toBe(2 * BATCH_SIZE + 10);
  });

  it('reports all done only when the records are written, for a change of passphrase and turning off too', async () => {
    await manySessions(BATCH_SIZE + 1);
    await turnOn('first passphrase');
    const storedWhenAllDone: string[] = [];
    const whenAllDone = (done: number, total: number) => {
      if (done === total) void everythingStored().then((stored) => storedWhenAllDone.push(stored));
    };
    await changePassphrase('first passphrase', 'second passphrase', undefined, whenAllDone);
    await turnOff('second passphrase', undefined, whenAllDone);
    expect(storedWhenAllDone).toHaveLength(2);
    // At the last report the write has not happened yet: the records are still under the old key.
    expect(storedWhenAllDone[1]).not.toContain(SECRET);
    expect(await everythingStored()).toContain(SECRET);
  });

  it('reports nothing done when there is nothing to protect yet, and still turns protection on', async () => {
    const reports: Array<[number, number]> = [];
    await turnOn('a long passphrase', undefined, (done, total) => reports.push([done, total]));
    expect(reports).toEqual([[0, 0]]);
    expect(await vaultStatus()).toBe('unlocked');
  });
});

describe('changing the passphrase', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetCached();
  });

  it('re-encrypts everything: the new passphrase opens it, the old one no longer does', async () => {
    const sessionId = await someRecords();
    await turnOn('first passphrase');
    await changePassphrase('first passphrase', 'second passphrase');
    await lock();
    await expect(unlock('first passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlock('second passphrase');
    expect((await sessions.get(sessionId))?.agreements['rule-present']?.note).toBe(SECRET);
    expect(await quarantined.all()).toEqual([]);
  });

  it('refuses a wrong current passphrase and changes nothing', async () => {
    await someRecords();
    await turnOn('first passphrase');
    const before = await everythingStored();
    await expect(changePassphrase('not it', 'second passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await everythingStored()).toBe(before);
  });

  it('leaves the old state whole when interrupted at any step', async () => {
    await someRecords();
    await turnOn('first passphrase');
    const before = await everythingStored();
    const steps: string[] = [];
    await changePassphrase('first passphrase', 'probe', (step, detail) => {
      steps.push(detail ? `${step}:${detail}` : step);
    });
    // Back to the first passphrase, then interrupt each step of a change in turn.
    await changePassphrase('probe', 'first passphrase');
    expect(steps.length).toBeGreaterThanOrEqual(5);
    for (const interruptAt of steps) {
      const snapshot = await everythingStored();
      await expect(
        changePassphrase('first passphrase', 'second passphrase', (step: Step, detail?: string) => {
          if ((detail ? `${step}:${detail}` : step) === interruptAt) throw new Error(`interrupted at ${interruptAt}`);
        }),
      ).rejects.toThrow('interrupted');
      expect(await everythingStored(), interruptAt).toBe(snapshot);
      await lock();
      await unlock('first passphrase');
      expect((await sessions.all())[0]?.agreements['rule-present']?.note).toBe(SECRET);
    }
    expect(before).not.toContain(SECRET);
  }, 120_000);

  it('leaves the old state whole when the final write itself fails', async () => {
    await someRecords();
    await turnOn('first passphrase');
    const snapshot = await everythingStored();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('disk full'));
    await expect(changePassphrase('first passphrase', 'second passphrase')).rejects.toThrow('disk full');
    set.mockRestore();
    expect(await everythingStored()).toBe(snapshot);
    await lock();
    await unlock('first passphrase');
  });
});
