/** Shows its contents only when Callcare is unlocked (or unprotected); otherwise asks for the passphrase. */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { t } from '../lib/i18n';
import { errorDetail } from '../lib/i18n/phrases';
import { unlock, WrongPassphraseError } from '../lib/storage/protection';
import { useVaultStatus } from './useVault';

export function UnlockForm({ compact = false }: { compact?: boolean }) {
  const ids = { field: useId(), note: useId() };
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unlock(passphrase);
      setPassphrase('');
    } catch (failure) {
      setError(
        failure instanceof WrongPassphraseError
          ? t('wrongPassphrase')
          : t('errorGeneric', { detail: errorDetail(failure) }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="card stack" aria-label={t('lockedTitle')}>
      {!compact && <h1>{t('lockedTitle')}</h1>}
      <p>{t('lockedIntro')}</p>
      <div className="field">
        <label htmlFor={ids.field}>{t('passphrase')}</label>
        <input
          id={ids.field}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          aria-describedby={ids.note}
          aria-invalid={error !== null}
          onChange={(event) => setPassphrase(event.target.value)}
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || passphrase.length === 0}>
        {busy ? t('unlocking') : t('unlock')}
      </button>
      <p id={ids.note} className="muted small">
        {t('forgottenCannotRecover')}
      </p>
    </form>
  );
}

/** `page`: the gate stands for a whole page, so it brings the page's main landmark. */
export function LockGate({ children, page = false }: { children: ReactNode; page?: boolean }) {
  const status = useVaultStatus();
  if (status === undefined) return page ? <main>{t('loading')}</main> : <p>{t('loading')}</p>;
  if (status === 'locked')
    return page ? (
      <main>
        <UnlockForm />
      </main>
    ) : (
      <UnlockForm />
    );
  return <>{children}</>;
}
