/** A session shown with its changes at once, each saved under the session's lock (see useOptimistic). */
import { changeSession } from '../lib/record';
import type { Session } from '../lib/schemas';
import { type Change, useOptimistic } from './useOptimistic';

export type SessionChange = Change<Session>;

export function useSessionEditor(stored: Session) {
  const { value, save, error } = useOptimistic(stored, (change) => changeSession(stored.id, change));
  return { session: value, save, error };
}
