/**
 * The session lifecycle: which tab's call starts a session, and what ends one.
 * Every step runs under one lock, so events arriving together (a tab's several
 * updates, a close during a reload) and a service worker that was stopped in
 * between all come out the same.
 *
 * The lifecycle is decided on the brief list of open sessions, which holds no
 * client text and so stays readable while Callcare is locked. Each session's
 * own record follows at once when it can be written, or when Callcare is next
 * unlocked (`writePending`): a call that starts or ends while locked is still
 * remembered, with its platform and times, and still prompts for its note.
 *
 * Returns what happened; the background turns that into badges and prompts.
 */

import type { Call } from '../platforms';
import { detectCall } from '../platforms';
import type { EndReason, OpenSession, SessionPlatform } from '../schemas';
import { settings } from '../settings';
import { endedTabs, openSessions } from '../storage/items';
import { withLock } from '../storage/lock';
import { type Brief, briefs } from './openList';
import { recordLifecycle, repairLists, writePending as writePendingRecords } from './store';

export type LifecycleEvent =
  | { type: 'started'; session: Brief }
  /** The same call loaded again (a reload, a new page of the same call): the browser has reset the tab's badge. */
  | { type: 'continued'; session: Brief }
  /** A session ended and its aftercare prompt is due (the background marks it prompted once shown). */
  | { type: 'ended'; session: Brief };

export interface Clock {
  now(): number;
  newId(): string;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

const LIFECYCLE_LOCK = 'lifecycle';

async function runningForTab(tabId: number): Promise<Brief | undefined> {
  return briefs(await openSessions.get()).find((entry) => entry.status === 'running' && entry.tabId === tabId);
}

async function end(brief: Brief, reason: EndReason, clock: Clock): Promise<LifecycleEvent[]> {
  if (brief.status !== 'running') return [];
  const ended = await recordLifecycle({
    ...brief,
    status: 'aftercare-pending',
    endedAt: clock.now(),
    endReason: reason,
    pending: brief.pending === 'create' ? 'create' : 'end',
    prompted: false,
  });
  return [{ type: 'ended', session: ended }];
}

async function start(
  origin: OpenSession['origin'],
  tabId: number | null,
  call: Call | { platform: SessionPlatform; host: null },
  clock: Clock,
): Promise<LifecycleEvent> {
  const started = await recordLifecycle(
    {
      id: clock.newId(),
      status: 'running',
      origin,
      tabId,
      platform: call.platform,
      host: call.host,
      startedAt: clock.now(),
      endedAt: null,
      endReason: null,
      pending: 'create',
      prompted: false,
    },
    { newSession: true },
  );
  return { type: 'started', session: started };
}

async function forgetEndedMark(tabId: number): Promise<void> {
  const marks = await endedTabs.get();
  if (!(String(tabId) in marks)) return;
  await endedTabs.update(({ [String(tabId)]: _dropped, ...rest }) => rest);
}

/**
 * A tab's address is known (it loaded, reloaded or changed). A call starts a
 * session unless one is already running there; the same platform again is the
 * same call (a reload, a pre-join page turning into the call). Leaving the call
 * ends the session.
 */
export function observeTab(tabId: number, url: string | undefined, clock: Clock = systemClock) {
  return withLock(LIFECYCLE_LOCK, async (): Promise<LifecycleEvent[]> => {
    const call = detectCall(url, (await settings.get()).customHosts);
    const running = await runningForTab(tabId);
    if (running && call && call.platform === running.platform) return [{ type: 'continued', session: running }];
    const events = running ? await end(running, 'navigated-away', clock) : [];
    if (!call) {
      await forgetEndedMark(tabId);
      return events;
    }
    const mark = (await endedTabs.get())[String(tabId)];
    if (mark && mark.platform === call.platform) return events;
    await forgetEndedMark(tabId);
    events.push(await start('tab', tabId, call, clock));
    return events;
  });
}

export function tabClosed(tabId: number, clock: Clock = systemClock) {
  return withLock(LIFECYCLE_LOCK, async (): Promise<LifecycleEvent[]> => {
    const running = await runningForTab(tabId);
    await forgetEndedMark(tabId);
    return running ? end(running, 'tab-closed', clock) : [];
  });
}

/** "End session" pressed. The tab may stay on the call page, so it is marked not to start again by itself. */
export function endByPractitioner(sessionId: string, clock: Clock = systemClock) {
  return withLock(LIFECYCLE_LOCK, async (): Promise<LifecycleEvent[]> => {
    const entry = (await openSessions.get())[sessionId];
    if (entry?.status !== 'running') return [];
    if (entry.tabId !== null && entry.host !== null) {
      const tabKey = String(entry.tabId);
      const mark = { platform: entry.platform, host: entry.host, at: clock.now() };
      await endedTabs.update((marks) => ({ ...marks, [tabKey]: mark }));
    }
    return end({ ...entry, id: sessionId }, 'ended-by-practitioner', clock);
  });
}

/** The practitioner asks for a new session on a call tab whose session they ended. */
export async function restartOnTab(tabId: number, url: string | undefined, clock: Clock = systemClock) {
  await withLock(LIFECYCLE_LOCK, () => forgetEndedMark(tabId));
  return observeTab(tabId, url, clock);
}

export function startByHand(platform: SessionPlatform, clock: Clock = systemClock) {
  return withLock(
    LIFECYCLE_LOCK,
    async (): Promise<LifecycleEvent[]> => [await start('manual', null, { platform, host: null }, clock)],
  );
}

/** Writes the records that waited while Callcare was locked. */
export function writePending() {
  return withLock(LIFECYCLE_LOCK, writePendingRecords);
}

export type StartKind = 'browser-start' | 'installed-or-updated' | 'wake';

export interface OpenTab {
  id: number;
  url: string | undefined;
}

export interface Surroundings {
  listTabs(): Promise<OpenTab[]>;
  /**
   * Why the worker is starting: the browser itself started (tab ids from
   * before mean nothing now), the extension was installed or updated (tabs and
   * their ids are still valid), or a stopped worker woke up.
   */
  startKind(): Promise<StartKind>;
}

/**
 * Brings storage in line with the tabs that are open when the service worker
 * starts. After a browser restart tab ids start again, so every session that
 * was running in a tab ends and waits for its aftercare note. After a stopped
 * worker wakes, a session ends only if its tab is gone or left the call. Call
 * tabs with no session (the extension was just installed or updated) start one.
 */
export function recover(surroundings: Surroundings, clock: Clock = systemClock) {
  // The lock is taken before anything is awaited, so tab events that arrive
  // while the worker starts wait until storage matches the open tabs.
  return withLock(LIFECYCLE_LOCK, async (): Promise<LifecycleEvent[]> => {
    const kind = await surroundings.startKind();
    const browserRestarted = kind === 'browser-start';
    const openTabs = await surroundings.listTabs();
    const { customHosts } = await settings.get();
    const events: LifecycleEvent[] = [];
    if (browserRestarted) {
      await endedTabs.set({});
    }
    // Only at a browser start (or an install or update): not each time the worker wakes, as it may read every session.
    if (kind !== 'wake') await repairLists();
    await writePendingRecords();
    const running = briefs(await openSessions.get()).filter(
      (entry) => entry.status === 'running' && entry.tabId !== null,
    );
    const stillRunning = new Set<number>();
    for (const brief of running) {
      const tab = browserRestarted ? undefined : openTabs.find((candidate) => candidate.id === brief.tabId);
      const call = tab ? detectCall(tab.url, customHosts) : null;
      if (tab && call && call.platform === brief.platform) {
        stillRunning.add(tab.id);
        continue;
      }
      const reason: EndReason = browserRestarted ? 'browser-closed' : tab ? 'navigated-away' : 'tab-closed';
      events.push(...(await end(brief, reason, clock)));
    }
    const marks = await endedTabs.get();
    for (const tab of openTabs) {
      const call = detectCall(tab.url, customHosts);
      if (!call || stillRunning.has(tab.id) || marks[String(tab.id)]) continue;
      events.push(await start('tab', tab.id, call, clock));
    }
    // A session that ended while the worker was being stopped, before its prompt was shown, is prompted now.
    const prompting = new Set(events.map((event) => event.session.id));
    for (const brief of briefs(await openSessions.get())) {
      if (brief.status === 'aftercare-pending' && !brief.prompted && !prompting.has(brief.id)) {
        events.push({ type: 'ended', session: brief });
      }
    }
    return events;
  });
}
