/** What the charts draw: sessions per day, how each checklist item went, and notes waiting by age. Pure. */
import { itemLabel } from './checklist';
import { dayKey, lastDays, sessionsPerDay, startOfDay } from './days';
import type { AgreementState } from './schemas';
import { agreementsOf, type Digest, type DigestEntry } from './sessions/digest';

export interface DayCount {
  day: string;
  count: number;
}

export function sessionsPerDayChart(
  all: readonly Pick<DigestEntry, 'startedAt'>[],
  now: number,
  days = 30,
): DayCount[] {
  const counts = sessionsPerDay(all);
  return lastDays(now, days).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

export interface ItemOutcome {
  itemId: string;
  text: string;
  counts: Record<AgreementState, number>;
}

/** For each agreement, how often it was agreed, declined, not discussed or not applicable, most declined first. */
export function agreementOutcomes(digest: Digest): ItemOutcome[] {
  const outcomes = new Map<string, ItemOutcome>();
  for (const session of Object.values(digest.entries)) {
    for (const [itemId, state] of agreementsOf(digest, session)) {
      const outcome = outcomes.get(itemId) ?? {
        itemId,
        // A default item in the current language; any other in its recorded words. Own keys only: an id such as
        // "constructor" must not find Object.prototype's.
        text: itemLabel(itemId, (Object.hasOwn(digest.texts, itemId) ? digest.texts[itemId] : undefined) ?? itemId),
        counts: { agreed: 0, declined: 0, 'not-discussed': 0, 'not-applicable': 0 },
      };
      outcome.counts[state]++;
      outcomes.set(itemId, outcome);
    }
  }
  return [...outcomes.values()].sort((a, b) => b.counts.declined - a.counts.declined || a.text.localeCompare(b.text));
}

export const AGE_BUCKETS = ['today', '1-2 days', '3-7 days', 'over a week'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Aftercare notes still to write, by how many local days ago their call ended. */
export function pendingByAge(
  all: readonly Pick<DigestEntry, 'status' | 'startedAt' | 'endedAt'>[],
  now: number,
): Record<AgeBucket, number> {
  const buckets: Record<AgeBucket, number> = { today: 0, '1-2 days': 0, '3-7 days': 0, 'over a week': 0 };
  const today = startOfDay(now);
  for (const session of all) {
    if (session.status !== 'aftercare-pending') continue;
    const ended = session.endedAt ?? session.startedAt;
    const days = Math.round((today - startOfDay(ended)) / (24 * 60 * 60 * 1000));
    const bucket: AgeBucket =
      dayKey(ended) === dayKey(now) ? 'today' : days <= 2 ? '1-2 days' : days <= 7 ? '3-7 days' : 'over a week';
    buckets[bucket]++;
  }
  return buckets;
}
