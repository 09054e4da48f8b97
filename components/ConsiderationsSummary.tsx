/** Which way the client's answers point, with the reasons, and never a verdict. */
import { type ConsiderationsSummary as Summary, summarise } from '../lib/considerations';
import { t } from '../lib/i18n';
import type { Client } from '../lib/schemas';
import { formatDate } from '../lib/time';

const GROUPS = ['digital', 'face-to-face', 'hybrid', 'unsure', 'neutral'] as const;

export function ConsiderationsSummary({ client, headingLevel = 'h3' }: { client: Client; headingLevel?: 'h2' | 'h3' }) {
  const summary: Summary = summarise(client.considerations);
  const Heading = headingLevel;
  const answered = GROUPS.some((group) => summary[group].length > 0);
  return (
    <div className="stack">
      <p className="muted small">{t('considerationsNoVerdict')}</p>
      {!answered && <p>{t('considerationsNone')}</p>}
      {GROUPS.map((group) =>
        summary[group].length === 0 ? null : (
          <section key={group} aria-label={t(`direction.${group}`)}>
            <Heading>{t(`direction.${group}`)}</Heading>
            <ul>
              {summary[group].map((reason) => (
                <li key={reason.id}>
                  {reason.why}{' '}
                  <span className="muted small">
                    ({reason.question} {t(`considerationAnswer.${reason.answer}`)}
                    {client.considerations[reason.id] &&
                      `, ${t('considerationsAnsweredOn', { date: formatDate(client.considerations[reason.id]?.answeredAt ?? 0) })}`}
                    )
                  </span>
                  {reason.note.trim().length > 0 && <p className="small">{reason.note}</p>}
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
      {answered && summary.unanswered.length > 0 && (
        <p className="muted small">{t('considerationsUnanswered', { count: summary.unanswered.length })}</p>
      )}
    </div>
  );
}
