import { useEffect } from 'react';
import { SessionRecord } from '../../components/SessionRecord';
import { useStored } from '../../components/useStored';
import { formatContactDate } from '../../lib/followUps';
import { t } from '../../lib/i18n';
import type { Session } from '../../lib/schemas';
import { sessions } from '../../lib/sessions/records';
import { clients } from '../../lib/storage/items';
import { formatClock, formatDate, formatDateTime } from '../../lib/time';

/** A print view of one session: the browser's "Save as PDF" makes the PDF. */
function Note({ session }: { session: Session }) {
  const note = session.aftercare;
  const rows: Array<[string, string]> = [
    [
      t('aftercareClientSeemed'),
      [note.clientSeemed ? t(`clientSeemed.${note.clientSeemed}`) : '', note.clientSeemedNote]
        .filter(Boolean)
        .join(' · '),
    ],
    [t('aftercareConcerns'), note.concerns],
    [
      t('aftercareFollowUpToday'),
      note.followUpToday
        ? note.followUpDoneAt !== null
          ? `✓ · ${t('aftercareFollowUpDoneAt', { time: formatClock(note.followUpDoneAt) })}`
          : '✓'
        : '',
    ],
    [t('aftercareFollowUp'), note.followUpAgreed],
    [t('aftercareNextContact'), note.nextContact === '' ? '' : formatContactDate(note.nextContact)],
    [t('aftercareOtherHelp'), note.otherHelp],
    [t('aftercareWellbeing'), note.wellbeing],
    [t('aftercareSupervision'), note.wantsSupervision ? '✓' : ''],
  ];
  return (
    <section aria-labelledby="note-heading">
      <h2 id="note-heading">{t('aftercareTitle')}</h2>
      <dl className="record">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function App() {
  const sessionId = new URLSearchParams(location.search).get('session');
  const session = useStored(
    async () => (sessionId ? ((await sessions.get(sessionId)) ?? null) : null),
    sessions.watch,
    sessionId ?? 'none',
  );
  const client = useStored(
    async () => (session.value?.clientId ? ((await clients.get(session.value.clientId)) ?? null) : null),
    clients.watch,
    session.value?.clientId ?? 'none',
  );
  useEffect(() => {
    document.title = t('reportTitle');
  }, []);
  if (session.value === undefined) return <main>{t('loading')}</main>;
  if (session.value === null) {
    return (
      <main>
        <h1>{t('reportTitle')}</h1>
        <p role="alert">{t('aftercareNotFound')}</p>
      </main>
    );
  }
  const current = session.value;
  return (
    <main className="report">
      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('reportPrint')}
        </button>
      </p>
      <h1>{t('reportTitle')}</h1>
      <p>
        {t(`platform.${current.platform}`)} · {formatDateTime(current.startedAt)}
        {current.endedAt !== null && ` – ${formatDateTime(current.endedAt)}`} · {t(`status.${current.status}`)}
      </p>
      {client.value && <p>{t('clientLinked', { code: client.value.code })}</p>}
      {current.endReason && (
        <p className="muted">{t('aftercareEndReason', { reason: t(`endReason.${current.endReason}`) })}</p>
      )}
      <Note session={current} />
      <SessionRecord session={current} />
      <p className="muted small">{t('reportGenerated', { date: formatDate(Date.now()) })}</p>
    </main>
  );
}
