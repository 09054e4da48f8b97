/**
 * The session lifecycle: which tab's call starts a session, and what ends one.
 * Every step reads and writes storage under one lock, so events arriving
 * together (a tab's several updates, a close during a reload) and a service
 * worker that was stopped in between all come out the same.
 *
 * Returns what happened; the background turns that into badges and prompts.
 */
import { templateForNewSession } from './caseload';
import { briefOf, noteSessionChange } from './openSessions';
import { type Call, detectCall } from './platforms';
import type { EndReason, Session, SessionPlatform } from './schemas';
import { createSession, endSession } from './session';
import { endedTabs, openSessions, sessions } from './storage/items';
import { withLock } from './storage/lock';

export type LifecycleEvent =
  | { type: 'started'; session: Session }
  /** The same call loaded again (a reload, a new page of the same call): the browser has reset the tab's badge. */
  | { type: 'continued'; session: Session }
  | { type: 'ended'; session: Session };

export interface Clock {
  now(): number;
  newId(): string;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

const LIFECYCLE_LOCK = 'lifecycle';

async function runningForTab(tabId: number): Promise<Session | undefined> {
  const brief = await openSessions.get();
  const id = Object.keys(brief).find((key) => brief[key]?.status === 'running' && brief[key]?.tabId === tabId);
  const session = id === undefined ? undefined : await sessions.get(id);
  return session?.status === 'running' ? session : undefined;
}

async function end(session: Session, reason: EndReason, clock: Clock): Promise<LifecycleEvent[]> {
  const ended = await sessions.update(session.id, (current) => endSession(current, reason, clock.now()));
  if (!ended) return [];
  await noteSessionChange(ended);
  return session.status === 'running' && ended.status !== 'running' ? [{ type: 'ended', session: ended }] : [];
}

async function start(tabId: number, call: Call, clock: Clock): Promise<LifecycleEvent> {
  const session = createSession({
    id: clock.newId(),
    origin: 'tab',
    platform: call.platform,
    host: call.host,
    tabId,
    template: await templateForNewSession(),
    now: clock.now(),
  });
  await sessions.put(session);
  await noteSessionChange(session);
  return { type: 'started', session };
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
    const call = detectCall(url);
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
    events.push(await start(tabId, call, clock));
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
    const session = await sessions.get(sessionId);
    if (session?.status !== 'running') return [];
    if (session.tabId !== null && session.host !== null) {
      const tabKey = String(session.tabId);
      const mark = { platform: session.platform, host: session.host, at: clock.now() };
      await endedTabs.update((marks) => ({ ...marks, [tabKey]: mark }));
    }
    return end(session, 'ended-by-practitioner', clock);
  });
}

/** The practitioner asks for a new session on a call tab whose session they ended. */
export async function restartOnTab(tabId: number, url: string | undefined, clock: Clock = systemClock) {
  await withLock(LIFECYCLE_LOCK, () => forgetEndedMark(tabId));
  return observeTab(tabId, url, clock);
}

export function startByHand(platform: SessionPlatform, clock: Clock = systemClock) {
  return withLock(LIFECYCLE_LOCK, async (): Promise<LifecycleEvent[]> => {
    const session = createSession({
      id: clock.newId(),
      origin: 'manual',
      platform,
      host: null,
      tabId: null,
      template: await templateForNewSession(),
      now: clock.now(),
    });
    await sessions.put(session);
    await noteSessionChange(session);
    return [{ type: 'started', session }];
  });
}

export interface OpenTab {
  id: number;
  url: string | undefined;
}

/**
 * Brings storage in line with the tabs that are open when the service worker
 * starts. After a browser restart tab ids start again, so every session that
 * was running in a tab ends and waits for its aftercare note. After a stopped
 * worker wakes, a session ends only if its tab is gone or left the call. Call
 * tabs with no session (the extension was just installed or updated) start one.
 */
export interface Surroundings {
  listTabs(): Promise<OpenTab[]>;
  /** True when the browser itself has started since the last look (so tab ids from before mean nothing). */
  browserRestarted(): Promise<boolean>;
}

export function recover(surroundings: Surroundings, clock: Clock = systemClock) {
  // The lock is taken before anything is awaited, so tab events that arrive
  // while the worker starts wait until storage matches the open tabs.
  return withLock(LIFECYCLE_LOCK, async (): Promise<LifecycleEvent[]> => {
    const browserRestarted = await surroundings.browserRestarted();
    const openTabs = await surroundings.listTabs();
    const events: LifecycleEvent[] = [];
    if (browserRestarted) await endedTabs.set({});
    const all = await sessions.all();
    await openSessions.set(briefOf(all));
    const running = all.filter((session) => session.status === 'running' && session.tabId !== null);
    const stillRunning = new Set<number>();
    for (const session of running) {
      const tab = browserRestarted ? undefined : openTabs.find((candidate) => candidate.id === session.tabId);
      const call = tab ? detectCall(tab.url) : null;
      if (tab && call && call.platform === session.platform) {
        stillRunning.add(tab.id);
        continue;
      }
      const reason: EndReason = browserRestarted ? 'browser-closed' : tab ? 'navigated-away' : 'tab-closed';
      events.push(...(await end(session, reason, clock)));
    }
    const marks = await endedTabs.get();
    for (const tab of openTabs) {
      const call = detectCall(tab.url);
      if (!call || stillRunning.has(tab.id) || marks[String(tab.id)]) continue;
      events.push(await start(tab.id, call, clock));
    }
    return events;
  });
}
