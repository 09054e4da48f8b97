/** Keeps the brief list of open sessions (see lib/schemas.ts, openSessionsSchema) in step with the sessions. */
import type { OpenSession, OpenSessions, Session } from '../schemas';
import { openSessions } from '../storage/items';

export type Brief = OpenSession & { id: string };

export function briefOf(session: Session): OpenSession {
  return {
    status: session.status === 'complete' ? 'aftercare-pending' : session.status,
    origin: session.origin,
    tabId: session.tabId,
    platform: session.platform,
    host: session.host,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    endReason: session.endReason,
    pending: null,
  };
}

/** After a session's own record changed: its entry follows, and a complete session leaves the list. */
export function noteSessionChange(session: Session): Promise<OpenSessions> {
  return openSessions.update((current) => {
    const { [session.id]: _previous, ...others } = current;
    return session.status === 'complete' ? others : { ...others, [session.id]: briefOf(session) };
  });
}

export function noteSessionRemoved(sessionId: string): Promise<OpenSessions> {
  return openSessions.update((current) => {
    const { [sessionId]: _removed, ...others } = current;
    return others;
  });
}

export const pendingCount = (brief: OpenSessions) =>
  Object.values(brief).filter((entry) => entry.status === 'aftercare-pending').length;

export const briefs = (brief: OpenSessions): Brief[] => Object.entries(brief).map(([id, entry]) => ({ ...entry, id }));
