/** Finding sessions in the history: filters and a search of the notes. Pure. */
import type { Client, Session, SessionPlatform, SessionStatus } from './schemas';

export interface HistoryFilter {
  clientId: string | 'any';
  /** Inclusive local calendar days, "YYYY-MM-DD", or empty for no bound. */
  from: string;
  to: string;
  platform: SessionPlatform | 'any';
  status: SessionStatus | 'any';
  search: string;
}

export const NO_FILTER: HistoryFilter = {
  clientId: 'any',
  from: '',
  to: '',
  platform: 'any',
  status: 'any',
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

/** The sessions that match, notes still to write first, then newest first. */
export function filterHistory(
  all: readonly Session[],
  filter: HistoryFilter,
  clients: ReadonlyMap<string, Client> = new Map(),
): Session[] {
  const words = filter.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return all
    .filter((session) => {
      if (filter.clientId !== 'any' && session.clientId !== filter.clientId) return false;
      if (filter.platform !== 'any' && session.platform !== filter.platform) return false;
      if (filter.status !== 'any' && session.status !== filter.status) return false;
      const day = localDay(session.startedAt);
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      if (words.length === 0) return true;
      const text = typedText(session, clients);
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => {
      const pendingFirst = Number(b.status === 'aftercare-pending') - Number(a.status === 'aftercare-pending');
      return pendingFirst !== 0 ? pendingFirst : b.startedAt - a.startedAt;
    });
}
