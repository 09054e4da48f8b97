/** Which way the client's answers point, with the reasons, and never a verdict. */
import { type ConsiderationsSummary as Summary, summarise } from '../lib/considerations';
import { considerationAnswerNames, directionNames, m } from '../lib/messages';
import type { Client } from '../lib/schemas';
import { formatDate } from '../lib/time';

const GROUPS = ['digital', 'face-to-face', 'hybrid', 'unsure', 'neutral'] as const;

export function ConsiderationsSummary({ client, headingLevel = 'h3' }: { client: Client; headingLevel?: 'h2' | 'h3' }) {
  const summary: Summary = summarise(client.considerations);
  const Heading = headingLevel;
  const answered = GROUPS.some((group) => summary[group].length > 0);
  return (
    <div className="stack">
      <p className="muted small">{m.considerationsNoVerdict}</p>
      {!answered && <p>{m.considerationsNone}</p>}
      {GROUPS.map((group) =>
        summary[group].length === 0 ? null : (
          <section key={group} aria-label={directionNames[group]}>
            <Heading>{directionNames[group]}</Heading>
            <ul>
              {summary[group].map((reason) => (
                <li key={reason.id}>
                  {reason.why}{' '}
                  <span className="muted small">
                    ({reason.question} {considerationAnswerNames[reason.answer]}
                    {client.considerations[reason.id] &&
                      `, ${m.considerationsAnsweredOn(formatDate(client.considerations[reason.id]?.answeredAt ?? 0))}`}
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
        <p className="muted small">{m.considerationsUnanswered(summary.unanswered.length)}</p>
      )}
    </div>
  );
}
