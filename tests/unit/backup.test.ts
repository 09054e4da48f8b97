import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  lastChanged,
  makeBackup,
  mergePlan,
  openBackup,
  readBackupFile,
  restore,
  setAsideCounts,
} from '../../lib/backup';
import { createClient } from '../../lib/caseload';
import { deriveKey, seal, unseal } from '../../lib/crypto';
import { t } from '../../lib/i18n';
import { countRecords, setAsideReasonText } from '../../lib/i18n/phrases';
import { observeTab, tabClosed } from '../../lib/sessions/lifecycle';
import { sessions } from '../../lib/sessions/records';
import { editSession } from '../../lib/sessions/store';
import { clients, openSessions } from '../../lib/storage/items';
import { lock, turnOn } from '../../lib/storage/protection';
import { forgetCached } from '../../lib/storage/vault';

const MEET = 'https://meet.google.com/abc-defg-hij';

async function sessionWithNote(tabId: number, note: string) {
  await observeTab(tabId, MEET);
  const entry = Object.entries(await openSessions.get()).find(([, brief]) => brief.tabId === tabId);
  const id = String(entry?.[0]);
  await editSession(id, [{ type: 'agreement-note', itemId: 'rule-present', note }]);
  return id;
}

async function restoreText(text: string, passphrase: string | null = null) {
  const read = readBackupFile(text);
  if (!read.ok) throw new Error(read.error);
  const opened = await openBackup(read.backup, passphrase);
  if (!opened.ok) throw new Error(opened.error);
  expect(opened.setAside).toEqual([]);
  return restore(opened.contents);
}

describe('backups', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetCached();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('backs up everything, and restores it after a wipe', async () => {
    await createClient('FS-042');
    const id = await sessionWithNote(1, 'Both parents present');
    await tabClosed(1);
    const file = await makeBackup();
    await fakeBrowser.storage.local.clear();
    expect(await sessions.all()).toEqual([]);

    const result = await restoreText(file);
    expect(result.sessions).toEqual({ add: 1, replace: 0, keep: 0 });
    expect((await sessions.get(id))?.agreements['rule-present']?.note).toBe('Both parents present');
    expect((await clients.all()).map((client) => client.code)).toEqual(['FS-042']);
    // The restored session is waiting for its aftercare note again.
    expect((await openSessions.get())[id]?.status).toBe('aftercare-pending');
  });

  it('never overwrites newer data, and replaces older data', async () => {
    const id = await sessionWithNote(1, 'Version in the backup');
    const file = await makeBackup();
    await editSession(id, [
      { type: 'aftercare', fields: { concerns: 'Written after the backup' }, at: Date.now() + 1000 },
    ]);
    expect((await restoreText(file)).sessions).toEqual({ add: 0, replace: 0, keep: 1 });
    expect((await sessions.get(id))?.aftercare.concerns).toBe('Written after the backup');

    const newer = await makeBackup();
    await fakeBrowser.storage.local.set({ [`session:${id}`]: JSON.parse(file).records[`session:${id}`] });
    expect((await restoreText(newer)).sessions).toEqual({ add: 0, replace: 1, keep: 0 });
    expect((await sessions.get(id))?.aftercare.concerns).toBe('Written after the backup');
  });

  it('encrypts the backup with the passphrase when protection is on', async () => {
    await sessionWithNote(1, 'Sensitive words');
    await turnOn('a long passphrase');
    const file = await makeBackup();
    expect(file).not.toContain('Sensitive words');
    const read = readBackupFile(file);
    expect(read.ok && read.needsPassphrase).toBe(true);
    if (!read.ok) return;
    expect(await openBackup(read.backup, 'wrong passphrase')).toEqual({
      ok: false,
      error: 'That is not the passphrase this backup was made with. Nothing was restored.',
    });
    const opened = await openBackup(read.backup, 'a long passphrase');
    expect(opened.ok && opened.contents.sessions[0]?.agreements['rule-present']?.note).toBe('Sensitive words');
  });

  it('needs Callcare unlocked to make a backup of protected records', async () => {
    await sessionWithNote(1, 'x');
    await turnOn('a long passphrase');
    await lock();
    await expect(makeBackup()).rejects.toThrow('Unlock Callcare to make a backup.');
  });

  it('sets aside a record that cannot be read, restores the others, and says which and why', async () => {
    const first = await sessionWithNote(1, 'one');
    const second = await sessionWithNote(2, 'two');
    await createClient('FS-042');
    const backup = JSON.parse(await makeBackup());
    backup.records[`session:${first}`].data.agreements = 'not a map';
    await fakeBrowser.storage.local.clear();
    const read = readBackupFile(JSON.stringify(backup));
    if (!read.ok) throw new Error('expected the outer shape to pass');
    const opened = await openBackup(read.backup, null);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.setAside).toEqual([
      {
        key: `session:${first}`,
        kind: 'session',
        reason: { code: 'wrong-shape', path: 'agreements', detail: 'invalid_type' },
      },
    ]);
    expect(setAsideCounts(opened.setAside)).toEqual({ session: 1, client: 0, template: 0, checklist: 0 });
    expect(t('dataRestoreSetAside', { records: countRecords(setAsideCounts(opened.setAside)) })).toBe(
      '1 session in this backup cannot be read and will be set aside; the rest can be restored.',
    );
    expect(
      t('backupSetAsideItem', {
        key: `session:${first}`,
        reason: setAsideReasonText(opened.setAside[0]?.reason ?? { code: 'tampered' }),
      }),
    ).toBe(`session:${first}: it does not have the expected shape at agreements (invalid_type)`);
    const result = await restore(opened.contents);
    expect(result.sessions.add).toBe(1);
    expect((await sessions.all()).map((session) => session.id)).toEqual([second]);
    expect((await clients.all()).map((client) => client.code)).toEqual(['FS-042']);
  });

  it('sets aside an encrypted record that was changed, one in the clear, and one filed under another id', async () => {
    const ids = [await sessionWithNote(1, 'one'), await sessionWithNote(2, 'two'), await sessionWithNote(3, 'three')];
    const kept = await sessionWithNote(4, 'kept');
    await turnOn('a long passphrase');
    const backup = JSON.parse(await makeBackup());
    const [tampered, clear, moved] = ids.map((id) => `session:${id}`) as [string, string, string];
    const sealed = backup.records[tampered];
    sealed.ct = `${sealed.ct.startsWith('A') ? 'B' : 'A'}${sealed.ct.slice(1)}`;
    backup.records[clear] = { v: 3, data: { id: ids[1] } };
    // The sealed record of another session, filed under this one's key, does not open here (the key is bound).
    backup.records[moved] = backup.records[`session:${kept}`];
    await fakeBrowser.storage.local.clear();
    forgetCached();
    const read = readBackupFile(JSON.stringify(backup));
    if (!read.ok) throw new Error(read.error);
    const opened = await openBackup(read.backup, 'a long passphrase');
    if (!opened.ok) throw new Error(opened.error);
    expect(Object.fromEntries(opened.setAside.map((record) => [record.key, record.reason.code]))).toEqual({
      [tampered]: 'tampered',
      [clear]: 'unencrypted-while-protected',
      [moved]: 'tampered',
    });
    expect(opened.contents.sessions.map((session) => session.id)).toEqual([kept]);
  });

  it('sets aside a record whose id is not the one its key names', async () => {
    const id = await sessionWithNote(1, 'one');
    const backup = JSON.parse(await makeBackup());
    backup.records['session:someone-else'] = backup.records[`session:${id}`];
    const read = readBackupFile(JSON.stringify(backup));
    if (!read.ok) throw new Error(read.error);
    const opened = await openBackup(read.backup, null);
    expect(opened.ok && opened.setAside).toEqual([
      { key: 'session:someone-else', kind: 'session', reason: { code: 'id-mismatch' } },
    ]);
  });

  it('reads a backup back before offering it, and offers none that would not restore whole', async () => {
    await sessionWithNote(1, 'fine');
    await fakeBrowser.storage.local.set({ 'session:broken': { v: 3, data: { id: 'broken' } } });
    await expect(makeBackup()).rejects.toThrow(
      /^The backup was read back before it was offered, and it would not restore correctly, so no file was downloaded\. session:broken: it does not have the expected shape/,
    );
    await fakeBrowser.storage.local.remove('session:broken');
    await turnOn('a long passphrase');
    const stored = await fakeBrowser.storage.local.get(null);
    const [key] = Object.keys(stored).filter((name) => name.startsWith('session:'));
    // A record sealed under another key name: it does not open for the file either.
    await fakeBrowser.storage.local.set({ 'session:copied': stored[String(key)] });
    await expect(makeBackup()).rejects.toThrow(/session:copied: it was changed after it was encrypted/);
    await fakeBrowser.storage.local.remove('session:copied');
    expect(readBackupFile(await makeBackup()).ok).toBe(true);
  });

  it('refuses random and hostile files with a reason, and changes nothing', async () => {
    await sessionWithNote(1, 'kept as it is');
    const valid = JSON.parse(await makeBackup());
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const hostile = fc.oneof(
      fc.jsonValue(),
      fc.anything(),
      fc.record({
        format: fc.oneof(fc.constant('callcare-backup'), fc.string()),
        formatVersion: fc.oneof(fc.constant(1), fc.integer()),
        createdAt: fc.oneof(fc.integer(), fc.string()),
        encryption: fc.oneof(fc.constant(null), fc.anything()),
        records: fc.oneof(
          fc.dictionary(
            fc.oneof(fc.constantFrom('session:x', 'client:y', '__proto__', 'constructor'), fc.string()),
            fc.anything(),
          ),
          fc.anything(),
        ),
      }),
      // A real backup with one record replaced by something else.
      fc.anything().map((junk) => ({
        ...valid,
        records: { ...valid.records, [Object.keys(valid.records)[0] ?? 'session:x']: junk },
      })),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        let text: string;
        try {
          text = JSON.stringify(value) ?? 'undefined';
        } catch {
          return;
        }
        const read = readBackupFile(text);
        if (read.ok) {
          const opened = await openBackup(read.backup, 'any passphrase');
          if (opened.ok) {
            // Every record is either read or set aside with a reason, never dropped.
            const { sessions: s, clients: c, templates: t, checklists: l } = opened.contents;
            expect(s.length + c.length + t.length + l.length + opened.setAside.length).toBe(
              Object.keys(read.backup.records).length,
            );
            for (const record of opened.setAside) expect(setAsideReasonText(record.reason).length).toBeGreaterThan(0);
            // What is restored is merged, never replacing newer data.
            await restore(opened.contents);
            expect(
              (await sessions.all()).some((session) => session.agreements['rule-present']?.note === 'kept as it is'),
            ).toBe(true);
            return;
          }
          expect(opened.error.length).toBeGreaterThan(0);
        } else {
          expect(read.error.length).toBeGreaterThan(0);
        }
        expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('plans a merge before making it', async () => {
    const id = await sessionWithNote(1, 'a');
    const read = readBackupFile(await makeBackup());
    if (!read.ok) throw new Error(read.error);
    const opened = await openBackup(read.backup, null);
    if (!opened.ok) throw new Error(opened.error);
    const plan = await mergePlan(opened.contents);
    expect(plan.sessions.counts).toEqual({ add: 0, replace: 0, keep: 1 });
    const session = await sessions.get(id);
    expect(session && lastChanged(session)).toBeGreaterThan(0);
  });

  describe('ids and text from the file', () => {
    /** The backup as text, with `edit` applied to one record's JSON text. */
    async function backupWith(key: string, edit: (recordText: string) => string): Promise<string> {
      const backup = JSON.parse(await makeBackup());
      const edited = edit(JSON.stringify(backup.records[key]));
      return JSON.stringify(backup).replace(JSON.stringify(backup.records[key]), edited);
    }

    async function refusal(text: string, passphrase: string | null = null): Promise<string> {
      const read = readBackupFile(text);
      if (!read.ok) return read.error;
      const opened = await openBackup(read.backup, passphrase);
      if (opened.ok) throw new Error('expected the backup to be refused');
      return opened.error;
    }

    /** Opens the file and returns what was set aside, in words, with the ids of the sessions it would restore. */
    async function setAsideIn(text: string, passphrase: string | null = null) {
      const read = readBackupFile(text);
      if (!read.ok) throw new Error(read.error);
      const opened = await openBackup(read.backup, passphrase);
      if (!opened.ok) throw new Error(opened.error);
      return {
        setAside: opened.setAside.map((record) => `${record.key}: ${setAsideReasonText(record.reason)}`),
        sessions: opened.contents.sessions.map((session) => session.id),
      };
    }

    it('sets aside a session with an agreement keyed "__proto__", naming where, and restores the others', async () => {
      const id = await sessionWithNote(1, 'one');
      const other = await sessionWithNote(2, 'two');
      // The item and its agreement both renamed, as a hostile or hand-edited file would have them.
      const text = await backupWith(`session:${id}`, (record) => record.replaceAll('"rule-cameras"', '"__proto__"'));
      expect(await setAsideIn(text)).toEqual({
        setAside: [
          `session:${id}: it holds the reserved name "__proto__" as a key (at data.agreements.__proto__), which Callcare does not accept`,
        ],
        sessions: [other],
      });
    });

    it('sets aside a checklist with an item with a reserved id, and a session that needs it and has it nowhere', async () => {
      const id = await sessionWithNote(1, 'one');
      for (const reserved of ['__proto__', 'constructor', 'toString']) {
        // "prep-space" is a check nobody ticked: only the item's id changes, in the checklist the session ran with.
        const backup = JSON.parse(await makeBackup());
        const checklistKey = Object.keys(backup.records).find((key) => key.startsWith('checklist:')) ?? '';
        const text = await backupWith(checklistKey, (record) => record.replaceAll('"prep-space"', `"${reserved}"`));
        const here = await setAsideIn(text);
        expect(here.setAside).toHaveLength(1);
        expect(here.setAside[0]).toMatch(
          new RegExp(`^${checklistKey}: it (holds the reserved name|does not have the expected shape)`),
        );
        // Stored here, the genuine checklist (its key is its content) lets the session restore.
        expect(here.sessions).toEqual([id]);
        const saved = JSON.stringify(await fakeBrowser.storage.local.get(null));
        await fakeBrowser.storage.local.clear();
        const elsewhere = await setAsideIn(text);
        expect(elsewhere.setAside).toContain(
          `session:${id}: the checklist it ran with is not in this backup, nor stored here`,
        );
        expect(elsewhere.sessions).toEqual([]);
        await fakeBrowser.storage.local.set(JSON.parse(saved));
      }
    });

    it('finds "__proto__" inside an encrypted record too', async () => {
      const id = await sessionWithNote(1, 'one');
      await turnOn('a long passphrase');
      const backup = JSON.parse(await makeBackup());
      const key = `session:${id}`;
      const cryptoKey = await deriveKey('a long passphrase', backup.encryption.salt, backup.encryption.iterations);
      const plain = await unseal(cryptoKey, backup.records[key], key);
      backup.records[key] = {
        ...backup.records[key],
        ...(await seal(cryptoKey, plain.replaceAll('"rule-cameras"', '"__proto__"'), key)),
      };
      expect((await setAsideIn(JSON.stringify(backup), 'a long passphrase')).setAside).toEqual([
        `${key}: it holds the reserved name "__proto__" as a key (at data.agreements.__proto__), which Callcare does not accept`,
      ]);
    });

    it('refuses a record key whose id does not fit the pattern', async () => {
      const id = await sessionWithNote(1, 'one');
      const text = (await makeBackup()).replace(`"session:${id}"`, '"session:a.b"');
      expect(await refusal(text)).toMatch(/^This backup is damaged \(at records\.session:a\.b\)/);
    });

    it('sets aside a client whose code looks blank, and removes bidi controls from one that does not', async () => {
      const made = await createClient('FS-042');
      if (!made.ok) throw new Error(made.error);
      const key = `client:${made.client.id}`;
      const blank = await backupWith(key, (record) => record.replace('"FS-042"', '"\\u200B\\u2060"'));
      expect((await setAsideIn(blank)).setAside).toEqual([
        `${key}: its pseudonym or case code looks blank (only spaces or invisible characters)`,
      ]);

      const reversed = await backupWith(key, (record) => record.replace('"FS-042"', '"FS-\\u202E240"'));
      await fakeBrowser.storage.local.clear();
      await restoreText(reversed);
      expect((await clients.all()).map((client) => client.code)).toEqual(['FS-240']);
    });
  });
});
