import { afterEach, describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../lib/checklist';
import { applyCatalogue, makeCatalogue } from '../../lib/i18n';
import {
  addDays,
  lastFullMonth,
  monthOf,
  monthPeriod,
  type PracticeSummary,
  practiceSummary,
  previousMonth,
  summaryToCsv,
} from '../../lib/practiceSummary';
import type { Session, TemplateSnapshot } from '../../lib/schemas';
import {
  addPerson,
  completeAftercare,
  createSession,
  endSession,
  keepAftercareDraft,
  setAgreementNote,
  setAgreementState,
  setCheck,
} from '../../lib/sessions/model';
import { offeredMonth } from '../../lib/summaryOffer';
import { compiledMessagesOf } from './setup';
import { readTimesIn } from './timeZone';

readTimesIn('Europe/Amsterdam');
afterEach(() => {
  applyCatalogue(makeCatalogue('en', compiledMessagesOf('en'), 'en'));
});

/** A moment in local time: October 2026 begins on a Thursday, and summer time ends on Sunday 25 October. */
const at = (month: number, day: number, hour: number, minute = 0) =>
  new Date(2026, month - 1, day, hour, minute).getTime();

const CLIENT_ID = 'client-7f3a9c';
const HOST_OF: Partial<Record<Session['platform'], string>> = {
  meet: 'meet.google.com',
  zoom: 'app.zoom.us',
  teams: 'teams.microsoft.com',
};

/** A practitioner's own template, in their own words: none of it may reach the summary. */
const OWN_TEMPLATE: TemplateSnapshot = {
  id: 'tpl-jansen-intake',
  name: 'Intake Jansen household',
  version: 3,
  items: [
    {
      id: 'own-sibling-rule',
      phase: 'rules',
      kind: 'agreement',
      text: 'Kees is never discussed with Anouk',
      guidance: '',
    },
    { id: 'own-dog-rule', phase: 'rules', kind: 'agreement', text: 'The dog Bruno stays outside', guidance: '' },
    // The built-in id, in the practitioner's own words: counted as the built-in rule, named in Callcare's words.
    { id: 'rule-cameras', phase: 'rules', kind: 'agreement', text: 'Cameras on, Anouk insisted', guidance: '' },
    { id: 'own-prep', phase: 'before', kind: 'check', text: 'Read the Jansen file', guidance: '' },
  ],
};

let serial = 0;
function session(
  started: number,
  platform: Session['platform'],
  template: TemplateSnapshot = defaultTemplate(),
): Session {
  serial++;
  const host = HOST_OF[platform] ?? null;
  return createSession({
    id: `0d4e1f2a-5b6c-4d7e-8f90-${String(serial).padStart(12, '0')}`,
    origin: host ? 'tab' : 'manual',
    platform,
    host,
    tabId: host ? 40 + serial : null,
    clientId: CLIENT_ID,
    template,
    now: started,
  });
}

const NOTE_TEXT = {
  concerns: 'Anouk mentioned her brother Kees twice',
  clientSeemedNote: 'Quiet, looked at the door',
  followUpAgreed: 'Call the school counsellor',
  otherHelp: 'Kindertelefoon 0800-0432',
  wellbeing: 'Heavy session for me',
};

function october() {
  serial = 0;
  // Just outside the period, on both sides.
  const before = endSession(session(at(9, 30, 23, 59), 'meet'), 'tab-closed', at(10, 1, 0, 30));
  const after = endSession(session(at(11, 1, 0, 0), 'zoom'), 'tab-closed', at(11, 1, 0, 45));

  // Thursday 1 October: cameras agreed, recording declined with a note, a note written within the hour.
  let first = session(at(10, 1, 9), 'meet');
  first = setAgreementState(first, 'rule-cameras', 'agreed', at(10, 1, 9, 2));
  first = setAgreementState(first, 'rule-recording', 'declined', at(10, 1, 9, 3));
  first = setAgreementNote(first, 'rule-recording', 'Mother fears a secret recording by the father');
  first = setCheck(first, 'prep-space', true, at(10, 1, 8, 55));
  first = addPerson(
    first,
    { id: 'p1', side: 'client', role: 'sibling', name: 'Anouk', joinedLater: true },
    at(10, 1, 9, 20),
  );
  first = endSession(first, 'tab-closed', at(10, 1, 9, 50));
  first = completeAftercare(
    first,
    {
      ...NOTE_TEXT,
      clientSeemed: 'worried',
      followUpToday: true,
      followUpAt: at(10, 1, 14),
      followUpDoneAt: at(10, 1, 15),
      wantsSupervision: true,
    },
    at(10, 1, 10, 20),
  );

  // Sunday 4 October, in the evening: the note later that day.
  let sunday = session(at(10, 4, 20), 'zoom');
  sunday = setAgreementState(sunday, 'rule-cameras', 'agreed', at(10, 4, 20, 1));
  sunday = setAgreementState(sunday, 'rule-recording', 'not-applicable', at(10, 4, 20, 1));
  sunday = completeAftercare(endSession(sunday, 'tab-closed', at(10, 4, 21)), {}, at(10, 4, 23));

  // Monday 5 October: three sessions, over a daily maximum of 2. The first with the practitioner's own template.
  let own = session(at(10, 5, 9), 'meet', OWN_TEMPLATE);
  own = setAgreementState(own, 'own-sibling-rule', 'agreed', at(10, 5, 9, 1));
  own = setAgreementState(own, 'rule-cameras', 'declined', at(10, 5, 9, 2));
  own = setAgreementNote(own, 'rule-cameras', 'Anouk has no camera');
  own = completeAftercare(endSession(own, 'tab-closed', at(10, 5, 10)), NOTE_TEXT, at(10, 7, 9));

  let second = session(at(10, 5, 11), 'meet');
  second = setAgreementState(second, 'rule-cameras', 'agreed', at(10, 5, 11, 1));
  second = completeAftercare(
    endSession(second, 'ended-by-practitioner', at(10, 5, 12)),
    { wantsSupervision: true, nextContact: '' },
    at(10, 5, 12, 30),
  );

  // Its note is still to write; a follow-up flagged in the draft is open.
  let third = session(at(10, 5, 13), 'teams');
  third = endSession(third, 'tab-closed', at(10, 5, 14));
  third = keepAftercareDraft(
    third,
    { ...NOTE_TEXT, followUpToday: true, followUpAt: at(10, 5, 17) },
    at(10, 5, 14, 10),
  );

  // Monday 26 October, after summer time ended: by phone; the note a week later, the follow-up the next day.
  let phone = session(at(10, 26, 10), 'phone');
  phone = endSession(phone, 'ended-by-practitioner', at(10, 26, 11));
  phone = completeAftercare(
    phone,
    { followUpToday: true, followUpAt: at(10, 26, 16), followUpDoneAt: at(10, 27, 9), nextContact: '2026-11-09' },
    at(11, 2, 9),
  );

  // The last evening of the period, still running.
  const running = session(at(10, 31, 23, 30), 'meet');

  return {
    all: [before, first, sunday, own, second, third, phone, running, after],
    inPeriod: [first, sunday, own, second, third, phone, running],
    outside: [before, after],
  };
}

const DAY_COUNTS = {
  '2026-09-30': 5,
  '2026-10-05': 3,
  // Sessions whose records wait for an unlock: the day counts know of them.
  '2026-10-12': 4,
  '2026-11-01': 6,
};

function octoberSummary(dailyMaximum: number | null = 2): {
  summary: PracticeSummary;
  data: ReturnType<typeof october>;
} {
  const data = october();
  return {
    data,
    summary: practiceSummary({
      sessions: data.all,
      dayCounts: DAY_COUNTS,
      dailyMaximum,
      period: monthPeriod('2026-10'),
    }),
  };
}

describe('the practice summary', () => {
  it('counts only the sessions that started within the period, its first and last days included', () => {
    const { summary } = octoberSummary();
    expect(summary.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(summary.sessions).toBe(7);
    expect(summary.daysWithSessions).toBe(6); // 1, 4, 5, 12 (day counts only), 26 and 31 October
  });

  it('splits weeks at Monday, with the first and last week cut by the period', () => {
    const { summary } = octoberSummary();
    expect(summary.platforms).toEqual(['meet', 'zoom', 'teams', 'phone']);
    expect(
      summary.weeks.map((week) => [
        week.week,
        week.from,
        week.to,
        week.total,
        week.byPlatform.meet,
        week.byPlatform.zoom,
      ]),
    ).toEqual([
      ['2026-W40', '2026-10-01', '2026-10-04', 2, 1, 1], // Thursday to Sunday: the Sunday evening session stays here
      ['2026-W41', '2026-10-05', '2026-10-11', 3, 2, 0], // Monday's three
      ['2026-W42', '2026-10-12', '2026-10-18', 0, 0, 0],
      ['2026-W43', '2026-10-19', '2026-10-25', 0, 0, 0],
      ['2026-W44', '2026-10-26', '2026-10-31', 2, 1, 0], // summer time over; Saturday 31 October is the last day
    ]);
    expect(summary.weeks[1]?.byPlatform.teams).toBe(1);
    expect(summary.weeks[4]?.byPlatform.phone).toBe(1);
    expect(summary.weeks.map((week) => week.number)).toEqual([40, 41, 42, 43, 44]);
  });

  it('names ISO weeks across the turn of a year', () => {
    const summary = practiceSummary({
      sessions: [],
      dayCounts: {},
      dailyMaximum: null,
      period: { from: '2026-12-30', to: '2027-01-05' },
    });
    expect(summary.weeks.map(({ week, from, to }) => [week, from, to])).toEqual([
      ['2026-W53', '2026-12-30', '2027-01-03'],
      ['2027-W01', '2027-01-04', '2027-01-05'],
    ]);
  });

  it('gives each built-in rule its counts and shares, and counts every other rule together', () => {
    const { summary } = octoberSummary();
    const cameras = summary.rules.find((rule) => rule.id === 'rule-cameras');
    // On all seven checklists: the own template's "rule-cameras" is the built-in rule.
    expect(cameras?.total).toBe(7);
    expect(cameras?.counts).toEqual({ agreed: 3, declined: 1, 'not-discussed': 3, 'not-applicable': 0 });
    expect(cameras?.shares.agreed).toBeCloseTo(3 / 7);
    expect(cameras?.shares.declined).toBeCloseTo(1 / 7);
    const recording = summary.rules.find((rule) => rule.id === 'rule-recording');
    expect(recording?.total).toBe(6);
    expect(recording?.counts).toEqual({ agreed: 0, declined: 1, 'not-discussed': 4, 'not-applicable': 1 });
    // The built-in checklist's order, and only its rules (no check, no own id).
    expect(summary.rules.map((rule) => rule.id)).toEqual([
      'rule-cameras',
      'rule-recording',
      'rule-present',
      'rule-privacy',
      'rule-account',
      'rule-confidentiality',
      'rule-questions',
      'rule-dropout',
      'rule-objectives',
      'rule-format',
      'rule-location',
    ]);
    expect(summary.otherRules.total).toBe(2);
    expect(summary.otherRules.counts).toEqual({ agreed: 1, declined: 0, 'not-discussed': 1, 'not-applicable': 0 });
    expect(summary.otherRules.shares.agreed).toBe(0.5);
  });

  it('says how soon after the end each note was completed, leaving out a session still running', () => {
    const { summary } = octoberSummary();
    expect(summary.aftercare).toEqual({
      'within-hour': 2,
      'same-day': 1,
      'within-3-days': 1,
      later: 1,
      'not-yet': 1,
    });
  });

  it('counts follow-ups flagged, done the same day or later, still open, and next contacts agreed', () => {
    const { summary } = octoberSummary();
    expect(summary.followUps).toEqual({ flagged: 3, doneSameDay: 1, doneLater: 1, open: 1, nextContactAgreed: 1 });
    expect(summary.supervisionRequested).toBe(2);
  });

  it('counts the days over the daily maximum from the day counts and the sessions, within the period only', () => {
    expect(octoberSummary(2).summary.daysOverMaximum).toBe(2); // 5 October (3) and 12 October (4)
    expect(octoberSummary(3).summary.daysOverMaximum).toBe(1);
    expect(octoberSummary(2).summary.dailyMaximum).toBe(2);
    const none = octoberSummary(null).summary;
    expect(none.daysOverMaximum).toBeNull();
    expect(none.dailyMaximum).toBeNull();
    // Before the day counts reach (they keep 60 days), the sessions themselves are counted.
    const old = practiceSummary({
      sessions: october().all,
      dayCounts: {},
      dailyMaximum: 2,
      period: monthPeriod('2026-10'),
    });
    expect(old.daysOverMaximum).toBe(1);
  });

  it('is empty for a period that ends before it begins', () => {
    const summary = practiceSummary({
      sessions: october().all,
      dayCounts: DAY_COUNTS,
      dailyMaximum: 2,
      period: { from: '2026-10-31', to: '2026-10-01' },
    });
    expect(summary.sessions).toBe(0);
    expect(summary.weeks).toEqual([]);
    expect(summary.daysWithSessions).toBe(0);
  });
});

describe('the summary as CSV', () => {
  const sections = (csv: string) =>
    csv
      .trimEnd()
      .split('\r\n\r\n')
      .map((section) => section.split('\r\n'));

  it('has every figure, section by section, under headings in the current language', () => {
    const { summary } = octoberSummary();
    const csv = summaryToCsv(summary);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [overview, weeks, rules, aftercare, followUps, workload] = sections(csv);
    expect(overview).toEqual(['Practice summary', 'Period,2026-10-01,2026-10-31', 'Sessions,7']);
    expect(weeks).toEqual([
      'Sessions per week and platform',
      'ISO week,from,to,Google Meet,Zoom,Microsoft Teams,Phone call,Total',
      '2026-W40,2026-10-01,2026-10-04,1,1,0,0,2',
      '2026-W41,2026-10-05,2026-10-11,2,0,1,0,3',
      '2026-W42,2026-10-12,2026-10-18,0,0,0,0,0',
      '2026-W43,2026-10-19,2026-10-25,0,0,0,0,0',
      '2026-W44,2026-10-26,2026-10-31,1,0,0,1,2',
    ]);
    expect(rules?.[0]).toBe('How each rule of communication went');
    expect(rules?.[1]).toBe(
      'Rule,Sessions with the rule,Agreed,Declined,Not discussed,Not applicable,Agreed (%),Declined (%),Not discussed (%),Not applicable (%)',
    );
    // Callcare's own wording, quoted for its comma; shares as whole percentages.
    expect(rules?.[2]).toBe(
      '"Both keep cameras on, unless there is a valid personal reason (note it)",7,3,1,3,0,43,14,43,0',
    );
    expect(rules).toContain(
      '"Nobody records the session (or: a recording was agreed, with its purpose and who keeps it)",6,0,1,4,1,0,17,67,17',
    );
    expect(rules?.at(-1)).toBe('"Rules of other checklists, together",2,1,0,1,0,50,0,50,0');
    expect(rules).toHaveLength(2 + 11 + 1);
    expect(aftercare).toEqual([
      'How soon aftercare notes were written',
      'Note completed,Sessions',
      'Within an hour of the end,2',
      'Later the same day,1',
      'Within 3 days,1',
      'Later,1',
      'Not yet,1',
    ]);
    expect(followUps).toEqual([
      'Follow-ups',
      'Concerns flagged for follow-up the same day,3',
      'Followed up the same day,1',
      'Followed up later,1',
      'Not followed up yet,1',
      'Date of next contact agreed,1',
    ]);
    expect(workload).toEqual([
      '"Sessions, days and supervision"',
      'Days with sessions,6',
      'Daily maximum,2',
      'Days over the daily maximum,2',
      'Sessions after which supervision was asked for,2',
    ]);
  });

  it('says when no daily maximum is set', () => {
    const csv = summaryToCsv(octoberSummary(null).summary);
    expect(csv).toContain('\r\nDaily maximum,none set\r\nDays over the daily maximum,\r\n');
  });

  it('holds no client, note, host, session id, or word or id of the practitioner’s own template', () => {
    const { summary, data } = octoberSummary();
    const csv = summaryToCsv(summary);
    const forbidden = [
      CLIENT_ID,
      ...Object.values(HOST_OF),
      ...data.all.map((one) => one.id),
      ...Object.values(NOTE_TEXT),
      'Mother fears',
      'Anouk',
      'Kees',
      'Bruno',
      OWN_TEMPLATE.id,
      OWN_TEMPLATE.name,
      ...OWN_TEMPLATE.items.flatMap((item) => (item.id.startsWith('own-') ? [item.id, item.text] : [item.text])),
      'own-',
      'Jansen',
      '@3', // a checklist's version, as the CSV of sessions writes it
    ];
    for (const text of forbidden) expect(csv, text).not.toContain(text);
    // The summary object itself holds none of it either.
    const json = JSON.stringify(summary);
    for (const text of forbidden) expect(json, text).not.toContain(text);
  });

  it('is written in the language Callcare is shown in', () => {
    applyCatalogue(makeCatalogue('nl', compiledMessagesOf('nl'), 'nl'));
    const csv = summaryToCsv(octoberSummary().summary);
    expect(csv.startsWith('Praktijksamenvatting\r\nPeriode,2026-10-01,2026-10-31\r\n')).toBe(true);
    expect(csv).toContain('Sessies per week en platform');
    expect(csv).toContain('Afgesproken (%)');
    expect(csv).not.toContain('Both keep cameras on');
  });
});

describe('months and the monthly offer', () => {
  it('takes the last full calendar month as the period, across the turn of a year', () => {
    expect(lastFullMonth(at(11, 3, 10))).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastFullMonth(new Date(2027, 0, 1, 0, 5).getTime())).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastFullMonth(new Date(2028, 2, 15).getTime())).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousMonth(at(10, 31, 23, 59))).toBe('2026-09');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('knows a period that is exactly one month', () => {
    expect(monthOf({ from: '2026-10-01', to: '2026-10-31' })).toBe('2026-10');
    expect(monthOf({ from: '2026-10-01', to: '2026-10-30' })).toBeNull();
    expect(monthOf({ from: '2026-10-02', to: '2026-10-31' })).toBeNull();
    expect(monthOf({ from: '2026-09-01', to: '2026-10-31' })).toBeNull();
  });

  it('offers last month in the first week of a month, when the policy asks, until it is handled', () => {
    const early = at(11, 3, 10);
    expect(offeredMonth({ now: early, asked: true, handledMonth: null })).toBe('2026-10');
    expect(offeredMonth({ now: early, asked: true, handledMonth: '2026-09' })).toBe('2026-10');
    expect(offeredMonth({ now: early, asked: true, handledMonth: '2026-10' })).toBeNull();
    expect(offeredMonth({ now: early, asked: false, handledMonth: null })).toBeNull();
    expect(offeredMonth({ now: at(11, 7, 23), asked: true, handledMonth: null })).toBe('2026-10');
    expect(offeredMonth({ now: at(11, 8, 0, 1), asked: true, handledMonth: null })).toBeNull();
    expect(offeredMonth({ now: new Date(2027, 0, 2).getTime(), asked: true, handledMonth: '2026-11' })).toBe('2026-12');
  });
});
