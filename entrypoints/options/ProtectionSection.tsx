import { type FormEvent, useState } from 'react';
import { UnlockForm } from '../../components/LockGate';
import { organisationSubject, useEffective } from '../../components/Organisation';
import {
  MIN_PASSPHRASE_LENGTH,
  NewPassphraseFields,
  PassphraseField,
  TurnOnProtection,
  useProtectionJob,
} from '../../components/TurnOnProtection';
import { useVaultStatus } from '../../components/useVault';
import { t } from '../../lib/i18n';
import { errorDetail } from '../../lib/i18n/phrases';
import { lock } from '../../lib/storage/protection';
import { downloadBackup } from './DataSection';

/**
 * `action` belongs to the section: while the passphrase changes, Callcare reads as locked for a moment
 * (the new key and the protection record are two writes), which redraws this form; what the job says stays.
 */
function ChangePassphrase({ action }: { action: ReturnType<typeof useProtectionJob> }) {
  const [current, setCurrent] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (first.length < MIN_PASSPHRASE_LENGTH) return action.fail(t('protectionTooShort'));
    if (first !== second) return action.fail(t('protectionMismatch'));
    void action.run({ type: 'change-passphrase', current, replacement: first }, t('protectionChanged')).then((ok) => {
      if (!ok) return;
      setCurrent('');
      setFirst('');
      setSecond('');
    });
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label={t('protectionChangeHeading')}>
      <h3 style={{ margin: 0 }}>{t('protectionChangeHeading')}</h3>
      <PassphraseField
        label={t('protectionCurrent')}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <NewPassphraseFields first={first} second={second} onFirst={setFirst} onSecond={setSecond} />
      <button type="submit" disabled={action.busy}>
        {t('protectionChange')}
      </button>
      {action.show}
    </form>
  );
}

function TurnOff() {
  const [passphrase, setPassphrase] = useState('');
  const action = useProtectionJob();
  return (
    <form
      className="card stack"
      aria-label={t('protectionOffHeading')}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run({ type: 'turn-off', passphrase }, t('protectionTurnedOff'));
      }}
    >
      <h3 style={{ margin: 0 }}>{t('protectionOffHeading')}</h3>
      <p className="muted small">{t('protectionOffWarning')}</p>
      <PassphraseField
        label={t('protectionCurrent')}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="current-password"
      />
      <button type="submit" className="danger" disabled={action.busy}>
        {t('protectionTurnOff')}
      </button>
      {action.show}
    </form>
  );
}

/** The offer to download a backup before protection goes on. A backup that does not read back is not offered: it says why, here. */
function BackupFirst() {
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <div className="notice stack">
      <p>{t('protectionBackupFirst')}</p>
      <button
        type="button"
        onClick={() =>
          downloadBackup().then(
            () => setFailure(null),
            (error: unknown) => setFailure(errorDetail(error)),
          )
        }
      >
        {t('dataBackup')}
      </button>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </div>
  );
}

export function ProtectionSection({ autoLock }: { autoLock: React.ReactNode }) {
  const status = useVaultStatus();
  const change = useProtectionJob();
  const effective = useEffective();
  const required = effective?.policy.protectionRequired === true;
  const subject = organisationSubject(effective?.policy ?? {});
  return (
    <section aria-labelledby="protection">
      <h3 id="protection">{t('protectionHeading')}</h3>
      {status === undefined && <p>{t('loading')}</p>}
      {status === 'off' && (
        <TurnOnProtection
          intro={required ? t('orgProtectionRequired', { organisation: subject }) : t('protectionOffIntro')}
          before={<BackupFirst />}
        />
      )}
      {status === 'locked' && (
        <>
          <p>{t('protectionOnLocked')}</p>
          <UnlockForm compact />
        </>
      )}
      {status === 'unlocked' && (
        <div className="stack">
          <p>{t('protectionOn')}</p>
          <p className="muted small">{t('protectionOlderCopies')}</p>
          <button type="button" onClick={() => void lock()}>
            {t('lockNow')}
          </button>
          {autoLock}
          <ChangePassphrase action={change} />
          {/* Where the organisation requires protection, it stays on. */}
          {effective === undefined ? null : required ? (
            <p className="set-by small">{t('orgProtectionStaysOn', { organisation: subject })}</p>
          ) : (
            <TurnOff />
          )}
        </div>
      )}
    </section>
  );
}
