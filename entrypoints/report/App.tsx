import { useEffect } from 'react';
import { SessionRecord } from '../../components/SessionRecord';
import { useStored } from '../../components/useStored';
import { formatContactDate } from '../../lib/followUps';
import { clientSeemedNames, endReasonNames, m, platformNames, statusNames } from '../../lib/messages';
import type { Session } from '../../lib/schemas';
import { sessions } from '../../lib/sessions/records';
import { clients } from '../../lib/storage/items';
import { formatClock, formatDate, formatDateTime } from '../../lib/time';

/** A print view of one session: the browser's "Save as PDF" makes the PDF. */
function Note({ session }: { session: Session }) {
  const note = session.aftercare;
  const rows: Array<[string, string]> = [
    [
      m.aftercareClientSeemed,
      [note.clientSeemed ? clientSeemedNames[note.clientSeemed] : '', note.clientSeemedNote]
        .filter(Boolean)
        .join(' · '),
    ],
    [m.aftercareConcerns, note.concerns],
    [
      m.aftercareFollowUpToday,
      note.followUpToday
        ? note.followUpDoneAt !== null
          ? `✓ · ${m.aftercareFollowUpDoneAt(formatClock(note.followUpDoneAt))}`
          : '✓'
        : '',
    ],
    [m.aftercareFollowUp, note.followUpAgreed],
    [m.aftercareNextContact, note.nextContact === '' ? '' : formatContactDate(note.nextContact)],
    [m.aftercareOtherHelp, note.otherHelp],
    [m.aftercareWellbeing, note.wellbeing],
    [m.aftercareSupervision, note.wantsSupervision ? '✓' : ''],
  ];
  return (
    <section aria-labelledby="note-heading">
      <h2 id="note-heading">{m.aftercareTitle}</h2>
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
    document.title = m.reportTitle;
  }, []);
  if (session.value === undefined) return <main>{m.loading}</main>;
  if (session.value === null) {
    return (
      <main>
        <h1>{m.reportTitle}</h1>
        <p role="alert">{m.aftercareNotFound}</p>
      </main>
    );
  }
  const current = session.value;
  return (
    <main className="report">
      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {m.reportPrint}
        </button>
      </p>
      <h1>{m.reportTitle}</h1>
      <p>
        {platformNames[current.platform]} · {formatDateTime(current.startedAt)}
        {current.endedAt !== null && ` – ${formatDateTime(current.endedAt)}`} · {statusNames[current.status]}
      </p>
      {client.value && <p>{m.clientLinked(client.value.code)}</p>}
      {current.endReason && <p className="muted">{m.aftercareEndReason(endReasonNames[current.endReason])}</p>}
      <Note session={current} />
      <SessionRecord session={current} />
      <p className="muted small">{m.reportGenerated(formatDate(Date.now()))}</p>
    </main>
  );
}
