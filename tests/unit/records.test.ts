import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultTemplate } from '../../lib/checklist';
import { observeTab } from '../../lib/sessions/lifecycle';
import { createSession } from '../../lib/sessions/model';
import { forgetKnownChecklists, sessions } from '../../lib/sessions/records';
import { editSession, moveChecklistsOut } from '../../lib/sessions/store';
import { storedSessions } from '../../lib/storage/items';

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
    expect(JSON.stringify(await stored())).toContain('cameras on');
    await editSession('old', [{ type: 'agreement-note', itemId: 'rule-cameras', note: 'kept' }]);
    expect(await moveChecklistsOut()).toBe(0);
    await storedSessions.put({ ...old, id: 'older' });
    expect(await moveChecklistsOut()).toBe(1);
    const record = (await stored())['session:older'];
    expect(JSON.stringify(record)).not.toContain('cameras on');
    expect(await sessions.get('older')).toEqual({ ...old, id: 'older' });
    expect((await sessions.get('old'))?.agreements['rule-cameras']?.note).toBe('kept');
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
