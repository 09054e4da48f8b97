/**
 * The anonymous practice summary (lib/practiceSummary.ts): a period to choose,
 * its figures as tables, and a CSV or a printed page for the practitioner to
 * hand over. The digest says which sessions started in the period; only those
 * records are read.
 */
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useStored } from '../../components/useStored';
import { dayKey } from '../../lib/days';
import { currentLocale, t } from '../../lib/i18n';
import { errorDetail } from '../../lib/i18n/phrases';
import {
  AFTERCARE_TIMINGS,
  FOLLOW_UP_FIGURES,
  followUpLabel,
  isPeriod,
  lastFullMonth,
  monthOf,
  monthPeriod,
  type Period,
  type PracticeSummary,
  practiceSummary,
  previousMonth,
  type RuleFigures,
  ruleLabel,
  summaryToCsv,
  timingLabel,
} from '../../lib/practiceSummary';
import { type AgreementState, agreementStateSchema, type Session } from '../../lib/schemas';
import { type Digest, rowsOf } from '../../lib/sessions/digest';
import { readDigest, watchDigest } from '../../lib/sessions/digestStore';
import { sessions } from '../../lib/sessions/records';
import { settings } from '../../lib/settings';
import { dayCounts, summaryOffer } from '../../lib/storage/items';
import { formatDay, formatNumber } from '../../lib/time';
import { saveFile } from './download';

const STATES: readonly AgreementState[] = agreementStateSchema.options;

/** The records of the sessions that started in the period, read again when the digest changes. */
function useSessionsIn(digest: Digest | undefined, period: Period) {
  const [loaded, setLoaded] = useState<{ from: string; to: string; sessions: Session[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const valid = isPeriod(period);
  useEffect(() => {
    if (!digest || !valid) return;
    let live = true;
    const ids = rowsOf(digest)
      .filter((row) => {
        const day = dayKey(row.startedAt);
        return day >= period.from && day <= period.to;
      })
      .map((row) => row.id);
    Promise.all(ids.map((id) => sessions.get(id))).then(
      (found) => {
        if (!live) return;
        setError(null);
        setLoaded({
          from: period.from,
          to: period.to,
          sessions: found.filter((session): session is Session => session !== undefined),
        });
      },
      (failure: unknown) => {
        if (live) setError(errorDetail(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [digest, valid, period.from, period.to]);
  // While a changed digest is read again, the figures of the same period stay in view.
  const current = loaded && loaded.from === period.from && loaded.to === period.to ? loaded.sessions : undefined;
  return { sessions: current, error };
}

const percent = (share: number) =>
  new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** "2 Nov", "2 nov.": a day within a period whose year is already said. */
const shortDay = (day: string) => {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12).toLocaleDateString(currentLocale(), { day: 'numeric', month: 'short' });
};

function Table({
  caption,
  head,
  children,
  className,
}: {
  caption: string;
  head: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className="card">
      <table className={className}>
        <caption>{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Two columns: what is counted, and the count. */
function FigureTable({ caption, rows }: { caption: string; rows: Array<[string, ReactNode]> }) {
  return (
    <Table
      caption={caption}
      head={
        <tr>
          <th scope="col">{t('summaryFigure')}</th>
          <th scope="col">{t('summaryNumber')}</th>
        </tr>
      }
    >
      {rows.map(([label, value]) => (
        <tr key={label}>
          <th scope="row">{label}</th>
          <td>{value}</td>
        </tr>
      ))}
    </Table>
  );
}

function RuleRow({ name, figures }: { name: string; figures: RuleFigures }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      {STATES.map((state) => (
        <td key={state}>
          {figures.total === 0 ? (
            '—'
          ) : (
            <>
              {formatNumber(figures.counts[state])}{' '}
              <span className="proportion">({percent(figures.shares[state])})</span>
            </>
          )}
        </td>
      ))}
    </tr>
  );
}

function SummaryTables({ summary }: { summary: PracticeSummary }) {
  const ended = AFTERCARE_TIMINGS.reduce((sum, timing) => sum + summary.aftercare[timing], 0);
  return (
    <section aria-labelledby="summary-period" className="summary">
      <h2 id="summary-period">
        {t('summaryPeriod', { from: formatDay(summary.period.from), to: formatDay(summary.period.to) })}
      </h2>
      <p>{t('summaryCount', { count: summary.sessions })}</p>
      <FigureTable
        caption={t('summaryWorkloadHeading')}
        rows={[
          [t('summarySessions'), formatNumber(summary.sessions)],
          [t('summaryDaysWithSessions'), formatNumber(summary.daysWithSessions)],
          [
            t('summaryDailyMaximum'),
            summary.dailyMaximum === null ? t('summaryNoMaximum') : formatNumber(summary.dailyMaximum),
          ],
          [t('summaryDaysOverMaximum'), summary.daysOverMaximum === null ? '—' : formatNumber(summary.daysOverMaximum)],
          [t('summarySupervisionRequested'), formatNumber(summary.supervisionRequested)],
        ]}
      />
      <Table
        caption={t('summaryWeeksHeading')}
        head={
          <tr>
            <th scope="col">{t('summaryWeek')}</th>
            {summary.platforms.map((platform) => (
              <th key={platform} scope="col">
                {t(`platform.${platform}`)}
              </th>
            ))}
            <th scope="col">{t('summaryTotal')}</th>
          </tr>
        }
      >
        {summary.weeks.map((week) => (
          <tr key={week.week}>
            <th scope="row">
              {t('summaryWeekRow', { number: week.number, from: shortDay(week.from), to: shortDay(week.to) })}
            </th>
            {summary.platforms.map((platform) => (
              <td key={platform}>{formatNumber(week.byPlatform[platform])}</td>
            ))}
            <td>{formatNumber(week.total)}</td>
          </tr>
        ))}
      </Table>
      <Table
        className="rule-figures"
        caption={t('summaryRulesHeading')}
        head={
          <tr>
            <th scope="col">{t('summaryRule')}</th>
            {STATES.map((state) => (
              <th key={state} scope="col">
                {t(`agreementState.${state}`)}
              </th>
            ))}
          </tr>
        }
      >
        {summary.rules.map((rule) => (
          <RuleRow key={rule.id} name={ruleLabel(rule.id)} figures={rule} />
        ))}
        <RuleRow name={t('summaryOtherRules')} figures={summary.otherRules} />
      </Table>
      <p className="muted small">{t('summaryRulesNote')}</p>
      <Table
        caption={t('summaryAftercareHeading')}
        head={
          <tr>
            <th scope="col">{t('summaryAftercareWhen')}</th>
            <th scope="col">{t('summarySessions')}</th>
          </tr>
        }
      >
        {AFTERCARE_TIMINGS.map((timing) => (
          <tr key={timing}>
            <th scope="row">{timingLabel(timing)}</th>
            <td>
              {formatNumber(summary.aftercare[timing])}
              {ended > 0 && (
                <>
                  {' '}
                  <span className="proportion">({percent(summary.aftercare[timing] / ended)})</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <FigureTable
        caption={t('summaryFollowUpsHeading')}
        rows={FOLLOW_UP_FIGURES.map((figure) => [followUpLabel(figure), formatNumber(summary.followUps[figure])])}
      />
    </section>
  );
}

/** The offer a policy makes each month stops once last month's summary is handed over (downloaded or printed). */
function handedOver(period: Period) {
  const month = monthOf(period);
  if (month !== null && month === previousMonth(Date.now())) {
    summaryOffer.set({ handledMonth: month }).catch(() => undefined);
  }
}

/** `month`: a month to show ("2026-10", from the monthly offer's link); by default the last full month. */
export function SummaryView({ month }: { month?: string }) {
  const ids = { from: useId(), to: useId() };
  const [period, setPeriod] = useState<Period>(() => (month ? monthPeriod(month) : lastFullMonth(Date.now())));
  const [status, setStatus] = useState<string | null>(null);
  const digest = useStored(readDigest, watchDigest, 'digest');
  const counts = useStored(() => dayCounts.get(), dayCounts.watch, 'dayCounts');
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  const found = useSessionsIn(digest.value, period);
  const valid = isPeriod(period);
  const summary = useMemo(
    () =>
      valid && found.sessions && counts.value && stored.value
        ? practiceSummary({
            sessions: found.sessions,
            dayCounts: counts.value,
            dailyMaximum: stored.value.maxSessionsPerDay,
            period,
          })
        : null,
    [valid, found.sessions, counts.value, stored.value, period],
  );
  const choose = (patch: Partial<Period>) => {
    setPeriod({ ...period, ...patch });
    setStatus(null);
  };
  const loadError = found.error ?? digest.error ?? counts.error ?? stored.error;
  return (
    <>
      <h1 tabIndex={-1}>{t('summaryTitle')}</h1>
      <p>{t('summaryIntro')}</p>
      <p>{t('summaryIntroNot')}</p>
      <form
        className="card stack no-print"
        aria-label={t('summaryPeriodLabel')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="row">
          <div className="field">
            <label htmlFor={ids.from}>{t('summaryFrom')}</label>
            <input
              id={ids.from}
              type="date"
              value={period.from}
              max={period.to || undefined}
              onChange={(event) => choose({ from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('summaryTo')}</label>
            <input
              id={ids.to}
              type="date"
              value={period.to}
              min={period.from || undefined}
              onChange={(event) => choose({ to: event.target.value })}
            />
          </div>
        </div>
        {!valid && (
          <p className="error" role="alert">
            {t('summaryPeriodInvalid')}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={!summary}
            onClick={() => {
              if (!summary) return;
              saveFile(
                `callcare-practice-summary-${summary.period.from}-${summary.period.to}.csv`,
                summaryToCsv(summary),
                'text/csv',
              );
              handedOver(summary.period);
              setStatus(t('summaryDownloaded'));
            }}
          >
            {t('summaryDownload')}
          </button>
          <button
            type="button"
            disabled={!summary}
            onClick={() => {
              if (!summary) return;
              handedOver(summary.period);
              window.print();
            }}
          >
            {t('summaryPrint')}
          </button>
        </div>
        <p role="status" className="muted small">
          {status}
        </p>
      </form>
      {loadError ? (
        <p className="error" role="alert">
          {t('errorGeneric', { detail: loadError })}
        </p>
      ) : valid && !summary ? (
        <p>{t('loading')}</p>
      ) : summary ? (
        <SummaryTables summary={summary} />
      ) : null}
    </>
  );
}
