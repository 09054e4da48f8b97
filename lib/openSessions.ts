/** Keeps the brief list of open sessions (see lib/storage/items.ts) in step with the sessions. */
import type { OpenSessions, Session } from './schemas';
import { openSessions } from './storage/items';

export function briefOf(sessions: readonly Session[]): OpenSessions {
  const brief: OpenSessions = {};
  for (const session of sessions) {
    if (session.status === 'complete') continue;
    brief[session.id] = {
      status: session.status,
      tabId: session.tabId,
      platform: session.platform,
      startedAt: session.startedAt,
      endedAt: session.endedAt,
    };
  }
  return brief;
}

export function noteSessionChange(session: Session): Promise<OpenSessions> {
  return openSessions.update((current) => {
    const { [session.id]: _previous, ...others } = current;
    return { ...others, ...briefOf([session]) };
  });
}

export const pendingCount = (brief: OpenSessions) =>
  Object.values(brief).filter((entry) => entry.status === 'aftercare-pending').length;

export function noteSessionRemoved(sessionId: string): Promise<OpenSessions> {
  return openSessions.update((current) => {
    const { [sessionId]: _removed, ...others } = current;
    return others;
  });
}
