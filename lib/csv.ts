/**
 * A CSV of sessions for the practitioner's own statistics: dates, platforms,
 * counts and choices, and no free text at all (no notes, names or codes).
 */
import { type MessageKey, t } from './i18n';
import type { Session } from './schemas';
import { progress } from './sessions/model';

/** The columns, in order; each heading is written in the language Callcare is shown in. */
const COLUMNS = [
  'csv.session',
  'csv.date',
  'csv.start',
  'csv.end',
  'csv.minutes',
  'csv.platform',
  'csv.status',
  'csv.ended-by',
  'csv.client-linked',
  'csv.checklist-version',
  'csv.agreements',
  'csv.agreed',
  'csv.declined',
  'csv.not-discussed',
  'csv.not-applicable',
  'csv.checks-ticked',
  'csv.people-present',
  'csv.joined-later',
  'csv.client-seemed',
  'csv.follow-up-today',
  'csv.supervision-wanted',
  'csv.note-complete',
] as const satisfies readonly MessageKey[];

const pad = (value: number) => String(value).padStart(2, '0');
const date = (time: Date) => `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
const clock = (time: Date) => `${pad(time.getHours())}:${pad(time.getMinutes())}`;

export type CsvValue = string | number | boolean | null;

/** Quotes a cell when it needs it; a cell starting with = + - @ is kept as text by spreadsheet programs. */
function cell(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text: every cell escaped as above, each row ended by CRLF. Rows may differ in length (a summary's sections). */
export function csvText(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function sessionsToCsv(all: readonly Session[]): string {
  const rows: CsvValue[][] = [...all]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((session) => {
      const started = new Date(session.startedAt);
      const states = Object.values(session.agreements).map((record) => record.state);
      const count = (state: string) => states.filter((candidate) => candidate === state).length;
      const done = progress(session);
      return [
        session.id,
        date(started),
        clock(started),
        session.endedAt === null ? null : clock(new Date(session.endedAt)),
        session.endedAt === null ? null : Math.round((session.endedAt - session.startedAt) / 60_000),
        session.platform,
        session.status,
        session.endReason,
        session.clientId !== null,
        `${session.template.id}@${session.template.version}`,
        done.agreementsTotal,
        count('agreed'),
        count('declined'),
        count('not-discussed'),
        count('not-applicable'),
        done.checksTicked,
        session.people.length,
        session.people.filter((person) => person.joinedLater).length,
        session.aftercare.clientSeemed,
        session.aftercare.followUpToday,
        session.aftercare.wantsSupervision,
        session.aftercare.completedAt !== null,
      ];
    });
  return csvText([COLUMNS.map((column) => t(column)), ...rows]);
}
