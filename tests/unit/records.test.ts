import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultTemplate } from '../../lib/checklist';
import { observeTab } from '../../lib/sessions/lifecycle';
import { createSession } from '../../lib/sessions/model';
import { briefs } from '../../lib/sessions/openList';
import { forgetKnownChecklists, sessions } from '../../lib/sessions/records';
import {
  editSession,
  moveChecklistsOut,
  recordLifecycle,
  storeHandedEdits,
  storeWaitingEdits,
} from '../../lib/sessions/store';
import { checklistsMovedOut, openSessions, storedSessions } from '../../lib/storage/items';
import { lock, turnOn, unlock } from '../../lib/storage/protection';
import { forgetCached } from '../../lib/storage/vault';

const stored = async () => fakeBrowser.storage.local.get(null);

describe('checklists stored once', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetKnownChecklists();
  });

  it('keeps a session small: its checklist is stored once, and read back whole', async () => {
    await observeTab(1, 'https://meet.google.com/abc-defg-hij');
    await observeTab(2, 'https://app.zoom.us/wc/123456789/join');
    const all = await stored();
    const records = Object.entries(all).filter(([key]) => key.startsWith('session:'));
    const lists = Object.keys(all).filter((key) => key.startsWith('checklist:'));
    expect(records).toHaveLength(2);
    expect(lists).toHaveLength(1);
    for (const [, record] of records) {
      expect(JSON.stringify(record)).not.toContain('cameras on');
      expect(JSON.stringify(record).length).toBeLessThan(2048);
    }
    const [session] = await sessions.all();
    expect(session?.template.items).toEqual(defaultTemplate().items);
  });

  it('moves the checklist out of records written by an older Callcare, keeping everything else', async () => {
    const old = createSession({
      id: 'old',
      origin: 'tab',
      platform: 'meet',
      host: 'meet.google.com',
      tabId: 1,
      template: defaultTemplate(),
      now: 1,
    });
    await storedSessions.put(old);
    await storedSessions.put({ ...old, id: 'older' });
    expect(JSON.stringify(await stored())).toContain('cameras on');
    // An edit moves its own record's checklist out; the pass moves the rest.
    await editSession('old', [{ type: 'agreement-note', itemId: 'rule-cameras', note: 'kept' }]);
    expect(await moveChecklistsOut()).toBe(1);
    const record = (await stored())['session:older'];
    expect(JSON.stringify(record)).not.toContain('cameras on');
    expect(await sessions.get('older')).toEqual({ ...old, id: 'older' });
    expect((await sessions.get('old'))?.agreements['rule-cameras']?.note).toBe('kept');
    // Done once: later starts read no record for it.
    expect(await moveChecklistsOut()).toBe(0);
    expect(await checklistsMovedOut.get()).toBe(true);
  });

  it('still shows what was recorded when a checklist cannot be read', async () => {
    await observeTab(1, 'https://meet.google.com/abc-defg-hij');
    const [id] = Object.keys(await stored()).filter((key) => key.startsWith('session:'));
    const listKey = Object.keys(await stored()).find((key) => key.startsWith('checklist:')) ?? '';
    await fakeBrowser.storage.local.set({ [listKey]: { v: 1, data: 'damaged' } });
    // A fresh context, with nothing remembered.
    forgetKnownChecklists();
    const session = await sessions.get(String(id).slice('session:'.length));
    expect(session?.template.items.map((item) => item.id)).toContain('rule-cameras');
    expect(session?.template.items.find((item) => item.id === 'rule-cameras')?.text).toBe('rule-cameras');
  });
});

describe('the store under races and faults', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetKnownChecklists();
    forgetCached();
  });

  it('keeps edits handed over while locked, and stores them once unlocked', async () => {
    await observeTab(1, 'https://meet.google.com/abc-defg-hij');
    const [id] = (await sessions.all()).map((session) => session.id);
    await turnOn('a long passphrase');
    await lock();
    expect(
      await storeHandedEdits(String(id), [
        { type: 'agreement-note', itemId: 'rule-cameras', note: 'typed as it locked' },
      ]),
    ).toBeNull();
    await unlock('a long passphrase');
    await storeWaitingEdits();
    expect((await sessions.get(String(id)))?.agreements['rule-cameras']?.note).toBe('typed as it locked');
  });

  it('does not bring back the entry of a note completed while a lifecycle step was deciding', async () => {
    await observeTab(1, 'https://meet.google.com/abc-defg-hij');
    const [entry] = briefs(await openSessions.get());
    if (!entry) throw new Error('no session');
    await editSession(entry.id, [{ type: 'complete', at: Date.now() }]);
    await recordLifecycle({ ...entry, status: 'aftercare-pending', pending: 'end', prompted: false });
    expect(await openSessions.get()).toEqual({});
    expect((await sessions.get(entry.id))?.status).toBe('complete');
  });

  it('keeps pointing at a checklist it could not read when the session is edited', async () => {
    await observeTab(1, 'https://meet.google.com/abc-defg-hij');
    const listKey = Object.keys(await stored()).find((key) => key.startsWith('checklist:')) ?? '';
    const real = (await stored())[listKey];
    await fakeBrowser.storage.local.remove(listKey);
    forgetKnownChecklists();
    const [session] = await sessions.all();
    await editSession(String(session?.id), [{ type: 'agreement-note', itemId: 'rule-cameras', note: 'kept' }]);
    // The real checklist comes back (restored from a backup, say): the session reads with its wording again.
    await fakeBrowser.storage.local.set({ [listKey]: real });
    forgetKnownChecklists();
    const again = await sessions.get(String(session?.id));
    expect(again?.template.items).toEqual(defaultTemplate().items);
    expect(again?.agreements['rule-cameras']?.note).toBe('kept');
  });
});
