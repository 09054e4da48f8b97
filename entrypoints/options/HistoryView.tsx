import { useId, useMemo, useState } from 'react';
import { useStored } from '../../components/useStored';
import { dayKey, daysOverLimit } from '../../lib/days';
import { aftercarePageUrl } from '../../lib/extension/prompts';
import { filterHistory, type HistoryFilter, NO_FILTER } from '../../lib/history';
import { m, platformNames, statusNames } from '../../lib/messages';
import { type Client, type Session, sessionPlatformSchema, sessionStatusSchema } from '../../lib/schemas';
import { progress } from '../../lib/session';
import { clients, sessions, settings } from '../../lib/storage/items';
import { formatDateTime } from '../../lib/time';

const PAGE = 100;

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<[string, string]>;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Entry({ session, client, overLimit }: { session: Session; client: Client | undefined; overLimit: boolean }) {
  const done = progress(session);
  return (
    <li className="card">
      <p>
        <strong>{formatDateTime(session.startedAt)}</strong> · {platformNames[session.platform]}
        {client && ` · ${client.code}`} · {statusNames[session.status]}
        {overLimit && <span className="muted small"> · {m.historyOverLimit}</span>}
      </p>
      <p className="small">
        {m.historyAgreements(
          done.agreed,
          Object.values(session.agreements).filter((record) => record.state === 'declined').length,
          done.agreementsRecorded,
          done.agreementsTotal,
        )}
      </p>
      <a href={aftercarePageUrl(session.id)}>{m.historyOpen}</a>
    </li>
  );
}

export function HistoryView() {
  const ids = { from: useId(), to: useId(), search: useId() };
  const all = useStored(() => sessions.all(), sessions.watch, 'sessions');
  const people = useStored(() => clients.all(), clients.watch, 'clients');
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const [shown, setShown] = useState(PAGE);
  const byId = useMemo(() => new Map((people.value ?? []).map((client) => [client.id, client])), [people.value]);
  const found = useMemo(() => filterHistory(all.value ?? [], filter, byId), [all.value, filter, byId]);
  const overDays = useMemo(
    () => daysOverLimit(all.value ?? [], stored.value?.maxSessionsPerDay ?? null),
    [all.value, stored.value],
  );
  const set = (patch: Partial<HistoryFilter>) => {
    setFilter({ ...filter, ...patch });
    setShown(PAGE);
  };
  return (
    <>
      <h1 tabIndex={-1}>{m.historyTitle}</h1>
      <form className="card stack" aria-label={m.historyFilters} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.search}>{m.historySearch}</label>
          <input
            id={ids.search}
            type="search"
            value={filter.search}
            onChange={(event) => set({ search: event.target.value })}
          />
        </div>
        <div className="row">
          <Select
            label={m.historyClient}
            value={filter.clientId}
            onChange={(clientId) => set({ clientId })}
            options={[
              ['any', m.historyAnyClient],
              ...(people.value ?? []).map((client): [string, string] => [client.id, client.code]),
            ]}
          />
          <Select
            label={m.historyPlatform}
            value={filter.platform}
            onChange={(platform) =>
              set({ platform: platform === 'any' ? 'any' : sessionPlatformSchema.parse(platform) })
            }
            options={[
              ['any', m.historyAnyPlatform],
              ...sessionPlatformSchema.options.map((id): [string, string] => [id, platformNames[id]]),
            ]}
          />
          <Select
            label={m.historyState}
            value={filter.status}
            onChange={(status) => set({ status: status === 'any' ? 'any' : sessionStatusSchema.parse(status) })}
            options={[
              ['any', m.historyAnyState],
              ...sessionStatusSchema.options.map((id): [string, string] => [id, statusNames[id]]),
            ]}
          />
          <div className="field">
            <label htmlFor={ids.from}>{m.historyFrom}</label>
            <input
              id={ids.from}
              type="date"
              value={filter.from}
              onChange={(event) => set({ from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{m.historyTo}</label>
            <input id={ids.to} type="date" value={filter.to} onChange={(event) => set({ to: event.target.value })} />
          </div>
        </div>
      </form>
      {all.value === undefined ? (
        <p>{m.loading}</p>
      ) : (
        <>
          <p role="status">{m.historyCount(Math.min(shown, found.length), found.length)}</p>
          <ul className="plain" aria-label={m.historyTitle}>
            {found.slice(0, shown).map((session) => (
              <Entry
                key={session.id}
                session={session}
                client={session.clientId ? byId.get(session.clientId) : undefined}
                overLimit={overDays.has(dayKey(session.startedAt))}
              />
            ))}
          </ul>
          {shown < found.length && (
            <button type="button" onClick={() => setShown(shown + PAGE)}>
              {m.historyShowMore}
            </button>
          )}
        </>
      )}
    </>
  );
}
