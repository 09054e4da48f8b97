import { useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { ConsiderationsEditor } from '../../components/ConsiderationsEditor';
import { ConsiderationsSummary } from '../../components/ConsiderationsSummary';
import { SavedText } from '../../components/SavedText';
import { SessionRecord } from '../../components/SessionRecord';
import { useOptimistic } from '../../components/useOptimistic';
import { useStored } from '../../components/useStored';
import { deleteClient, renameClient, sessionsOfClient, withArchived } from '../../lib/caseload';
import { dayKey } from '../../lib/days';
import { aftercarePageUrl } from '../../lib/extension/prompts';
import { formatContactDate, latestNextContact } from '../../lib/followUps';
import { agreementStateNames, clientSeemedNames, m, platformNames, statusNames } from '../../lib/messages';
import type { Client, Session } from '../../lib/schemas';
import { progress } from '../../lib/sessions/model';
import { sessions } from '../../lib/sessions/records';
import { clients } from '../../lib/storage/items';
import { formatDate, formatDateTime } from '../../lib/time';

function SessionEntry({ session }: { session: Session }) {
  const done = progress(session);
  const declined = Object.values(session.agreements).filter((record) => record.state === 'declined').length;
  const note = session.aftercare;
  const written = [note.concerns, note.followUpAgreed, note.otherHelp, note.clientSeemedNote].some(
    (text) => text.trim().length > 0,
  );
  return (
    <li className="card stack">
      <h3 style={{ margin: 0 }}>
        {formatDateTime(session.startedAt)} · {platformNames[session.platform]}
      </h3>
      <p className="small">
        {statusNames[session.status]} ·{' '}
        {m.historyAgreements(done.agreed, declined, done.agreementsRecorded, done.agreementsTotal)}
      </p>
      <ul className="small">
        {session.template.items
          .filter((item) => item.kind === 'agreement' && session.agreements[item.id]?.state !== 'not-discussed')
          .map((item) => (
            <li key={item.id}>
              {item.text}: <strong>{agreementStateNames[session.agreements[item.id]?.state ?? 'not-discussed']}</strong>
              {session.agreements[item.id]?.note ? ` · ${session.agreements[item.id]?.note}` : ''}
            </li>
          ))}
      </ul>
      {written || note.clientSeemed ? (
        <dl className="record small">
          {note.clientSeemed && (
            <>
              <dt>{m.aftercareClientSeemed}</dt>
              <dd>
                {clientSeemedNames[note.clientSeemed]} {note.clientSeemedNote}
              </dd>
            </>
          )}
          {note.concerns && (
            <>
              <dt>{m.aftercareConcerns}</dt>
              <dd>{note.concerns}</dd>
            </>
          )}
          {note.followUpAgreed && (
            <>
              <dt>{m.aftercareFollowUp}</dt>
              <dd>
                {note.followUpAgreed} {note.nextContact && formatContactDate(note.nextContact)}
              </dd>
            </>
          )}
          {note.otherHelp && (
            <>
              <dt>{m.aftercareOtherHelp}</dt>
              <dd>{note.otherHelp}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted small">{m.historyNoNote}</p>
      )}
      <details>
        <summary>{m.historyShowRecord}</summary>
        <SessionRecord session={session} />
      </details>
      <p className="row">
        <a href={aftercarePageUrl(session.id)}>{m.historyOpenNote}</a>
        <a href={`report.html?session=${encodeURIComponent(session.id)}`} target="_blank" rel="noreferrer">
          {m.sessionReport}
        </a>
      </p>
    </li>
  );
}

/** The date of next contact agreed in the client's latest session that names one. */
function NextContact({ sessions: all }: { sessions: Session[] }) {
  const date = latestNextContact(all);
  if (date === null) return null;
  const passed = date < dayKey(Date.now());
  return (
    <p className={passed ? 'muted' : undefined}>
      {passed ? (
        m.clientNextContactPassed(formatContactDate(date))
      ) : (
        <strong>{m.clientNextContact(formatContactDate(date))}</strong>
      )}
    </p>
  );
}

function DeleteClient({ client, count }: { client: Client; count: number }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {m.clientDelete}
      </button>
    );
  }
  return (
    <div className="notice stack" role="alertdialog" aria-label={m.clientDelete} aria-describedby="delete-client-text">
      <p id="delete-client-text">{m.clientDeleteConfirm(client.code, count)}</p>
      <div className="row">
        <button
          type="button"
          className="danger"
          onClick={async () => {
            await deleteClient(client.id);
            location.hash = '#clients';
          }}
        >
          {m.clientDeleteYes(count)}
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          {m.panelEndNo}
        </button>
      </div>
    </div>
  );
}

export function ClientView({ id }: { id: string }) {
  const client = useStored(async () => (await clients.get(id)) ?? null, clients.watch, id);
  const history = useStored(() => sessionsOfClient(id), sessions.watch, id);
  if (client.value === undefined) return <p>{m.loading}</p>;
  if (client.value === null) {
    return (
      <>
        <h1 tabIndex={-1}>{m.clientsTitle}</h1>
        <p role="alert">{m.clientNotFound}</p>
        <a href="#clients">{m.clientBack}</a>
      </>
    );
  }
  return <ClientDetails stored={client.value} count={history.value} />;
}

function ClientDetails({ stored, count: history }: { stored: Client; count: Session[] | undefined }) {
  const [renameError, setRenameError] = useState<string | null>(null);
  const { value: current, save } = useOptimistic(stored, async (change) => {
    const saved = await clients.update(stored.id, (client) => change(client, Date.now()));
    if (!saved) throw new Error(m.clientNotFound);
    return saved;
  });
  return (
    <>
      <p>
        <a href="#clients">{m.clientBack}</a>
      </p>
      <h1 tabIndex={-1}>{current.code}</h1>
      {history && <NextContact sessions={history} />}
      <div className="card stack">
        <SavedText
          label={m.clientCodeLabel}
          hint={m.clientHint}
          value={current.code}
          maxLength={60}
          onSave={(code) =>
            void renameClient(current.id, code).then((result) => setRenameError(result.ok ? null : result.error))
          }
        />
        {renameError && (
          <p className="error small" role="alert">
            {renameError}
          </p>
        )}
        {current.archivedAt !== null && <p className="muted">{m.clientArchivedOn(formatDate(current.archivedAt))}</p>}
        <div className="row">
          <Checkbox
            label={m.clientArchive}
            checked={current.archivedAt !== null}
            onChange={(archived) => void save((client, now) => withArchived(client, archived, now))}
          />
          <DeleteClient client={current} count={history?.length ?? 0} />
        </div>
      </div>
      <section aria-labelledby="situation">
        <h2 id="situation">{m.considerationsHeading}</h2>
        <ConsiderationsSummary client={current} />
        <details>
          <summary>{m.considerationsEditHeading}</summary>
          <p className="muted small">{m.considerationsEditIntro}</p>
          <ConsiderationsEditor
            client={current}
            onChange={(change) =>
              void save((client, now) => ({ ...client, considerations: change(client.considerations, now) }))
            }
          />
        </details>
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{m.historyHeading}</h2>
        {history === undefined ? (
          <p>{m.loading}</p>
        ) : history.length === 0 ? (
          <p className="muted">{m.historyNone}</p>
        ) : (
          <ol className="plain stack" aria-labelledby="history">
            {history.map((session) => (
              <SessionEntry key={session.id} session={session} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
