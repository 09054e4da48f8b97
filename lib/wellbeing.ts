/** The practitioner's own week, for their eyes only: ratings after sessions, days over the limit, supervision asked for. Pure. */
import { dayKey, daysOverLimit, weekKey } from './days';
import type { DigestEntry } from './sessions/digest';

export const SELF_RATINGS = ['good', 'okay', 'tired', 'strained'] as const;
export type SelfRating = (typeof SELF_RATINGS)[number];

export interface WeekSummary {
  week: string;
  sessions: number;
  ratings: Record<SelfRating, number>;
  /** Sessions that started on a day over the daily maximum. */
  overLimitSessions: number;
  supervisionAsked: number;
}

export function weeklyWellbeing(
  all: readonly Pick<DigestEntry, 'startedAt' | 'selfRating' | 'supervision'>[],
  maximum: number | null,
  weeks: readonly string[],
): WeekSummary[] {
  const overDays = daysOverLimit(all, maximum);
  const summaries = new Map<string, WeekSummary>(
    weeks.map((week) => [
      week,
      {
        week,
        sessions: 0,
        ratings: { good: 0, okay: 0, tired: 0, strained: 0 },
        overLimitSessions: 0,
        supervisionAsked: 0,
      },
    ]),
  );
  for (const session of all) {
    const summary = summaries.get(weekKey(session.startedAt));
    if (!summary) continue;
    summary.sessions++;
    const rating = session.selfRating;
    if (rating) summary.ratings[rating]++;
    if (overDays.has(dayKey(session.startedAt))) summary.overLimitSessions++;
    if (session.supervision) summary.supervisionAsked++;
  }
  return weeks.map((week) => summaries.get(week) as WeekSummary);
}
