/** Retention: which completed sessions are past the period the practitioner chose. Pure. */
import type { Session } from './schemas';

const DAY = 24 * 60 * 60 * 1000;

export interface RetentionDue {
  ids: string[];
  oldest: number | null;
  newest: number | null;
}

/** Completed sessions whose call started more than `days` days ago. Running and pending ones are never due. */
export function dueForDeletion(all: readonly Session[], days: number | null, now: number): RetentionDue {
  if (days === null) return { ids: [], oldest: null, newest: null };
  const due = all.filter((session) => session.status === 'complete' && session.startedAt < now - days * DAY);
  const starts = due.map((session) => session.startedAt);
  return {
    ids: due.map((session) => session.id),
    oldest: starts.length > 0 ? Math.min(...starts) : null,
    newest: starts.length > 0 ? Math.max(...starts) : null,
  };
}
