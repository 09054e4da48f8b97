import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultTemplate } from '../../lib/checklist';
import type { Session } from '../../lib/schemas';
import {
  agreementsOf,
  digestFrom,
  digestOf,
  EMPTY_DIGEST,
  foldChanges,
  joined,
  partsFrom,
  weekOf,
} from '../../lib/sessions/digest';
import { findBackwards, readDigest, readRecent, sessionCount } from '../../lib/sessions/digestStore';
import { completeAftercare, createSession, keepAftercareDraft, setAgreementState } from '../../lib/sessions/model';
import { editSession, repairLists } from '../../lib/sessions/store';
import { digestIndex, oldDigest, storedSessions } from '../../lib/storage/items';

const startedAt = (id: string, now: number) =>
  createSession({ id, origin: 'tab', platform: 'meet', host: null, tabId: 1, template: defaultTemplate(), now });
const at = (id: string, hour: number) => startedAt(id, Date.UTC(2026, 10, 21, hour));

describe('the session digest', () => {
  it('keeps a few small facts per session, and the agreements in their checklist order', () => {
    let session = setAgreementState(at('s1', 9), 'rule-recording', 'declined', 1);
    session = setAgreementState(session, 'rule-cameras', 'agreed', 2);
    session = completeAftercare(keepAftercareDraft(session, { selfRating: 'tired', wantsSupervision: true }, 3), {}, 4);
    const entry = digestOf(session);
    expect(entry).toMatchObject({ status: 'complete', selfRating: 'tired', supervision: true, order: 'default@1' });
    expect(entry.states).toBe('adnnnnnnnnn');
    const digest = digestFrom([session]);
    expect(agreementsOf(digest, entry).slice(0, 3)).toEqual([
      ['rule-cameras', 'agreed'],
      ['rule-recording', 'declined'],
      ['rule-present', 'not-discussed'],
    ]);
    expect(JSON.stringify(entry).length).toBeLessThan(300);
  });

  it('folds in changed and removed sessions without touching the parts it was given', () => {
    const start = partsFrom(digestFrom([at('a', 9), at('b', 10)]));
    const next = joined(
      foldChanges(start, [
        ['a', undefined],
        ['c', at('c', 11)],
        // A session both added and removed in one batch is gone.
        ['d', at('d', 12)],
        ['d', undefined],
      ]),
    );
    expect(Object.keys(next.entries).sort()).toEqual(['b', 'c']);
    expect(Object.keys(joined(start).entries).sort()).toEqual(['a', 'b']);
    expect(digestFrom([]).entries).toEqual({});
  });
});

describe('keeping the digest in step', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is repaired from the records when its sessions are not the stored ones, and left when they are', async () => {
    // Records written by an older Callcare, with no digest.
    await storedSessions.put(at('a', 9));
    await storedSessions.put(at('b', 10));
    expect(await repairLists()).toBe(true);
    expect(Object.keys((await readDigest()).entries).sort()).toEqual(['a', 'b']);
    expect(await repairLists()).toBe(false);
    await storedSessions.remove('a');
    expect(await repairLists()).toBe(true);
    expect(Object.keys((await readDigest()).entries)).toEqual(['b']);
  });

  it('changes in the same write as the record it follows', async () => {
    await storedSessions.put(at('b', 10));
    await repairLists();
    const writes: string[][] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => writes.push(Object.keys(changes).sort()));
    await editSession('b', [{ type: 'agreement-state', itemId: 'rule-cameras', state: 'declined', at: 5 }]);
    expect((await readDigest()).entries.b?.states.startsWith('d')).toBe(true);
    // Typing a note does not touch the digest.
    await editSession('b', [{ type: 'agreement-note', itemId: 'rule-cameras', note: 'Camera broken' }]);
    // The first write also stores the checklist once, out of the record written by an older Callcare.
    expect(writes.map((keys) => keys.map((key) => key.replace(/^checklist:.*/, 'checklist')))).toEqual([
      ['checklist', 'digest:2026-11-16', 'digestIndex', 'session:b'],
      ['session:b'],
    ]);
  });
});

describe('the digest kept by week', () => {
  beforeEach(() => fakeBrowser.reset());

  const midMonth = (id: string, month: number) => startedAt(id, Date.UTC(2026, month, 15, 10));
  /** Sessions a, b and c, started in April, September and October. */
  const storeThree = async (make: (id: string, month: number) => Session) => {
    for (const [id, month] of [
      ['a', 3],
      ['b', 8],
      ['c', 9],
    ] as const)
      await storedSessions.put(make(id, month));
  };

  it('keeps each entry under the UTC week (from Monday) its session started, whatever a bad start holds', () => {
    // From Monday to Sunday, by the date of the Monday.
    expect(weekOf(Date.UTC(2026, 10, 1, 23, 59))).toBe('2026-10-26');
    expect(weekOf(Date.UTC(2026, 10, 2, 0, 0))).toBe('2026-11-02');
    expect(weekOf(Date.UTC(2027, 0, 1, 12))).toBe('2026-12-28');
    expect(weekOf(Number.NaN)).toBe('0000-01-01');
    expect(weekOf(8.64e15 + 1)).toBe('0000-01-01');
  });

  it('writes only the week a change is in, with the index, and finds a removed session in the weeks read', () => {
    const start = partsFrom(digestFrom([midMonth('a', 8), midMonth('b', 9), midMonth('c', 9)]));
    expect(start.index.weeks).toEqual({ '2026-09-14': 1, '2026-10-12': 2 });
    const changed = foldChanges(start, [['b', setAgreementState(midMonth('b', 9), 'rule-cameras', 'declined', 1)]]);
    expect(Object.keys(changed.weeks)).toEqual(['2026-10-12']);
    expect(changed.weeks['2026-10-12']?.b?.states.startsWith('d')).toBe(true);
    const removed = foldChanges(start, [['a', undefined]]);
    expect(removed.weeks).toEqual({ '2026-09-14': {} });
    expect(removed.index.weeks).toEqual({ '2026-10-12': 2 });
    // The parts given are not changed.
    expect(Object.keys(start.weeks['2026-09-14'] ?? {})).toEqual(['a']);
  });

  it('keeps the sessions with a reminder to come in the index, and drops a next contact long past', () => {
    const now = Date.UTC(2026, 10, 20);
    const followUp = keepAftercareDraft(midMonth('f', 5), { followUpToday: true, followUpAt: now + 1000 }, 1);
    const soon = keepAftercareDraft(midMonth('n', 9), { nextContact: '2026-11-25' }, 1);
    const past = keepAftercareDraft(midMonth('p', 9), { nextContact: '2026-10-01' }, 1);
    const parts = foldChanges(
      partsFrom(EMPTY_DIGEST),
      [
        ['f', followUp],
        ['n', soon],
        ['p', past],
        ['x', midMonth('x', 10)],
      ],
      now,
    );
    expect(Object.keys(parts.index.reminders).sort()).toEqual(['f', 'n']);
    // A change elsewhere keeps them, and a follow-up done leaves.
    const done = keepAftercareDraft(followUp, { followUpDoneAt: now }, 2);
    const after = foldChanges({ index: parts.index, weeks: {} }, [['f', done]], now);
    expect(Object.keys(after.index.reminders)).toEqual(['n']);
  });

  it('splits the digest an older Callcare kept as one value, then removes it', async () => {
    const a = midMonth('a', 8);
    const b = midMonth('b', 9);
    await storedSessions.put(a);
    await storedSessions.put(b);
    await oldDigest.set(digestFrom([a, b]));
    expect(await repairLists()).toBe(true);
    expect((await fakeBrowser.storage.local.get('sessionDigest')).sessionDigest).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('digest'))).toEqual(
      expect.arrayContaining(['digestIndex', 'digest:2026-09-14', 'digest:2026-10-12']),
    );
    expect(Object.keys((await readDigest()).entries).sort()).toEqual(['a', 'b']);
    expect(await repairLists()).toBe(false);
  });

  it('is rebuilt from the records when a week or the index is lost', async () => {
    await storedSessions.put(midMonth('a', 8));
    await storedSessions.put(midMonth('b', 9));
    await repairLists();
    await fakeBrowser.storage.local.remove('digest:2026-09-14');
    expect(await repairLists()).toBe(true);
    expect(Object.keys((await readDigest()).entries).sort()).toEqual(['a', 'b']);
    await fakeBrowser.storage.local.remove('digestIndex');
    expect(await repairLists()).toBe(true);
    expect(sessionCount(await digestIndex.get())).toBe(2);
  });

  it('is in step whatever order its index lists the weeks in, and is not rebuilt at each start', async () => {
    await storeThree(midMonth);
    await repairLists();
    // The index as another writer (or the encryption) may have kept it: the same counts, listed the other way round.
    const stored = (await fakeBrowser.storage.local.get('digestIndex')).digestIndex as {
      data: { weeks: Record<string, number> };
    };
    stored.data.weeks = Object.fromEntries(Object.entries(stored.data.weeks).reverse());
    await fakeBrowser.storage.local.set({ digestIndex: stored });
    expect(await repairLists()).toBe(false);
  });

  it('finds the latest week first, and reads back only as far as needed', async () => {
    const done = (id: string, month: number) => completeAftercare(midMonth(id, month), {}, Date.UTC(2026, month, 16));
    // An old session whose note is still to write, and three complete ones.
    await storedSessions.put(midMonth('old', 1));
    await storeThree(done);
    await repairLists();
    const recent = await readRecent(1);
    // The newest week holds one session; the week before is read with it, so every day shown is whole. The
    // note still to write comes from the index, whatever its week.
    expect(Object.keys(recent.digest.entries).sort()).toEqual(['b', 'c', 'old']);
    expect(recent.complete).toBe(false);
    expect(recent.total).toBe(4);
    const seen: string[] = [];
    const found = await findBackwards(Date.UTC(2026, 9, 20), (digest) => {
      seen.push(...Object.keys(digest.entries));
      return digest.entries.b ? 'b' : undefined;
    });
    expect(found).toBe('b');
    expect(seen).toEqual(['c', 'b']);
  });
});
