/** A session's checklist record, read-only: what the aftercare page shows beside the note. */
import { itemsInPhase, PHASES } from '../lib/checklist';
import { t } from '../lib/i18n';
import type { Session } from '../lib/schemas';
import { formatClock } from '../lib/time';
import { ProgressLine } from './ProgressLine';

export function SessionRecord({ session }: { session: Session }) {
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{t('aftercareRecordHeading')}</h2>
      {session.endReason && (
        <p className="muted small">{t('aftercareEndReason', { reason: t(`endReason.${session.endReason}`) })}</p>
      )}
      <ProgressLine session={session} />
      {PHASES.map((phase) => (
        <div key={phase}>
          <h3>{t(`phase.${phase}`)}</h3>
          <dl className="record">
            {itemsInPhase(session.template.items, phase).map((item) => {
              if (item.kind === 'check') {
                const ticked = session.checks[item.id]?.checked === true;
                return (
                  <div key={item.id}>
                    <dt>{item.text}</dt>
                    <dd>{ticked ? t('aftercareChecked') : t('aftercareNothingChecked')}</dd>
                  </div>
                );
              }
              const record = session.agreements[item.id];
              const state = record?.state ?? 'not-discussed';
              return (
                <div key={item.id}>
                  <dt>{item.text}</dt>
                  <dd>
                    <span className={`state-${state}`}>{t(`agreementState.${state}`)}</span>
                    {record?.changedAt != null && (
                      <span className="muted small"> · {formatClock(record.changedAt)}</span>
                    )}
                    {record && record.note.trim().length > 0 && <p className="small">{record.note}</p>}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
      <h3>{t('panelPresentHeading')}</h3>
      {session.people.length === 0 ? (
        <p className="muted small">{t('aftercareNoneNoted')}</p>
      ) : (
        <ul>
          {session.people.map((person) => (
            <li key={person.id}>
              {t(`side.${person.side}`)}: {t(`role.${person.role}`)} {person.name}
              <span className="muted small">
                {' '}
                · {formatClock(person.notedAt)}
                {person.joinedLater && ` · ${t('panelJoinedLater')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
