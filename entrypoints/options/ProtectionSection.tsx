import { type FormEvent, useId, useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { UnlockForm } from '../../components/LockGate';
import { useVaultStatus } from '../../components/useVault';
import { m } from '../../lib/messages';
import { changePassphrase, lock, turnOff, turnOn, WrongPassphraseError } from '../../lib/storage/protection';
import { downloadBackup } from './DataSection';

const MIN_LENGTH = 10;

function PassphraseField({
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

function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    setMessage({ text: m.protectionWorking, error: false });
    try {
      await work();
      setMessage({ text: done, error: false });
    } catch (failure) {
      setMessage({
        text: failure instanceof WrongPassphraseError ? m.wrongPassphrase : m.errorGeneric(String(failure)),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };
  const show = message && (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
      {message.text}
    </p>
  );
  return { busy, run, show, fail: (text: string) => setMessage({ text, error: true }) };
}

function TurnOn() {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [understood, setUnderstood] = useState(false);
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (first.length < MIN_LENGTH) return action.fail(m.protectionTooShort);
    if (first !== second) return action.fail(m.protectionMismatch);
    if (!understood) return action.fail(m.protectionMustUnderstand);
    void action.run(() => turnOn(first), m.protectionTurnedOn);
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label={m.protectionTurnOn}>
      <p>{m.protectionOffIntro}</p>
      <div className="notice stack">
        <p>{m.protectionBackupFirst}</p>
        <button
          type="button"
          onClick={() =>
            // A backup that does not read back is not offered: say why, here where it was asked for.
            downloadBackup().catch((failure) =>
              action.fail(failure instanceof Error ? failure.message : String(failure)),
            )
          }
        >
          {m.dataBackup}
        </button>
      </div>
      <PassphraseField
        label={m.protectionNew}
        hint={m.protectionNewHint}
        value={first}
        onChange={setFirst}
        autoComplete="new-password"
      />
      <PassphraseField label={m.protectionConfirm} value={second} onChange={setSecond} autoComplete="new-password" />
      <p className="notice">{m.forgottenCannotRecover}</p>
      <Checkbox label={m.protectionUnderstand} checked={understood} onChange={setUnderstood} />
      <button type="submit" className="primary" disabled={action.busy}>
        {m.protectionTurnOn}
      </button>
      {action.show}
    </form>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (first.length < MIN_LENGTH) return action.fail(m.protectionTooShort);
    if (first !== second) return action.fail(m.protectionMismatch);
    void action.run(async () => {
      await changePassphrase(current, first);
      setCurrent('');
      setFirst('');
      setSecond('');
    }, m.protectionChanged);
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label={m.protectionChangeHeading}>
      <h3 style={{ margin: 0 }}>{m.protectionChangeHeading}</h3>
      <PassphraseField
        label={m.protectionCurrent}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <PassphraseField
        label={m.protectionNew}
        hint={m.protectionNewHint}
        value={first}
        onChange={setFirst}
        autoComplete="new-password"
      />
      <PassphraseField label={m.protectionConfirm} value={second} onChange={setSecond} autoComplete="new-password" />
      <button type="submit" disabled={action.busy}>
        {m.protectionChange}
      </button>
      {action.show}
    </form>
  );
}

function TurnOff() {
  const [passphrase, setPassphrase] = useState('');
  const action = useAction();
  return (
    <form
      className="card stack"
      aria-label={m.protectionOffHeading}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(() => turnOff(passphrase), m.protectionTurnedOff);
      }}
    >
      <h3 style={{ margin: 0 }}>{m.protectionOffHeading}</h3>
      <p className="muted small">{m.protectionOffWarning}</p>
      <PassphraseField
        label={m.protectionCurrent}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="current-password"
      />
      <button type="submit" className="danger" disabled={action.busy}>
        {m.protectionTurnOff}
      </button>
      {action.show}
    </form>
  );
}

export function ProtectionSection({ autoLock }: { autoLock: React.ReactNode }) {
  const status = useVaultStatus();
  return (
    <section aria-labelledby="protection">
      <h2 id="protection">{m.protectionHeading}</h2>
      {status === undefined && <p>{m.loading}</p>}
      {status === 'off' && <TurnOn />}
      {status === 'locked' && (
        <>
          <p>{m.protectionOnLocked}</p>
          <UnlockForm compact />
        </>
      )}
      {status === 'unlocked' && (
        <div className="stack">
          <p>{m.protectionOn}</p>
          <button type="button" onClick={() => void lock()}>
            {m.lockNow}
          </button>
          {autoLock}
          <ChangePassphrase />
          <TurnOff />
        </div>
      )}
    </section>
  );
}
