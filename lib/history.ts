/** Finding sessions in the history: filters and a search of the notes. Pure. */
import { type FollowUpState, followUpState } from './followUps';
import type { Client, Session, SessionPlatform, SessionStatus } from './schemas';

export interface HistoryFilter {
  clientId: string | 'any';
  /** Inclusive local calendar days, "YYYY-MM-DD", or empty for no bound. */
  from: string;
  to: string;
  platform: SessionPlatform | 'any';
  status: SessionStatus | 'any';
  /** Only sessions whose follow-up is still open. */
  followUpOpen: boolean;
  search: string;
}

export const NO_FILTER: HistoryFilter = {
  clientId: 'any',
  from: '',
  to: '',
  platform: 'any',
  status: 'any',
  followUpOpen: false,
  search: '',
};

/** Everything a person typed in a session, to search in. */
function typedText(session: Session, clients: ReadonlyMap<string, Client>): string {
  const note = session.aftercare;
  return [
    ...Object.values(session.agreements).map((record) => record.note),
    ...session.people.map((person) => person.name),
    note.clientSeemedNote,
    note.concerns,
    note.followUpAgreed,
    note.otherHelp,
    note.wellbeing,
    session.clientId ? (clients.get(session.clientId)?.code ?? '') : '',
  ]
    .join('\n')
    .toLocaleLowerCase();
}

const localDay = (timestamp: number) => {
  const date = new Date(timestamp);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/** What the history's filters look at, from a session or from its digest entry. */
export interface HistoryRow {
  id: string;
  startedAt: number;
  platform: SessionPlatform;
  status: SessionStatus;
  clientId: string | null;
  followUp: FollowUpState;
}

const searchWords = (search: string) => search.toLocaleLowerCase().split(/\s+/).filter(Boolean);

/** What a search looks in: each session's typed text, by its id. Made once, searched again at each key. */
export type SearchIndex = ReadonlyMap<string, string>;

export function searchIndex(all: readonly Session[], clients: ReadonlyMap<string, Client> = new Map()): SearchIndex {
  return new Map(all.map((session) => [session.id, typedText(session, clients)]));
}

/** The ids of the sessions whose typed text holds every word searched for. */
export function searchIndexed(index: SearchIndex, search: string): Set<string> {
  const words = searchWords(search);
  const found = new Set<string>();
  for (const [id, text] of index) if (words.every((word) => text.includes(word))) found.add(id);
  return found;
}

export function searchSessions(
  all: readonly Session[],
  search: string,
  clients: ReadonlyMap<string, Client> = new Map(),
) {
  return searchIndexed(searchIndex(all, clients), search);
}

/** The rows that pass the filters (and, when given, the search's matches): notes still to write first, then newest. */
export function filterRows<T extends HistoryRow>(
  rows: readonly T[],
  filter: HistoryFilter,
  matches?: ReadonlySet<string>,
): T[] {
  return rows
    .filter((row) => {
      if (filter.clientId !== 'any' && row.clientId !== filter.clientId) return false;
      if (filter.platform !== 'any' && row.platform !== filter.platform) return false;
      if (filter.status !== 'any' && row.status !== filter.status) return false;
      if (filter.followUpOpen && row.followUp !== 'open') return false;
      const day = localDay(row.startedAt);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      return matches === undefined || matches.has(row.id);
    })
    .sort((a, b) => {
      const pendingFirst = Number(b.status === 'aftercare-pending') - Number(a.status === 'aftercare-pending');
      return pendingFirst !== 0 ? pendingFirst : b.startedAt - a.startedAt;
    });
}

/** The sessions that match, searched too, notes still to write first, then newest first. */
export function filterHistory(
  all: readonly Session[],
  filter: HistoryFilter,
  clients: ReadonlyMap<string, Client> = new Map(),
): Session[] {
  const matches = searchWords(filter.search).length > 0 ? searchSessions(all, filter.search, clients) : undefined;
  const rows = all.map((session) => ({ ...session, followUp: followUpState(session.aftercare) }));
  return filterRows(rows, filter, matches);
}
