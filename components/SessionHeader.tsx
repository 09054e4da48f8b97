/**
 * The side panel's header, which stays in view however far the practitioner
 * scrolls: the session, its running time (or when it ended and how long it
 * lasted), the progress, "End session" and the undo of the last change.
 */
import { useState } from 'react';
import { m, platformNames } from '../lib/messages';
import type { Session } from '../lib/schemas';
import { progress } from '../lib/sessions/model';
import { formatClock, formatDuration } from '../lib/time';

interface Props {
  session: Session;
  now: number;
  onEnd: () => void;
  onWriteAftercare: () => void;
  undo: { label: string; accessibleName: string; run: () => void } | null | undefined;
}

export function SessionHeader({ session, now, onEnd, onWriteAftercare, undo }: Props) {
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const running = session.status === 'running';
  const done = progress(session);
  const progressText = m.agreedOrAnswered(done.agreementsRecorded, done.agreementsTotal);
  return (
    <header className="session-header">
      <h1>{m.popupSessionHeading(platformNames[session.platform])}</h1>
      <p className="muted small">
        {running
          ? m.runningSince(formatClock(session.startedAt), formatDuration(now - session.startedAt))
          : `${m.startedAt(formatClock(session.startedAt))}${
              session.endedAt === null
                ? ''
                : ` · ${m.endedAt(formatClock(session.endedAt))}, ${m.sessionLasted(formatDuration(session.endedAt - session.startedAt))}`
            }`}
      </p>
      <div className="progress">
        <p className="small" aria-live="polite">
          {progressText}
        </p>
        <progress aria-label={progressText} max={Math.max(1, done.agreementsTotal)} value={done.agreementsRecorded} />
      </div>
      <div className="row header-actions">
        {running ? (
          confirmingEnd ? (
            <fieldset className="row confirm">
              <legend className="small">{m.panelEndConfirm}</legend>
              <button type="button" className="primary" onClick={onEnd}>
                {m.panelEndYes}
              </button>
              <button type="button" onClick={() => setConfirmingEnd(false)}>
                {m.panelEndNo}
              </button>
            </fieldset>
          ) : (
            <button type="button" onClick={() => setConfirmingEnd(true)}>
              {m.panelEndSession}
            </button>
          )
        ) : (
          <>
            <p className="small">{m.panelEnded}</p>
            <button type="button" className="primary" onClick={onWriteAftercare}>
              {session.status === 'complete' ? m.panelViewAftercare : m.panelWriteAftercare}
            </button>
          </>
        )}
        {undo && (
          <button type="button" className="link" aria-label={undo.accessibleName} onClick={undo.run}>
            {undo.label}
          </button>
        )}
      </div>
    </header>
  );
}
