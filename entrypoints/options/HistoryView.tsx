import { useEffect, useId, useMemo, useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { useDigest } from '../../components/useDigest';
import { useStored } from '../../components/useStored';
import { dayKey, daysOverLimit } from '../../lib/days';
import { aftercarePageUrl } from '../../lib/extension/prompts';
import { formatContactDate, isToday } from '../../lib/followUps';
import {
  filterRows,
  type HistoryFilter,
  NO_FILTER,
  type SearchIndex,
  searchIndex,
  searchIndexed,
} from '../../lib/history';
import { t } from '../../lib/i18n';
import { type Client, sessionPlatformSchema, sessionStatusSchema } from '../../lib/schemas';
import { type DigestRow, rowsOf } from '../../lib/sessions/digest';
import { readRecent } from '../../lib/sessions/digestStore';
import { sessions } from '../../lib/sessions/records';
import { settings } from '../../lib/settings';
import { onStorageChange } from '../../lib/storage/changes';
import { clients } from '../../lib/storage/items';
import { formatClock, formatDateTime } from '../../lib/time';

const PAGE = 100;

const same = (a: HistoryFilter, b: HistoryFilter) => JSON.stringify(a) === JSON.stringify(b);

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

function Entry({ row, client, overLimit }: { row: DigestRow; client: Client | undefined; overLimit: boolean }) {
  const count = (code: string) => [...row.states].filter((current) => current === code).length;
  return (
    <li className="card">
      <p>
        <strong>{formatDateTime(row.startedAt)}</strong> · {t(`platform.${row.platform}`)}
        {client && ` · ${client.code}`} · {t(`status.${row.status}`)}
        {overLimit && <span className="muted small"> · {t('historyOverLimit')}</span>}
      </p>
      <p className="small">
        {t('historyAgreements', {
          agreed: count('a'),
          declined: count('d'),
          recorded: row.states.length - count('n'),
          total: row.states.length,
        })}
      </p>
      {(row.followUp === 'open' || row.nextContact !== '') && (
        <p className="small row">
          {row.followUp === 'open' && (
            <strong className="tag">
              {row.followUpAt === null
                ? t('historyFollowUpOpen')
                : t('historyFollowUpDue', {
                    time: isToday(row.followUpAt, Date.now())
                      ? formatClock(row.followUpAt)
                      : formatDateTime(row.followUpAt),
                  })}
            </strong>
          )}
          {row.nextContact !== '' && (
            <span>{t('historyNextContact', { date: formatContactDate(row.nextContact) })}</span>
          )}
        </p>
      )}
      <a href={aftercarePageUrl(row.id)}>{t('historyOpen')}</a>
    </li>
  );
}

/**
 * Searching reads the notes themselves, only once something is searched for, and once: the typed text of every
 * session is kept in memory (a search index) and searched at each key. A session changed or deleted meanwhile is
 * read again alone; a change of clients, or a while the page missed, reads them all again.
 */
function useSearch(search: string, byId: ReadonlyMap<string, Client>) {
  const [index, setIndex] = useState<{ of: ReadonlyMap<string, Client>; text: SearchIndex } | null>(null);
  const wanted = search.trim();
  const searching = wanted.length > 0;
  const current = index !== null && index.of === byId;
  useEffect(() => {
    if (!searching || current) return;
    let live = true;
    sessions.all().then(
      (all) => {
        if (live) setIndex({ of: byId, text: searchIndex(all, byId) });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [searching, current, byId]);
  const indexed = index !== null;
  useEffect(() => {
    if (!indexed) return;
    const prefix = sessions.spec.prefix;
    return onStorageChange((changes, area, missed) => {
      if (missed) return setIndex(null);
      if (area !== sessions.spec.area) return;
      const ids = Object.keys(changes)
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length));
      if (ids.length === 0) return;
      Promise.all(ids.map((id) => sessions.get(id))).then(
        (found) =>
          setIndex((kept) => {
            if (kept === null) return kept;
            const text = new Map(kept.text);
            for (const id of ids) text.delete(id);
            for (const [id, typed] of searchIndex(
              found.filter((session) => session !== undefined),
              kept.of,
            )) {
              text.set(id, typed);
            }
            return { ...kept, text };
          }),
        () => setIndex(null),
      );
    });
  }, [indexed]);
  const ids = useMemo(
    () => (searching && index ? searchIndexed(index.text, wanted) : undefined),
    [index, wanted, searching],
  );
  if (!searching) return { ids: undefined, searching: false };
  // While a changed index is read, the last one answers; only the very first search waits.
  return ids ? { ids, searching: false } : { ids: new Set<string>(), searching: true };
}

export function HistoryView() {
  const ids = { from: useId(), to: useId(), search: useId() };
  // The newest weeks first, enough for the first page; every other week right after.
  const digest = useDigest(() => readRecent(PAGE), 'history');
  const people = useStored(() => clients.all(), clients.watch, 'clients');
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const [shown, setShown] = useState(PAGE);
  const byId = useMemo(() => new Map((people.value ?? []).map((client) => [client.id, client])), [people.value]);
  const rows = useMemo(() => (digest.value ? rowsOf(digest.value.digest) : []), [digest.value]);
  const complete = digest.value?.complete ?? false;
  const search = useSearch(filter.search, byId);
  const found = useMemo(() => filterRows(rows, filter, search.ids), [rows, filter, search.ids]);
  const overDays = useMemo(() => daysOverLimit(rows, stored.value?.maxSessionsPerDay ?? null), [rows, stored.value]);
  const set = (patch: Partial<HistoryFilter>) => {
    setFilter({ ...filter, ...patch });
    setShown(PAGE);
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('historyTitle')}</h1>
      <form className="card stack" aria-label={t('historyFilters')} onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.search}>{t('historySearch')}</label>
          <input
            id={ids.search}
            type="search"
            value={filter.search}
            onChange={(event) => set({ search: event.target.value })}
          />
        </div>
        <div className="row">
          <Select
            label={t('historyClient')}
            value={filter.clientId}
            onChange={(clientId) => set({ clientId })}
            options={[
              ['any', t('historyAnyClient')],
              ...(people.value ?? []).map((client): [string, string] => [client.id, client.code]),
            ]}
          />
          <Select
            label={t('historyPlatform')}
            value={filter.platform}
            onChange={(platform) =>
              set({ platform: platform === 'any' ? 'any' : sessionPlatformSchema.parse(platform) })
            }
            options={[
              ['any', t('historyAnyPlatform')],
              ...sessionPlatformSchema.options.map((id): [string, string] => [id, t(`platform.${id}`)]),
            ]}
          />
          <Select
            label={t('historyState')}
            value={filter.status}
            onChange={(status) => set({ status: status === 'any' ? 'any' : sessionStatusSchema.parse(status) })}
            options={[
              ['any', t('historyAnyState')],
              ...sessionStatusSchema.options.map((id): [string, string] => [id, t(`status.${id}`)]),
            ]}
          />
          <Checkbox
            label={t('historyFollowUpOpen')}
            checked={filter.followUpOpen}
            onChange={(followUpOpen) => set({ followUpOpen })}
          />
          <div className="field">
            <label htmlFor={ids.from}>{t('historyFrom')}</label>
            <input
              id={ids.from}
              type="date"
              value={filter.from}
              onChange={(event) => set({ from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('historyTo')}</label>
            <input id={ids.to} type="date" value={filter.to} onChange={(event) => set({ to: event.target.value })} />
          </div>
        </div>
      </form>
      {digest.value === undefined ? (
        <p>{t('loading')}</p>
      ) : search.searching ? (
        <p role="status">{t('historySearching')}</p>
      ) : !complete && !same(filter, NO_FILTER) ? (
        // A filter waits for every week (a moment more): a count of the newest weeks alone would be wrong.
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <p role="status">
            {/* A page beyond the newest weeks shows once every week is read; the list and its button stay meanwhile. */}
            {!complete && shown > found.length
              ? t('loading')
              : t('historyCount', {
                  shown: Math.min(shown, found.length),
                  total: complete ? found.length : digest.value.total,
                })}
          </p>
          <ul className="plain" aria-label={t('historyTitle')}>
            {found.slice(0, shown).map((row) => (
              <Entry
                key={row.id}
                row={row}
                client={row.clientId ? byId.get(row.clientId) : undefined}
                overLimit={overDays.has(dayKey(row.startedAt))}
              />
            ))}
          </ul>
          {shown < (complete ? found.length : digest.value.total) && (
            <button type="button" onClick={() => setShown(shown + PAGE)}>
              {t('historyShowMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
