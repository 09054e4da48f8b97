import { type FormEvent, useId, useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { useStored } from '../../components/useStored';
import { createClient } from '../../lib/caseload';
import { t } from '../../lib/i18n';
import { clients } from '../../lib/storage/items';

export function ClientsView() {
  const ids = { code: useId(), hint: useId() };
  const all = useStored(() => clients.all(), clients.watch, 'clients');
  const [showArchived, setShowArchived] = useState(false);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createClient(code);
    if (result.ok) {
      setCode('');
      setMessage({ text: t('clientCreated', { code: result.client.code }), error: false });
    } else {
      setMessage({ text: result.error, error: true });
    }
  };

  const shown = (all.value ?? [])
    .filter((client) => showArchived || client.archivedAt === null)
    .sort((a, b) => a.code.localeCompare(b.code));

  return (
    <>
      <h1 tabIndex={-1}>{t('clientsTitle')}</h1>
      <p>{t('clientsIntro')}</p>
      <form className="card stack" onSubmit={add} aria-label={t('clientsNew')}>
        <div className="field">
          <label htmlFor={ids.code}>{t('clientCodeLabel')}</label>
          <p id={ids.hint} className="muted small">
            {t('clientHint')}
          </p>
          <input
            id={ids.code}
            type="text"
            value={code}
            maxLength={60}
            autoComplete="off"
            aria-describedby={ids.hint}
            onChange={(event) => setCode(event.target.value)}
          />
        </div>
        <button type="submit">{t('clientsAdd')}</button>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
            {message.text}
          </p>
        )}
      </form>
      <Checkbox label={t('clientsShowArchived')} checked={showArchived} onChange={setShowArchived} />
      {all.value === undefined ? (
        <p>{t('loading')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('clientsNone')}</p>
      ) : (
        <ul className="plain stack" aria-label={t('clientsTitle')}>
          {shown.map((client) => (
            <li key={client.id}>
              <a href={`#client/${encodeURIComponent(client.id)}`}>{client.code}</a>
              {client.archivedAt !== null && <span className="muted small"> · {t('clientsArchivedMark')}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
