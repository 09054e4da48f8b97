import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultTemplate } from '../../lib/checklist';
import { agreementsOf, digestFrom, digestOf, EMPTY_DIGEST, withChanges } from '../../lib/sessions/digest';
import { completeAftercare, createSession, keepAftercareDraft, setAgreementState } from '../../lib/sessions/model';
import { editSession, repairLists } from '../../lib/sessions/store';
import { sessionDigest, storedSessions } from '../../lib/storage/items';

const at = (id: string, hour: number) =>
  createSession({
    id,
    origin: 'tab',
    platform: 'meet',
    host: null,
    tabId: 1,
    template: defaultTemplate(),
    now: Date.UTC(2026, 10, 21, hour),
  });

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

  it('folds in changed and removed sessions without touching the digest it was given', () => {
    const start = digestFrom([at('a', 9), at('b', 10)]);
    const next = withChanges(start, [
      ['a', undefined],
      ['c', at('c', 11)],
    ]);
    expect(Object.keys(next.entries).sort()).toEqual(['b', 'c']);
    expect(Object.keys(start.entries).sort()).toEqual(['a', 'b']);
    expect(withChanges(EMPTY_DIGEST, []).entries).toEqual({});
  });
});

describe('keeping the digest in step', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is repaired from the records when its sessions are not the stored ones, and left when they are', async () => {
    // Records written by an older Callcare, with no digest.
    await storedSessions.put(at('a', 9));
    await storedSessions.put(at('b', 10));
    expect(await repairLists()).toBe(true);
    expect(Object.keys((await sessionDigest.get()).entries).sort()).toEqual(['a', 'b']);
    expect(await repairLists()).toBe(false);
    await storedSessions.remove('a');
    expect(await repairLists()).toBe(true);
    expect(Object.keys((await sessionDigest.get()).entries)).toEqual(['b']);
  });

  it('changes in the same write as the record it follows', async () => {
    await storedSessions.put(at('b', 10));
    await repairLists();
    const writes: string[][] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => writes.push(Object.keys(changes).sort()));
    await editSession('b', [{ type: 'agreement-state', itemId: 'rule-cameras', state: 'declined', at: 5 }]);
    expect((await sessionDigest.get()).entries.b?.states.startsWith('d')).toBe(true);
    // Typing a note does not touch the digest.
    await editSession('b', [{ type: 'agreement-note', itemId: 'rule-cameras', note: 'Camera broken' }]);
    // The first write also stores the checklist once, out of the record written by an older Callcare.
    expect(writes.map((keys) => keys.map((key) => key.replace(/^checklist:.*/, 'checklist')))).toEqual([
      ['checklist', 'session:b', 'sessionDigest'],
      ['session:b'],
    ]);
  });
});
