/**
 * Turning protection on, shared by the options page and the welcome page, and
 * the pieces the other protection forms use: a passphrase field and a job run
 * in the service worker with its progress shown as a progress bar.
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import type { ProtectionJob } from '../lib/commands';
import { runProtectionJob } from '../lib/extension/protectionJob';
import { t } from '../lib/i18n';
import { errorDetail } from '../lib/i18n/phrases';
import { WrongPassphraseError } from '../lib/storage/protection';
import { Checkbox } from './Checkbox';

/** A protection job as the messages name it (an ICU select key is a plain word). */
const JOB_NAMES = { 'turn-on': 'turnOn', 'change-passphrase': 'changePassphrase', 'turn-off': 'turnOff' } as const;

export const MIN_PASSPHRASE_LENGTH = 10;

export function PassphraseField({
  label,
  value,
  onChange,
  hint,
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  autoComplete: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** A new passphrase, typed twice. */
export function NewPassphraseFields({
  first,
  second,
  onFirst,
  onSecond,
}: {
  first: string;
  second: string;
  onFirst: (value: string) => void;
  onSecond: (value: string) => void;
}) {
  return (
    <>
      <PassphraseField
        label={t('protectionNew')}
        hint={t('protectionNewHint')}
        value={first}
        onChange={onFirst}
        autoComplete="new-password"
      />
      <PassphraseField label={t('protectionConfirm')} value={second} onChange={onSecond} autoComplete="new-password" />
    </>
  );
}

/** Runs a protection job in the service worker, showing how far it has come and then how it ended. */
export function useProtectionJob() {
  const [running, setRunning] = useState<ProtectionJob['type'] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (job: ProtectionJob, done: string): Promise<boolean> => {
    setRunning(job.type);
    setProgress(null);
    setMessage({ text: t('protectionWorking'), error: false });
    try {
      await runProtectionJob(job, (doneCount, total) => setProgress({ done: doneCount, total }));
      setMessage({ text: done, error: false });
      return true;
    } catch (failure) {
      setMessage({
        text:
          failure instanceof WrongPassphraseError
            ? t('wrongPassphrase')
            : t('errorGeneric', { detail: errorDetail(failure) }),
        error: true,
      });
      return false;
    } finally {
      setRunning(null);
    }
  };
  const show = (
    <>
      {running && progress && progress.total > 0 && (
        <div className="stack">
          <progress
            aria-label={t('protectionProgressLabel', { kind: JOB_NAMES[running] })}
            aria-valuetext={t('protectionProgressValue', { done: progress.done, total: progress.total })}
            max={progress.total}
            value={progress.done}
          />
          <p className="muted small">
            {t('protectionProgress', { kind: JOB_NAMES[running], done: progress.done, total: progress.total })}
          </p>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </>
  );
  return { busy: running !== null, run, show, fail: (text: string) => setMessage({ text, error: true }) };
}

/** The form that turns protection on. `before` comes first (the options page offers a backup there). */
export function TurnOnProtection({
  intro,
  before,
  onDone,
}: {
  intro: string;
  before?: ReactNode;
  onDone?: () => void;
}) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [understood, setUnderstood] = useState(false);
  const job = useProtectionJob();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (first.length < MIN_PASSPHRASE_LENGTH) return job.fail(t('protectionTooShort'));
    if (first !== second) return job.fail(t('protectionMismatch'));
    if (!understood) return job.fail(t('protectionMustUnderstand'));
    void job.run({ type: 'turn-on', passphrase: first }, t('protectionTurnedOn')).then((ok) => {
      if (ok) onDone?.();
    });
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label={t('protectionTurnOn')}>
      <p>{intro}</p>
      <p className="notice">{t('protectionOlderCopies')}</p>
      {before}
      <NewPassphraseFields first={first} second={second} onFirst={setFirst} onSecond={setSecond} />
      <p className="notice">{t('forgottenCannotRecover')}</p>
      <Checkbox label={t('protectionUnderstand')} checked={understood} onChange={setUnderstood} />
      <button type="submit" className="primary" disabled={job.busy}>
        {t('protectionTurnOn')}
      </button>
      {job.show}
    </form>
  );
}
