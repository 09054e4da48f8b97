/**
 * Agreements carried over from a client's previous session. Pure. Shown beside
 * each item; nothing becomes agreed today without the practitioner's click.
 */

import type { Session } from './schemas';
import { type Digest, rowsOf } from './sessions/digest';
import type { Carried } from './sessions/model';

/**
 * The id of the client's most recent session before this one that recorded
 * any agreement, found in the digest so no other session record is read.
 */
export function previousSessionId(digest: Digest, current: Session): string | undefined {
  if (current.clientId === null) return undefined;
  return rowsOf(digest)
    .filter(
      (row) =>
        row.id !== current.id &&
        row.clientId === current.clientId &&
        row.startedAt < current.startedAt &&
        /[adx]/.test(row.states),
    )
    .sort((a, b) => b.startedAt - a.startedAt)[0]?.id;
}

/**
 * For each agreement of today's checklist that was recorded last time (under
 * the same item id), what it was. Items new today, or not discussed last
 * time, carry nothing over.
 */
export function carriedOver(previous: Session | undefined, current: Session): Record<string, Carried> {
  // Keyed by item ids, which came from a template file: no prototype for an id to reach.
  const carried: Record<string, Carried> = Object.create(null);
  if (!previous) return carried;
  for (const item of current.template.items) {
    if (item.kind !== 'agreement' || !Object.hasOwn(previous.agreements, item.id)) continue;
    const record = previous.agreements[item.id];
    if (!record || record.state === 'not-discussed') continue;
    carried[item.id] = {
      sessionId: previous.id,
      state: record.state,
      note: record.note,
      at: record.changedAt ?? previous.startedAt,
    };
  }
  return carried;
}

/** The carried-over items not yet recorded today: what "Re-confirm all" would confirm. */
export function stillToReconfirm(carried: Record<string, Carried>, current: Session): string[] {
  return Object.keys(carried).filter(
    (itemId) => !Object.hasOwn(current.agreements, itemId) || current.agreements[itemId]?.state === 'not-discussed',
  );
}
