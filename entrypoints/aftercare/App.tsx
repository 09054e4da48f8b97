import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { AftercareForm } from '../../components/AftercareForm';
import { ClientPicker } from '../../components/ClientPicker';
import { PendingNotes } from '../../components/PendingNotes';
import { SessionRecord } from '../../components/SessionRecord';
import { ShareWithClient } from '../../components/ShareWithClient';
import { useSessionEditor } from '../../components/useSessionEditor';
import { useStored } from '../../components/useStored';
import { deleteSession } from '../../lib/caseload';
import { clearAftercareNotification } from '../../lib/extension/prompts';
import { sendCommand } from '../../lib/extension/send';
import { isToday } from '../../lib/followUps';
import { t } from '../../lib/i18n';
import { errorDetail } from '../../lib/i18n/phrases';
import type { Session } from '../../lib/schemas';
import { stamp } from '../../lib/sessions/edits';
import type { AftercareFields } from '../../lib/sessions/model';
import { sessions } from '../../lib/sessions/records';
import { settings } from '../../lib/settings';
import { openSessions } from '../../lib/storage/items';
import { formatClock, formatDateTime, formatDuration } from '../../lib/time';

export function App() {
  const sessionId = new URLSearchParams(location.search).get('session');
  const session = useStored(
    async () => (sessionId ? ((await sessions.get(sessionId)) ?? null) : null),
    sessions.watch,
    sessionId ?? 'none',
  );
  const open = useStored(() => openSessions.get(), openSessions.watch, 'open');

  useEffect(() => {
    document.title = `${t('aftercareTitle')} · ${t('appName')}`;
  }, []);

  if (!sessionId) {
    return (
      <main>
        <h1>{t('aftercareTitle')}</h1>
        {open.value && (
          <PendingNotes open={open.value} onOpen={(id) => location.assign(`?session=${encodeURIComponent(id)}`)} />
        )}
      </main>
    );
  }
  if (session.value === undefined) return <main>{t('loading')}</main>;
  if (session.value === null) {
    return (
      <main>
        <h1>{t('aftercareTitle')}</h1>
        <p role="alert">{t('aftercareNotFound')}</p>
      </main>
    );
  }
  return <AftercareView stored={session.value} />;
}

function SessionActions({ session }: { session: Session }) {
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState(false);
  if (deleted) return <p role="status">{t('sessionDeleted')}</p>;
  return (
    <div className="card row">
      <a
        href={browser.runtime.getURL(`/report.html?session=${encodeURIComponent(session.id)}`)}
        target="_blank"
        rel="noreferrer"
      >
        {t('sessionReport')}
      </a>
      {session.status !== 'running' &&
        (confirming ? (
          <>
            <span>{t('sessionDeleteConfirm')}</span>
            <button
              type="button"
              className="danger"
              onClick={async () => {
                await clearAftercareNotification(session.id);
                await deleteSession(session.id);
                setDeleted(true);
              }}
            >
              {t('sessionDeleteYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('sessionDelete')}
          </button>
        ))}
    </div>
  );
}

function AftercareView({ stored: storedSession }: { stored: Session }) {
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  const { session: current, save, saveOrThrow, saving, error: saveError } = useSessionEditor(storedSession);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const keepDraft = (fields: Partial<AftercareFields>) => {
    void save({ type: 'aftercare', fields, at: stamp() });
  };
  const complete = async () => {
    setBusy(true);
    try {
      // A running session ends through the background, so its tab and badge follow.
      if (current.status === 'running') {
        const reply = await sendCommand({ type: 'end-session', sessionId: current.id });
        if (!reply.ok) throw new Error(reply.error);
      }
      await saveOrThrow({ type: 'complete', at: stamp() });
      await clearAftercareNotification(current.id);
      setError(null);
    } catch (failure) {
      setError(t('errorGeneric', { detail: errorDetail(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const shownError = error ?? saveError;
  return (
    <main>
      <h1>{t('aftercareTitle')}</h1>
      <p className="muted">
        {t('aftercareFor', { platform: t(`platform.${current.platform}`), date: formatDateTime(current.startedAt) })}
      </p>
      {current.endedAt !== null && (
        <p className="muted">
          {t('aftercareEnded', {
            when: isToday(current.endedAt, current.startedAt)
              ? formatClock(current.endedAt)
              : formatDateTime(current.endedAt),
            duration: formatDuration(current.endedAt - current.startedAt),
          })}
        </p>
      )}
      {current.status === 'running' && <p className="notice">{t('aftercareStillRunning')}</p>}
      {shownError && (
        <p className="error" role="alert">
          {shownError}
        </p>
      )}
      <ClientPicker clientId={current.clientId} onLink={(clientId) => void save({ type: 'link-client', clientId })} />
      <div className="columns">
        <AftercareForm
          key={current.id}
          session={current}
          stored={storedSession}
          saving={saving}
          onDraft={keepDraft}
          onComplete={complete}
          busy={busy}
          workdayEnd={stored.value?.workdayEnd ?? null}
        />
        <aside className="card">
          <SessionRecord session={current} />
          <ShareWithClient session={current} />
        </aside>
      </div>
      <SessionActions session={current} />
    </main>
  );
}
