/**
 * Plain SVG charts, coloured from the page's theme (light or dark), each with
 * the same numbers in a table for screen readers and anyone who prefers one.
 */
import type { ReactNode } from 'react';
import type { AgeBucket, DayCount, ItemOutcome } from '../lib/charts';
import { AGE_BUCKETS } from '../lib/charts';
import { t } from '../lib/i18n';
import type { AgreementState } from '../lib/schemas';
import { formatDay } from '../lib/time';

function Figure({
  title,
  summary,
  chart,
  table,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="chart card">
      <figcaption>
        <strong>{title}</strong>
        <p className="muted small">{summary}</p>
      </figcaption>
      {chart}
      <details>
        <summary>{t('chartShowTable')}</summary>
        {table}
      </details>
    </figure>
  );
}

export function SessionsPerDayChart({ days, maximum }: { days: DayCount[]; maximum: number | null }) {
  const width = 600;
  const height = 180;
  const top = Math.max(1, maximum ?? 0, ...days.map((day) => day.count));
  const barWidth = width / days.length;
  const y = (value: number) => height - (value / top) * (height - 16);
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const [first, last] = [days[0], days.at(-1)];
  const perDaySummary =
    maximum === null ? t('chartPerDaySummary', { total }) : t('chartPerDaySummaryMaximum', { total, maximum });
  return (
    <Figure
      title={t('chartPerDay')}
      summary={perDaySummary}
      chart={
        <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={perDaySummary}>
          {days.map((day, index) => (
            <rect
              key={day.day}
              x={index * barWidth + 2}
              y={y(day.count)}
              width={barWidth - 4}
              height={height - y(day.count)}
              className={maximum !== null && day.count > maximum ? 'bar over' : 'bar'}
            />
          ))}
          {maximum !== null && (
            <>
              <line x1={0} x2={width} y1={y(maximum)} y2={y(maximum)} className="limit-line" />
              <text x={width - 4} y={y(maximum) - 4} textAnchor="end" className="chart-label">
                {t('chartMaxLine', { maximum })}
              </text>
            </>
          )}
          <line x1={0} x2={width} y1={height} y2={height} className="axis" />
          <text x={0} y={height + 16} className="chart-label">
            {first && formatDay(first.day)}
          </text>
          <text x={width} y={height + 16} textAnchor="end" className="chart-label">
            {last && formatDay(last.day)}
          </text>
        </svg>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('chartDay')}</th>
              <th scope="col">{t('chartSessions')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{formatDay(day.day)}</th>
                <td>{day.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

const STATES: readonly AgreementState[] = ['agreed', 'declined', 'not-discussed', 'not-applicable'];

export function OutcomesChart({ outcomes }: { outcomes: ItemOutcome[] }) {
  const width = 600;
  const row = 26;
  const labelWidth = 0;
  return (
    <Figure
      title={t('chartOutcomes')}
      summary={t('chartOutcomesSummary')}
      chart={
        <div>
          <ul className="legend plain row small" aria-hidden="true">
            {STATES.map((state) => (
              <li key={state}>
                <span className={`swatch swatch-${state}`} /> {t(`agreementState.${state}`)}
              </li>
            ))}
          </ul>
          <svg viewBox={`0 0 ${width} ${outcomes.length * row * 2}`} role="img" aria-label={t('chartOutcomesSummary')}>
            {outcomes.map((outcome, index) => {
              const total = STATES.reduce((sum, state) => sum + outcome.counts[state], 0) || 1;
              let x = labelWidth;
              return (
                <g key={outcome.itemId} transform={`translate(0 ${index * row * 2})`}>
                  <text x={0} y={14} className="chart-label">
                    {outcome.text.length > 90 ? `${outcome.text.slice(0, 89)}…` : outcome.text}
                  </text>
                  {STATES.map((state) => {
                    const segment = ((width - labelWidth) * outcome.counts[state]) / total;
                    const rect = (
                      <rect key={state} x={x} y={row - 6} width={segment} height={row - 8} className={`seg-${state}`} />
                    );
                    x += segment;
                    return rect;
                  })}
                </g>
              );
            })}
          </svg>
        </div>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('chartRule')}</th>
              {STATES.map((state) => (
                <th key={state} scope="col">
                  {t(`agreementState.${state}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outcomes.map((outcome) => (
              <tr key={outcome.itemId}>
                <th scope="row">{outcome.text}</th>
                {STATES.map((state) => (
                  <td key={state}>{outcome.counts[state]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function PendingAgeChart({ buckets }: { buckets: Record<AgeBucket, number> }) {
  const width = 600;
  const row = 30;
  const top = Math.max(1, ...AGE_BUCKETS.map((bucket) => buckets[bucket]));
  const total = AGE_BUCKETS.reduce((sum, bucket) => sum + buckets[bucket], 0);
  return (
    <Figure
      title={t('chartPending')}
      summary={t('workdayEndPending', { count: total })}
      chart={
        <svg
          viewBox={`0 0 ${width} ${AGE_BUCKETS.length * row}`}
          role="img"
          aria-label={t('workdayEndPending', { count: total })}
        >
          {AGE_BUCKETS.map((bucket, index) => (
            <g key={bucket} transform={`translate(0 ${index * row})`}>
              <text x={0} y={19} className="chart-label">
                {t(`age.${bucket}`)}
              </text>
              <rect x={130} y={6} width={((width - 170) * buckets[bucket]) / top} height={row - 12} className="bar" />
              <text x={width - 4} y={19} textAnchor="end" className="chart-label">
                {buckets[bucket]}
              </text>
            </g>
          ))}
        </svg>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('chartAge')}</th>
              <th scope="col">{t('chartNotes')}</th>
            </tr>
          </thead>
          <tbody>
            {AGE_BUCKETS.map((bucket) => (
              <tr key={bucket}>
                <th scope="row">{t(`age.${bucket}`)}</th>
                <td>{buckets[bucket]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
