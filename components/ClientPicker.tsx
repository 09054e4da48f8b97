/**
 * Links a session to a client, by pseudonym or case code: type-ahead over the
 * clients kept, or a new client made on the spot.
 */
import { type FormEvent, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { createClient } from '../lib/caseload';
import { t } from '../lib/i18n';
import type { Client } from '../lib/schemas';
import { clients } from '../lib/storage/items';
import { useStored } from './useStored';

interface Props {
  clientId: string | null;
  onLink: (clientId: string | null) => void;
}

export function openClientPage(clientId: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#client/${encodeURIComponent(clientId)}`) });
}

export function ClientPicker({ clientId, onLink }: Props) {
  const ids = { input: useId(), list: useId(), hint: useId() };
  const all = useStored(() => clients.all(), clients.watch, 'clients');
  const [editing, setEditing] = useState(false);
  const [code, setCode] = useState('');
  const [unknown, setUnknown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const linked = all.value?.find((client) => client.id === clientId);
  const active = (all.value ?? []).filter((client) => client.archivedAt === null || client.id === clientId);

  if (clientId !== null && !editing) {
    return (
      <section aria-labelledby={`${ids.input}-heading`} className="row">
        <h2 id={`${ids.input}-heading`} className="visually-hidden">
          {t('clientHeading')}
        </h2>
        <strong>{linked ? t('clientLinked', { code: linked.code }) : t('loading')}</strong>
        {linked && (
          <button type="button" className="link small" onClick={() => openClientPage(linked.id)}>
            {t('clientOpenPage')}
          </button>
        )}
        <button type="button" className="link small" onClick={() => setEditing(true)}>
          {t('clientChange')}
        </button>
      </section>
    );
  }

  const link = (client: Client) => {
    onLink(client.id);
    setEditing(false);
    setCode('');
    setUnknown(null);
    setError(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = code.trim();
    if (wanted.length === 0) {
      setError(t('clientCodeRequired'));
      return;
    }
    const found = active.find((client) => client.code.toLocaleLowerCase() === wanted.toLocaleLowerCase());
    if (found) link(found);
    else setUnknown(wanted);
  };
  const create = async (wanted: string) => {
    const result = await createClient(wanted);
    if (result.ok) link(result.client);
    else setError(result.error);
  };

  return (
    <form onSubmit={submit} className="card stack" aria-label={t('clientHeading')}>
      <div className="field">
        <label htmlFor={ids.input}>{t('clientLabel')}</label>
        <p id={ids.hint} className="muted small">
          {t('clientHint')}
        </p>
        <input
          id={ids.input}
          type="text"
          list={ids.list}
          value={code}
          autoComplete="off"
          maxLength={60}
          aria-describedby={ids.hint}
          onChange={(event) => {
            setCode(event.target.value);
            setUnknown(null);
            setError(null);
          }}
        />
        <datalist id={ids.list}>
          {active.map((client) => (
            <option key={client.id} value={client.code} />
          ))}
        </datalist>
      </div>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {unknown ? (
        <div className="row" role="status">
          <span>{t('clientNoMatch', { code: unknown })}</span>
          <button type="button" onClick={() => void create(unknown)}>
            {t('clientCreateAndLink', { code: unknown })}
          </button>
        </div>
      ) : null}
      <div className="row">
        <button type="submit">{t('clientLink')}</button>
        {clientId !== null && (
          <>
            <button type="button" onClick={() => onLink(null)}>
              {t('clientUnlink')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('clientCancel')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
