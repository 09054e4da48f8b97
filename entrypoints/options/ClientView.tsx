import { useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { ClientLanguage } from '../../components/ClientLanguage';
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
import { t } from '../../lib/i18n';
import type { Client, Session } from '../../lib/schemas';
import { progress } from '../../lib/sessions/model';
import { sessions } from '../../lib/sessions/records';
import { clients } from '../../lib/storage/items';
import { formatDate, formatDateTime, formatDayDistance } from '../../lib/time';

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
        {formatDateTime(session.startedAt)} · {t(`platform.${session.platform}`)}
      </h3>
      <p className="small">
        {t(`status.${session.status}`)} ·{' '}
        {t('historyAgreements', {
          agreed: done.agreed,
          declined,
          recorded: done.agreementsRecorded,
          total: done.agreementsTotal,
        })}
      </p>
      <ul className="small">
        {session.template.items
          .filter((item) => item.kind === 'agreement' && session.agreements[item.id]?.state !== 'not-discussed')
          .map((item) => (
            <li key={item.id}>
              {item.text}:{' '}
              <strong>{t(`agreementState.${session.agreements[item.id]?.state ?? 'not-discussed'}`)}</strong>
              {session.agreements[item.id]?.note ? ` · ${session.agreements[item.id]?.note}` : ''}
            </li>
          ))}
      </ul>
      {written || note.clientSeemed ? (
        <dl className="record small">
          {note.clientSeemed && (
            <>
              <dt>{t('aftercareClientSeemed')}</dt>
              <dd>
                {t(`clientSeemed.${note.clientSeemed}`)} {note.clientSeemedNote}
              </dd>
            </>
          )}
          {note.concerns && (
            <>
              <dt>{t('aftercareConcerns')}</dt>
              <dd>{note.concerns}</dd>
            </>
          )}
          {note.followUpAgreed && (
            <>
              <dt>{t('aftercareFollowUp')}</dt>
              <dd>
                {note.followUpAgreed} {note.nextContact && formatContactDate(note.nextContact)}
              </dd>
            </>
          )}
          {note.otherHelp && (
            <>
              <dt>{t('aftercareOtherHelp')}</dt>
              <dd>{note.otherHelp}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted small">{t('historyNoNote')}</p>
      )}
      <details>
        <summary>{t('historyShowRecord')}</summary>
        <SessionRecord session={session} />
      </details>
      <p className="row">
        <a href={aftercarePageUrl(session.id)}>{t('historyOpenNote')}</a>
        <a href={`report.html?session=${encodeURIComponent(session.id)}`} target="_blank" rel="noreferrer">
          {t('sessionReport')}
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
        t('clientNextContactPassed', { date: formatContactDate(date) })
      ) : (
        <strong>{t('clientNextContact', { date: formatContactDate(date), distance: formatDayDistance(date) })}</strong>
      )}
    </p>
  );
}

function DeleteClient({ client, count }: { client: Client; count: number }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {t('clientDelete')}
      </button>
    );
  }
  return (
    <div
      className="notice stack"
      role="alertdialog"
      aria-label={t('clientDelete')}
      aria-describedby="delete-client-text"
    >
      <p id="delete-client-text">{t('clientDeleteConfirm', { code: client.code, count })}</p>
      <div className="row">
        <button
          type="button"
          className="danger"
          onClick={async () => {
            await deleteClient(client.id);
            location.hash = '#clients';
          }}
        >
          {t('clientDeleteYes', { count })}
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

export function ClientView({ id }: { id: string }) {
  const client = useStored(async () => (await clients.get(id)) ?? null, clients.watch, id);
  const history = useStored(() => sessionsOfClient(id), sessions.watch, id);
  if (client.value === undefined) return <p>{t('loading')}</p>;
  if (client.value === null) {
    return (
      <>
        <h1 tabIndex={-1}>{t('clientsTitle')}</h1>
        <p role="alert">{t('clientNotFound')}</p>
        <a href="#clients">{t('clientBack')}</a>
      </>
    );
  }
  return <ClientDetails stored={client.value} count={history.value} />;
}

function ClientDetails({ stored, count: history }: { stored: Client; count: Session[] | undefined }) {
  const [renameError, setRenameError] = useState<string | null>(null);
  const { value: current, save } = useOptimistic(stored, async (change) => {
    const saved = await clients.update(stored.id, (client) => change(client, Date.now()));
    if (!saved) throw new Error(t('clientNotFound'));
    return saved;
  });
  return (
    <>
      <p>
        <a href="#clients">{t('clientBack')}</a>
      </p>
      <h1 tabIndex={-1}>{current.code}</h1>
      {history && <NextContact sessions={history} />}
      <div className="card stack">
        <SavedText
          label={t('clientCodeLabel')}
          hint={t('clientHint')}
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
        <ClientLanguage
          language={current.language}
          onChange={(language) => void save((client) => ({ ...client, language }))}
        />
        {current.archivedAt !== null && (
          <p className="muted">{t('clientArchivedOn', { date: formatDate(current.archivedAt) })}</p>
        )}
        <div className="row">
          <Checkbox
            label={t('clientArchive')}
            checked={current.archivedAt !== null}
            onChange={(archived) => void save((client, now) => withArchived(client, archived, now))}
          />
          <DeleteClient client={current} count={history?.length ?? 0} />
        </div>
      </div>
      <section aria-labelledby="situation">
        <h2 id="situation">{t('considerationsHeading')}</h2>
        <ConsiderationsSummary client={current} />
        <details>
          <summary>{t('considerationsEditHeading')}</summary>
          <p className="muted small">{t('considerationsEditIntro')}</p>
          <ConsiderationsEditor
            client={current}
            onChange={(change) =>
              void save((client, now) => ({ ...client, considerations: change(client.considerations, now) }))
            }
          />
        </details>
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t('historyHeading')}</h2>
        {history === undefined ? (
          <p>{t('loading')}</p>
        ) : history.length === 0 ? (
          <p className="muted">{t('historyNone')}</p>
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
