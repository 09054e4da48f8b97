/** The brief list of open sessions (see lib/schemas.ts, openSessionsSchema): read helpers. lib/sessions/store.ts writes it. */
import type { OpenSession, OpenSessions, Session } from '../schemas';

export type Brief = OpenSession & { id: string };

/** A session's entry, as its record says (nothing pending, prompted unless told otherwise). */
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
    prompted: true,
  };
}

export const pendingCount = (brief: OpenSessions) =>
  Object.values(brief).filter((entry) => entry.status === 'aftercare-pending').length;

export const briefs = (brief: OpenSessions): Brief[] => Object.entries(brief).map(([id, entry]) => ({ ...entry, id }));
