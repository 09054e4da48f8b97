/**
 * The anonymous practice summary: how a practitioner's work went over a
 * period, in counts only, for them to hand to their organisation. Nothing in
 * it points to a client, a call or a session: no client id or code, no note,
 * no host, no session id, and no wording the practitioner typed. A rule of
 * communication is named only when it is one of Callcare's built-in checklist
 * (named in Callcare's own words); every other rule is counted with the rest,
 * never named, since its id and text are the practitioner's. Callcare never
 * sends the summary anywhere: it is downloaded or printed. Pure.
 */
import { DEFAULT_RULE_IDS, type DefaultRuleId } from './checklist';
import { type CsvValue, csvText } from './csv';
import { dayKey, startOfDay, weekKey } from './days';
import { type MessageKey, t } from './i18n';
import {
  type AgreementState,
  agreementStateSchema,
  type Session,
  type SessionPlatform,
  sessionPlatformSchema,
} from './schemas';
import { recordOf } from './sessions/model';

/** Inclusive local days, "YYYY-MM-DD". */
export interface Period {
  from: string;
  to: string;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "2026-10": a calendar month, as the monthly offer's link names it. */
export const isMonth = (month: string): boolean => MONTH_PATTERN.test(month);

export const isPeriod = (period: Period): boolean =>
  DAY_PATTERN.test(period.from) && DAY_PATTERN.test(period.to) && period.from <= period.to;

/** Noon of a day key's local day, so no daylight-saving change moves it to another day. */
function noonOf(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12);
}

/** The day `count` days after (or before) a day key. */
export function addDays(day: string, count: number): string {
  const noon = noonOf(day);
  return dayKey(new Date(noon.getFullYear(), noon.getMonth(), noon.getDate() + count, 12).getTime());
}

/** A calendar month ("2026-10") as a period, from its first to its last day. */
export function monthPeriod(month: string): Period {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return {
    from: dayKey(new Date(year, number - 1, 1, 12).getTime()),
    to: dayKey(new Date(year, number, 0, 12).getTime()),
  };
}

/** The month before the one `now` falls in, as "2026-10". */
export function previousMonth(now: number): string {
  const date = new Date(now);
  return dayKey(new Date(date.getFullYear(), date.getMonth() - 1, 1, 12).getTime()).slice(0, 7);
}

/** The last full calendar month before `now`: the summary's period unless the practitioner picks another. */
export const lastFullMonth = (now: number): Period => monthPeriod(previousMonth(now));

/** The month a period is exactly, from its first to its last day; null for any other period. */
export function monthOf(period: Period): string | null {
  const month = period.from.slice(0, 7);
  if (!isMonth(month)) return null;
  const whole = monthPeriod(month);
  return whole.from === period.from && whole.to === period.to ? month : null;
}

/** The ISO 8601 week a Monday begins: its year is the year of its Thursday. */
function isoWeek(monday: string): { year: number; week: number } {
  const thursday = noonOf(addDays(monday, 3));
  const year = thursday.getFullYear();
  const dayOfYear = (Date.UTC(year, thursday.getMonth(), thursday.getDate()) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return { year, week: Math.floor((dayOfYear - 1) / 7) + 1 };
}

export interface WeekFigures {
  /** The ISO week, "2026-W45". */
  week: string;
  /** Its number in its year (45). */
  number: number;
  /** The days of the week that fall in the period: the first and last week may be cut by it. */
  from: string;
  to: string;
  byPlatform: Record<SessionPlatform, number>;
  total: number;
}

export interface RuleFigures {
  /** How many sessions had the rule on their checklist. */
  total: number;
  counts: Record<AgreementState, number>;
  /** Each count as a share of `total`, from 0 to 1 (0 when the rule was on no checklist). */
  shares: Record<AgreementState, number>;
}

export const AFTERCARE_TIMINGS = ['within-hour', 'same-day', 'within-3-days', 'later', 'not-yet'] as const;
export type AftercareTiming = (typeof AFTERCARE_TIMINGS)[number];

export interface FollowUpFigures {
  /** Aftercare notes that flagged a concern needing follow-up the same day. */
  flagged: number;
  /** Of those, followed up on the day the session ended. */
  doneSameDay: number;
  doneLater: number;
  open: number;
  /** Notes that agreed a date of next contact. */
  nextContactAgreed: number;
}

export interface PracticeSummary {
  period: Period;
  /** Sessions that started in the period. */
  sessions: number;
  /** The platforms of those sessions, in Callcare's order: the columns of the weeks. */
  platforms: SessionPlatform[];
  /** Every ISO week (Monday to Sunday) that overlaps the period, in order, weeks with no session included. */
  weeks: WeekFigures[];
  /** The built-in checklist's rules that were on at least one session's checklist, in the checklist's order. */
  rules: Array<RuleFigures & { id: DefaultRuleId }>;
  /** Every other rule (the practitioner's own templates, an organisation's), counted together and never named. */
  otherRules: RuleFigures;
  /** Ended sessions by how soon after the end their aftercare note was completed. */
  aftercare: Record<AftercareTiming, number>;
  followUps: FollowUpFigures;
  /** The daily maximum the days were measured against; null when none is set. */
  dailyMaximum: number | null;
  daysWithSessions: number;
  /** Days on which more sessions started than the daily maximum; null when none is set. */
  daysOverMaximum: number | null;
  /** Aftercare notes in which the practitioner asked for supervision. */
  supervisionRequested: number;
}

export interface SummaryInput {
  /** The sessions (more may be given: only those that started in the period count). */
  sessions: readonly Session[];
  /** The stored count of sessions per local day (lib/storage/items.ts `dayCounts`). */
  dayCounts: Readonly<Record<string, number>>;
  dailyMaximum: number | null;
  period: Period;
}

const STATES: readonly AgreementState[] = agreementStateSchema.options;

function zeroStates(): Record<AgreementState, number> {
  return { agreed: 0, declined: 0, 'not-discussed': 0, 'not-applicable': 0 };
}

function zeroPlatforms(): Record<SessionPlatform, number> {
  return Object.fromEntries(sessionPlatformSchema.options.map((platform) => [platform, 0])) as Record<
    SessionPlatform,
    number
  >;
}

function withShares(total: number, counts: Record<AgreementState, number>): RuleFigures {
  const shares = zeroStates();
  for (const state of STATES) shares[state] = total === 0 ? 0 : counts[state] / total;
  return { total, counts, shares };
}

function weeksOf(period: Period): WeekFigures[] {
  if (!isPeriod(period)) return [];
  const weeks: WeekFigures[] = [];
  for (let monday = weekKey(noonOf(period.from).getTime()); monday <= period.to; monday = addDays(monday, 7)) {
    const { year, week } = isoWeek(monday);
    const sunday = addDays(monday, 6);
    weeks.push({
      week: `${year}-W${String(week).padStart(2, '0')}`,
      number: week,
      from: monday < period.from ? period.from : monday,
      to: sunday > period.to ? period.to : sunday,
      byPlatform: zeroPlatforms(),
      total: 0,
    });
  }
  return weeks;
}

/** How soon after its session ended a note was completed; null for a session still running. */
function timingOf(session: Session): AftercareTiming | null {
  if (session.endedAt === null) return null;
  const completed = session.aftercare.completedAt;
  if (completed === null) return 'not-yet';
  if (completed - session.endedAt <= 60 * 60_000) return 'within-hour';
  const days = Math.round((startOfDay(completed) - startOfDay(session.endedAt)) / 86_400_000);
  return days <= 0 ? 'same-day' : days <= 3 ? 'within-3-days' : 'later';
}

export function practiceSummary({ sessions, dayCounts, dailyMaximum, period }: SummaryInput): PracticeSummary {
  const valid = isPeriod(period);
  const inPeriod = valid
    ? sessions.filter((session) => {
        const day = dayKey(session.startedAt);
        return day >= period.from && day <= period.to;
      })
    : [];
  const weeks = weeksOf(period);
  const byMonday = new Map(weeks.map((week) => [weekKey(noonOf(week.from).getTime()), week]));
  const ruleCounts = new Map<DefaultRuleId, Record<AgreementState, number>>();
  const otherCounts = zeroStates();
  const aftercare: Record<AftercareTiming, number> = {
    'within-hour': 0,
    'same-day': 0,
    'within-3-days': 0,
    later: 0,
    'not-yet': 0,
  };
  const followUps: FollowUpFigures = { flagged: 0, doneSameDay: 0, doneLater: 0, open: 0, nextContactAgreed: 0 };
  const perDay = new Map<string, number>();
  const platforms = new Set<SessionPlatform>();
  const defaultRules = new Set<string>(DEFAULT_RULE_IDS);
  let supervisionRequested = 0;

  for (const session of inPeriod) {
    platforms.add(session.platform);
    const week = byMonday.get(weekKey(session.startedAt));
    if (week) {
      week.byPlatform[session.platform]++;
      week.total++;
    }
    const day = dayKey(session.startedAt);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);

    for (const item of session.template.items) {
      if (item.kind !== 'agreement') continue;
      const { state } = recordOf(session, item.id);
      if (defaultRules.has(item.id)) {
        const id = item.id as DefaultRuleId;
        const counts = ruleCounts.get(id) ?? zeroStates();
        counts[state]++;
        ruleCounts.set(id, counts);
      } else {
        otherCounts[state]++;
      }
    }

    const timing = timingOf(session);
    if (timing) aftercare[timing]++;

    const note = session.aftercare;
    if (note.followUpToday) {
      followUps.flagged++;
      if (note.followUpDoneAt === null) followUps.open++;
      else if (dayKey(note.followUpDoneAt) === dayKey(session.endedAt ?? session.startedAt)) followUps.doneSameDay++;
      else followUps.doneLater++;
    }
    if (note.nextContact !== '') followUps.nextContactAgreed++;
    if (note.wantsSupervision) supervisionRequested++;
  }

  // The day counts are the one count the daily maximum is watched by (they also hold a session whose record waits
  // for an unlock); they keep only the last 60 days, so before that the sessions themselves are counted.
  const days = new Map(perDay);
  if (valid) {
    for (const [day, count] of Object.entries(dayCounts)) {
      if (day >= period.from && day <= period.to && count > (days.get(day) ?? 0)) days.set(day, count);
    }
  }
  const counted = [...days.values()].filter((count) => count > 0);

  return {
    period: { ...period },
    sessions: inPeriod.length,
    platforms: sessionPlatformSchema.options.filter((platform) => platforms.has(platform)),
    weeks,
    rules: DEFAULT_RULE_IDS.flatMap((id) => {
      const counts = ruleCounts.get(id);
      if (!counts) return [];
      return [
        {
          id,
          ...withShares(
            STATES.reduce((sum, state) => sum + counts[state], 0),
            counts,
          ),
        },
      ];
    }),
    otherRules: withShares(
      STATES.reduce((sum, state) => sum + otherCounts[state], 0),
      otherCounts,
    ),
    aftercare,
    followUps,
    dailyMaximum,
    daysWithSessions: counted.length,
    daysOverMaximum: dailyMaximum === null ? null : counted.filter((count) => count > dailyMaximum).length,
    supervisionRequested,
  };
}

/** A share as a whole percentage, for the CSV; empty where there is nothing to share. */
const percent = (figures: RuleFigures, state: AgreementState): CsvValue =>
  figures.total === 0 ? null : Math.round(figures.shares[state] * 100);

const TIMING_LABELS: Record<AftercareTiming, MessageKey> = {
  'within-hour': 'summaryTimingWithinHour',
  'same-day': 'summaryTimingSameDay',
  'within-3-days': 'summaryTimingWithin3Days',
  later: 'summaryTimingLater',
  'not-yet': 'summaryTimingNotYet',
};

const FOLLOW_UP_LABELS: Record<keyof FollowUpFigures, MessageKey> = {
  flagged: 'summaryFollowUpFlagged',
  doneSameDay: 'summaryFollowUpDoneSameDay',
  doneLater: 'summaryFollowUpDoneLater',
  open: 'summaryFollowUpOpen',
  nextContactAgreed: 'summaryNextContactAgreed',
};

export const timingLabel = (timing: AftercareTiming): string => t(TIMING_LABELS[timing]);
export const followUpLabel = (figure: keyof FollowUpFigures): string => t(FOLLOW_UP_LABELS[figure]);
export const FOLLOW_UP_FIGURES = Object.keys(FOLLOW_UP_LABELS) as Array<keyof FollowUpFigures>;

/** A rule's name: a built-in one in the current language. */
export const ruleLabel = (id: DefaultRuleId): string => t(`checklist.${id}.text`);

/**
 * The summary as CSV, in the language Callcare is shown in: one section after
 * another, each under its heading, with a blank line between. Days are written
 * "YYYY-MM-DD" and shares as whole percentages, so a spreadsheet reads them in
 * any language.
 */
export function summaryToCsv(summary: PracticeSummary): string {
  const stateHeadings = STATES.map((state) => t(`agreementState.${state}`));
  const ruleRow = (name: string, figures: RuleFigures): CsvValue[] => [
    name,
    figures.total,
    ...STATES.map((state) => figures.counts[state]),
    ...STATES.map((state) => percent(figures, state)),
  ];
  const rows: CsvValue[][] = [
    [t('summaryTitle')],
    [t('summaryCsvPeriod'), summary.period.from, summary.period.to],
    [t('summarySessions'), summary.sessions],
    [],
    [t('summaryWeeksHeading')],
    [
      t('summaryCsvWeek'),
      t('summaryCsvFrom'),
      t('summaryCsvTo'),
      ...summary.platforms.map((platform) => t(`platform.${platform}`)),
      t('summaryTotal'),
    ],
    ...summary.weeks.map((week) => [
      week.week,
      week.from,
      week.to,
      ...summary.platforms.map((platform) => week.byPlatform[platform]),
      week.total,
    ]),
    [],
    [t('summaryRulesHeading')],
    [
      t('summaryRule'),
      t('summaryOnChecklist'),
      ...stateHeadings,
      ...stateHeadings.map((state) => t('summaryCsvShare', { state })),
    ],
    ...summary.rules.map((rule) => ruleRow(ruleLabel(rule.id), rule)),
    ruleRow(t('summaryOtherRules'), summary.otherRules),
    [],
    [t('summaryAftercareHeading')],
    [t('summaryAftercareWhen'), t('summarySessions')],
    ...AFTERCARE_TIMINGS.map((timing) => [timingLabel(timing), summary.aftercare[timing]]),
    [],
    [t('summaryFollowUpsHeading')],
    ...FOLLOW_UP_FIGURES.map((figure) => [followUpLabel(figure), summary.followUps[figure]]),
    [],
    [t('summaryWorkloadHeading')],
    [t('summaryDaysWithSessions'), summary.daysWithSessions],
    [t('summaryDailyMaximum'), summary.dailyMaximum ?? t('summaryNoMaximum')],
    [t('summaryDaysOverMaximum'), summary.daysOverMaximum],
    [t('summarySupervisionRequested'), summary.supervisionRequested],
  ];
  return csvText(rows);
}
