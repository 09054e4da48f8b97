import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Session } from '../../lib/schemas';
import {
  type Clock,
  endByPractitioner,
  observeTab,
  recover,
  restartOnTab,
  type StartKind,
  startByHand,
  tabClosed,
} from '../../lib/sessions/lifecycle';
import { sessions } from '../../lib/sessions/records';
import { deleteSessions, markPrompted, repairLists } from '../../lib/sessions/store';
import { dayCounts, endedTabs, openSessions } from '../../lib/storage/items';

const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM = 'https://app.zoom.us/wc/81234567890/join';

function testClock(): Clock & { advance(ms: number): void } {
  let now = Date.UTC(2026, 10, 21, 9, 0);
  let next = 0;
  return {
    now: () => now,
    newId: () => `session-${++next}`,
    advance: (ms) => {
      now += ms;
    },
  };
}

const allSessions = async () => (await sessions.all()).sort((a, b) => a.id.localeCompare(b.id));
const types = (events: Array<{ type: string }>) => events.map((event) => event.type);

describe('the session lifecycle', () => {
  let clock: ReturnType<typeof testClock>;
  beforeEach(() => {
    fakeBrowser.reset();
    clock = testClock();
  });

  it('starts a session when a tab opens a call, and stores only the platform and host', async () => {
    const events = await observeTab(1, MEET, clock);
    expect(types(events)).toEqual(['started']);
    const [session] = await allSessions();
    expect(session).toMatchObject({ platform: 'meet', host: 'meet.google.com', tabId: 1, status: 'running' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('abc-defg-hij');
    expect(await openSessions.get()).toEqual({
      'session-1': {
        status: 'running',
        origin: 'tab',
        tabId: 1,
        platform: 'meet',
        host: 'meet.google.com',
        startedAt: clock.now(),
        endedAt: null,
        endReason: null,
        pending: null,
        prompted: false,
      },
    });
  });

  it('does not start a session for a page that is not a call', async () => {
    expect(await observeTab(1, 'https://meet.google.com/landing', clock)).toEqual([]);
    expect(await observeTab(2, 'https://example.org/', clock)).toEqual([]);
    expect(await observeTab(3, undefined, clock)).toEqual([]);
    expect(await allSessions()).toEqual([]);
  });

  it('keeps one session through reloads and repeated updates, even when they arrive together', async () => {
    await Promise.all([observeTab(1, MEET, clock), observeTab(1, MEET, clock), observeTab(1, MEET, clock)]);
    expect(await allSessions()).toHaveLength(1);
    expect(types(await observeTab(1, MEET, clock))).toEqual(['continued']);
    expect(await allSessions()).toHaveLength(1);
  });

  it('runs two calls in two tabs as two sessions', async () => {
    await observeTab(1, MEET, clock);
    await observeTab(2, ZOOM, clock);
    expect((await allSessions()).map((session) => [session.tabId, session.platform])).toEqual([
      [1, 'meet'],
      [2, 'zoom'],
    ]);
    await tabClosed(1, clock);
    expect((await allSessions()).map((session) => session.status)).toEqual(['aftercare-pending', 'running']);
  });

  it('ends the session when the tab leaves the call, and starts another for a call on a new platform', async () => {
    await observeTab(1, MEET, clock);
    clock.advance(60_000);
    const left = await observeTab(1, 'https://www.example.org/news', clock);
    expect(types(left)).toEqual(['ended']);
    expect((await allSessions())[0]).toMatchObject({ status: 'aftercare-pending', endReason: 'navigated-away' });
    const switched = await observeTab(1, ZOOM, clock);
    expect(types(switched)).toEqual(['started']);
    const moved = await observeTab(1, MEET, clock);
    expect(types(moved)).toEqual(['ended', 'started']);
    expect(await allSessions()).toHaveLength(3);
  });

  it('ends the session once when the tab closes', async () => {
    await observeTab(1, MEET, clock);
    const [first, second] = await Promise.all([tabClosed(1, clock), tabClosed(1, clock)]);
    expect([...(first ?? []), ...(second ?? [])].map((event) => event.type)).toEqual(['ended']);
    expect((await allSessions())[0]).toMatchObject({ status: 'aftercare-pending', endReason: 'tab-closed' });
  });

  it('does not start again on its own after "End session" while the tab stays on the call', async () => {
    await observeTab(1, MEET, clock);
    const [session] = await allSessions();
    expect(types(await endByPractitioner(String(session?.id), clock))).toEqual(['ended']);
    expect(await endByPractitioner(String(session?.id), clock)).toEqual([]);
    expect(await observeTab(1, MEET, clock)).toEqual([]);
    expect(await allSessions()).toHaveLength(1);
    // Asked for by the practitioner, a new session starts.
    expect(types(await restartOnTab(1, MEET, clock))).toEqual(['started']);
    expect(await allSessions()).toHaveLength(2);
  });

  it('forgets an ended tab once it leaves the call, so the next call starts normally', async () => {
    await observeTab(1, MEET, clock);
    await endByPractitioner('session-1', clock);
    await observeTab(1, 'https://example.org/', clock);
    expect(await endedTabs.get()).toEqual({});
    expect(types(await observeTab(1, MEET, clock))).toEqual(['started']);
  });

  it('starts a session by hand, with no tab and no host', async () => {
    const [event] = await startByHand('phone', clock);
    expect(event?.session).toMatchObject({ origin: 'manual', platform: 'phone', host: null, tabId: null });
    // Tab events never end a session started by hand.
    await tabClosed(1, clock);
    expect((await allSessions())[0]?.status).toBe('running');
  });
});

describe('recovery when the service worker or the browser starts', () => {
  let clock: ReturnType<typeof testClock>;
  beforeEach(() => {
    fakeBrowser.reset();
    clock = testClock();
  });

  const surroundings = (tabs: Array<{ id: number; url: string | undefined }>, restarted: boolean | StartKind) => ({
    listTabs: async () => tabs,
    startKind: async (): Promise<StartKind> =>
      typeof restarted === 'string' ? restarted : restarted ? 'browser-start' : 'wake',
  });

  it('keeps a session whose tab is still on the call after the worker was stopped', async () => {
    await observeTab(4, MEET, clock);
    const events = await recover(surroundings([{ id: 4, url: MEET }], false), clock);
    expect(events).toEqual([]);
    expect((await allSessions())[0]?.status).toBe('running');
  });

  it('ends sessions whose tab closed or left the call while the worker was stopped', async () => {
    await observeTab(4, MEET, clock);
    await observeTab(5, ZOOM, clock);
    const events = await recover(surroundings([{ id: 5, url: 'https://app.zoom.us/wc/home' }], false), clock);
    expect(events.map((event) => [event.type, event.session.endReason])).toEqual([
      ['ended', 'tab-closed'],
      ['ended', 'navigated-away'],
    ]);
  });

  it('after a browser restart, makes every session that was running in a tab wait for its aftercare note', async () => {
    await observeTab(4, MEET, clock);
    await startByHand('phone', clock);
    // The restored browser happens to give a call tab the same id: it is still a new tab.
    const events = await recover(surroundings([{ id: 4, url: MEET }], true), clock);
    expect(types(events)).toEqual(['ended', 'started']);
    const all = await allSessions();
    expect(all.map((session) => [session.origin, session.status, session.endReason])).toEqual([
      ['tab', 'aftercare-pending', 'browser-closed'],
      ['manual', 'running', null],
      ['tab', 'running', null],
    ]);
  });

  it('after an update of Callcare, keeps the session whose call tab is still open, and starts no second one', async () => {
    await observeTab(4, MEET, clock);
    await observeTab(5, ZOOM, clock);
    const events = await recover(
      surroundings(
        [
          { id: 4, url: MEET },
          { id: 6, url: undefined },
        ],
        'installed-or-updated',
      ),
      clock,
    );
    expect(events.map((event) => [event.type, event.session.tabId, event.session.endReason])).toEqual([
      ['ended', 5, 'tab-closed'],
    ]);
    const all = await allSessions();
    expect(all.map((session) => [session.tabId, session.status])).toEqual([
      [4, 'running'],
      [5, 'aftercare-pending'],
    ]);
  });

  it('prompts, once, for a session that ended while the worker was stopped before its prompt', async () => {
    await observeTab(4, MEET, clock);
    // The end was written; the worker stopped before the prompt was shown (and marked).
    const [ended] = await tabClosed(4, clock);
    expect((await openSessions.get())[String(ended?.session.id)]?.prompted).toBe(false);
    const events = await recover(surroundings([], false), clock);
    expect(events.map((event) => [event.type, event.session.id])).toEqual([['ended', ended?.session.id]]);
    await markPrompted(String(ended?.session.id));
    expect(await recover(surroundings([], false), clock)).toEqual([]);
  });

  it('counts each session once on its day, and no longer once it is deleted', async () => {
    await observeTab(4, MEET, clock);
    await observeTab(4, MEET, clock);
    await startByHand('phone', clock);
    const day = Object.keys(await dayCounts.get());
    expect(Object.values(await dayCounts.get())).toEqual([2]);
    const [first] = await allSessions();
    await deleteSessions([String(first?.id)]);
    expect(await dayCounts.get()).toEqual({ [String(day[0])]: 1 });
    // A repair at a browser start finds the same count from the records.
    await dayCounts.set({});
    await repairLists();
    expect(await dayCounts.get()).toEqual({ [String(day[0])]: 1 });
  });

  it('starts sessions for calls already open when the extension is installed', async () => {
    const events = await recover(
      surroundings(
        [
          { id: 1, url: MEET },
          { id: 2, url: undefined },
          { id: 3, url: 'https://meet.google.com/' },
        ],
        true,
      ),
      clock,
    );
    expect(events.map((event) => [event.type, event.session.tabId])).toEqual([['started', 1]]);
  });

  it('rebuilds the list of open sessions from the sessions themselves', async () => {
    await observeTab(1, MEET, clock);
    await openSessions.set({});
    // A worker that merely wakes trusts the list; a browser start repairs it.
    await recover(surroundings([], false), clock);
    expect(await openSessions.get()).toEqual({});
    await recover(surroundings([], true), clock);
    expect(Object.keys(await openSessions.get())).toEqual(['session-1']);
  });

  it('does not lose a session whose stored record is unreadable: it is set aside, the rest carries on', async () => {
    await observeTab(1, MEET, clock);
    await observeTab(2, ZOOM, clock);
    await fakeBrowser.storage.local.set({ 'session:session-1': { v: 1, data: { id: 'session-1', broken: true } } });
    await recover(surroundings([], true), clock);
    const kept: Session[] = await sessions.all();
    expect(kept.map((session) => session.id)).toEqual(['session-2']);
    const everything = await fakeBrowser.storage.local.get(null);
    const quarantine = Object.entries(everything).filter(([key]) => key.startsWith('quarantine:'));
    expect(quarantine).toHaveLength(1);
    expect(JSON.stringify(quarantine[0]?.[1])).toContain('broken');
  });
});
