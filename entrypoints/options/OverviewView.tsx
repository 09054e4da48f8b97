import { useMemo } from 'react';
import { OutcomesChart, PendingAgeChart, SessionsPerDayChart } from '../../components/Charts';
import { useDigest } from '../../components/useDigest';
import { useStored } from '../../components/useStored';
import { agreementOutcomes, pendingByAge, sessionsPerDayChart } from '../../lib/charts';
import { lastWeeks } from '../../lib/days';
import { t } from '../../lib/i18n';
import { readSince } from '../../lib/sessions/digestStore';
import { settings } from '../../lib/settings';
import { formatDay } from '../../lib/time';
import { SELF_RATINGS, weeklyWellbeing } from '../../lib/wellbeing';

function WellbeingWeeks({ weeks }: { weeks: ReturnType<typeof weeklyWellbeing> }) {
  return (
    <section aria-labelledby="weeks" className="card">
      <h2 id="weeks" style={{ marginTop: 0 }}>
        {t('chartWeeks')}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('chartWeek')}</th>
            <th scope="col">{t('chartSessions')}</th>
            <th scope="col">{t('chartSelfRatings')}</th>
            <th scope="col">{t('chartOverLimitSessions')}</th>
            <th scope="col">{t('chartSupervision')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.week}>
              <th scope="row">{formatDay(week.week)}</th>
              <td>{week.sessions}</td>
              <td>
                {SELF_RATINGS.filter((rating) => week.ratings[rating] > 0)
                  .map((rating) => `${t(`selfRating.${rating}`)} ${week.ratings[rating]}`)
                  .join(', ') || '—'}
              </td>
              <td>{week.overLimitSessions}</td>
              <td>{week.supervisionAsked}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The weeks of the wellbeing table. */
const WEEKS = 6;

export function OverviewView() {
  const now = Date.now();
  // The last weeks first, with the notes still to write, for every chart but the outcomes; those right after.
  const digest = useDigest(() => readSince(now - WEEKS * 7 * 24 * 60 * 60 * 1000), 'overview');
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  const data = useMemo(() => {
    if (!digest.value || !stored.value) return null;
    const rows = Object.values(digest.value.digest.entries);
    return {
      perDay: sessionsPerDayChart(rows, now),
      outcomes: digest.value.complete ? agreementOutcomes(digest.value.digest) : null,
      pending: pendingByAge(rows, now),
      weeks: weeklyWellbeing(rows, stored.value.maxSessionsPerDay, lastWeeks(now, WEEKS)),
    };
  }, [digest.value, stored.value, now]);
  return (
    <>
      <h1 tabIndex={-1}>{t('overviewTitle')}</h1>
      {!data || !stored.value ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <SessionsPerDayChart days={data.perDay} maximum={stored.value.maxSessionsPerDay} />
          {stored.value.wellbeingView && <WellbeingWeeks weeks={data.weeks} />}
          <PendingAgeChart buckets={data.pending} />
          {data.outcomes === null ? (
            <p role="status">{t('loading')}</p>
          ) : data.outcomes.length > 0 ? (
            <OutcomesChart outcomes={data.outcomes} />
          ) : (
            <p>{t('chartNoData')}</p>
          )}
        </>
      )}
    </>
  );
}
