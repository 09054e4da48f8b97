/**
 * Changes a practitioner makes to a session from any page. Each change is
 * saved the moment it is made, under the session's lock, so the popup, the
 * side panel and the aftercare page can all edit the same session safely.
 */

import type { Session } from './schemas';
import { noteSessionChange } from './sessions/openList';
import { sessions } from './storage/items';

export class SessionMissingError extends Error {
  constructor(id: string) {
    super(`session ${id} is no longer stored`);
  }
}

export async function changeSession(id: string, change: (session: Session, now: number) => Session): Promise<Session> {
  let statusBefore: Session['status'] | undefined;
  const changed = await sessions.update(id, (current) => {
    statusBefore = current.status;
    return change(current, Date.now());
  });
  if (!changed) throw new SessionMissingError(id);
  if (changed.status !== statusBefore) await noteSessionChange(changed);
  return changed;
}
