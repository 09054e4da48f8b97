/**
 * The side panel's header, which stays in view however far the practitioner
 * scrolls: the session, its running time (or when it ended and how long it
 * lasted), the progress, "End session" and the undo of the last change.
 */
import { useState } from 'react';
import { t } from '../lib/i18n';
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

/** Keeps a time or a duration on one line: at a narrow width the line breaks between the parts, not inside one. */
const unbroken = (text: string) => text.replace(/ /g, '\u00a0');

export function SessionHeader({ session, now, onEnd, onWriteAftercare, undo }: Props) {
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const running = session.status === 'running';
  const done = progress(session);
  const progressText = t('agreedOrAnswered', { recorded: done.agreementsRecorded, total: done.agreementsTotal });
  return (
    <header className="session-header">
      <h1>{t('popupSessionHeading', { platform: t(`platform.${session.platform}`) })}</h1>
      <p className="muted small">
        {running
          ? t('runningSince', {
              time: unbroken(formatClock(session.startedAt)),
              duration: unbroken(formatDuration(now - session.startedAt)),
            })
          : `${t('startedAt', { time: formatClock(session.startedAt) })}${
              session.endedAt === null
                ? ''
                : ` · ${t('endedAt', { time: formatClock(session.endedAt) })}, ${t('sessionLasted', { duration: formatDuration(session.endedAt - session.startedAt) })}`
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
              <legend className="small">{t('panelEndConfirm')}</legend>
              <button type="button" className="primary" onClick={onEnd}>
                {t('panelEndYes')}
              </button>
              <button type="button" onClick={() => setConfirmingEnd(false)}>
                {t('panelEndNo')}
              </button>
            </fieldset>
          ) : (
            <button type="button" onClick={() => setConfirmingEnd(true)}>
              {t('panelEndSession')}
            </button>
          )
        ) : (
          <>
            <p className="small">{t('panelEnded')}</p>
            <button type="button" className="primary" onClick={onWriteAftercare}>
              {session.status === 'complete' ? t('panelViewAftercare') : t('panelWriteAftercare')}
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
