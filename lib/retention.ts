/** Retention: which completed sessions are past the period the practitioner chose. Pure. */
import type { SessionStatus } from './schemas';

const DAY = 24 * 60 * 60 * 1000;

/** What retention needs to know of a session: a digest row (lib/sessions/digest.ts) or a whole session. */
export interface RetentionRow {
  id: string;
  startedAt: number;
  status: SessionStatus;
}

export interface RetentionDue {
  ids: string[];
  oldest: number | null;
  newest: number | null;
}

/** Completed sessions whose call started more than `days` days ago. Running and pending ones are never due. */
export function dueForDeletion(rows: readonly RetentionRow[], days: number | null, now: number): RetentionDue {
  if (days === null) return { ids: [], oldest: null, newest: null };
  const ids: string[] = [];
  let oldest: number | null = null;
  let newest: number | null = null;
  for (const row of rows) {
    if (row.status !== 'complete' || row.startedAt >= now - days * DAY) continue;
    ids.push(row.id);
    // Not Math.min(...starts): thousands of arguments can overflow the stack.
    if (oldest === null || row.startedAt < oldest) oldest = row.startedAt;
    if (newest === null || row.startedAt > newest) newest = row.startedAt;
  }
  return { ids, oldest, newest };
}
