import { useEffect, useState } from 'react';
import { AftercareForm } from '../../components/AftercareForm';
import { PendingNotes } from '../../components/PendingNotes';
import { SessionRecord } from '../../components/SessionRecord';
import { useStored } from '../../components/useStored';
import { clearAftercareNotification } from '../../lib/extension/prompts';
import { sendCommand } from '../../lib/extension/send';
import { m, platformNames } from '../../lib/messages';
import { changeSession } from '../../lib/record';
import { type AftercareFields, completeAftercare, keepAftercareDraft } from '../../lib/session';
import { openSessions, sessions } from '../../lib/storage/items';
import { formatDateTime } from '../../lib/time';

function sessionIdFromAddress(): string | null {
  return new URLSearchParams(location.search).get('session');
}

export function App() {
  const sessionId = sessionIdFromAddress();
  const session = useStored(
    async () => (sessionId ? ((await sessions.get(sessionId)) ?? null) : null),
    sessions.watch,
    sessionId ?? 'none',
  );
  const open = useStored(() => openSessions.get(), openSessions.watch, 'open');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${m.aftercareTitle} · ${m.appName}`;
  }, []);

  const fail = (failure: unknown) =>
    setError(m.errorGeneric(failure instanceof Error ? failure.message : String(failure)));

  if (!sessionId) {
    return (
      <main>
        <h1>{m.aftercareTitle}</h1>
        {open.value && (
          <PendingNotes open={open.value} onOpen={(id) => location.assign(`?session=${encodeURIComponent(id)}`)} />
        )}
      </main>
    );
  }
  if (session.value === undefined) return <main>{m.loading}</main>;
  const current = session.value;
  if (current === null) {
    return (
      <main>
        <h1>{m.aftercareTitle}</h1>
        <p role="alert">{m.aftercareNotFound}</p>
      </main>
    );
  }

  const keepDraft = (fields: Partial<AftercareFields>) => {
    changeSession(current.id, (stored, now) => keepAftercareDraft(stored, fields, now)).then(
      () => setError(null),
      fail,
    );
  };
  const complete = async () => {
    setBusy(true);
    try {
      // A running session ends through the background, so its tab and badge follow.
      if (current.status === 'running') {
        const reply = await sendCommand({ type: 'end-session', sessionId: current.id });
        if (!reply.ok) throw new Error(reply.error);
      }
      await changeSession(current.id, (stored, now) => completeAftercare(stored, {}, now));
      await clearAftercareNotification(current.id);
      setError(null);
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>{m.aftercareTitle}</h1>
      <p className="muted">{m.aftercareFor(platformNames[current.platform], formatDateTime(current.startedAt))}</p>
      {current.status === 'running' && <p className="notice">{m.aftercareStillRunning}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="columns">
        <AftercareForm key={current.id} session={current} onDraft={keepDraft} onComplete={complete} busy={busy} />
        <aside className="card">
          <SessionRecord session={current} />
        </aside>
      </div>
    </main>
  );
}
