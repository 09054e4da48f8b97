import { describe, expect, it } from 'vitest';
import { agreementOutcomes, pendingByAge, sessionsPerDayChart } from '../../lib/charts';
import { defaultTemplate } from '../../lib/checklist';
import { filterHistory, NO_FILTER, searchIndex, searchIndexed } from '../../lib/history';
import type { Client, Session } from '../../lib/schemas';
import { digestFrom, digestOf } from '../../lib/sessions/digest';
import {
  addPerson,
  completeAftercare,
  createSession,
  endSession,
  keepAftercareDraft,
  setAgreementNote,
  setAgreementState,
} from '../../lib/sessions/model';
import { weeklyWellbeing } from '../../lib/wellbeing';
import { readTimesIn } from './timeZone';

readTimesIn('Europe/Amsterdam');

const at = (
  id: string,
  day: number,
  hour: number,
  platform: Session['platform'] = 'meet',
  clientId: string | null = null,
) =>
  createSession({
    id,
    origin: 'tab',
    platform,
    host: null,
    tabId: 1,
    clientId,
    template: defaultTemplate(),
    now: new Date(2026, 10, day, hour).getTime(),
  });

describe('charts', () => {
  it('counts sessions for each of the last 30 days, zero days included', () => {
    const now = new Date(2026, 10, 21, 18).getTime();
    const chart = sessionsPerDayChart(
      [at('a', 21, 9), at('b', 21, 11), at('c', 19, 10), at('old', 1, 10)].map(digestOf),
      now,
    );
    expect(chart).toHaveLength(30);
    expect(chart.at(-1)).toEqual({ day: '2026-11-21', count: 2 });
    expect(chart.at(-3)).toEqual({ day: '2026-11-19', count: 1 });
    expect(chart[0]).toEqual({ day: '2026-10-23', count: 0 });
  });

  it('shows which rules clients most often say no to', () => {
    const one = setAgreementState(at('a', 20, 9), 'rule-recording', 'declined', 1);
    const two = setAgreementState(
      setAgreementState(at('b', 21, 9), 'rule-recording', 'declined', 1),
      'rule-cameras',
      'agreed',
      1,
    );
    const digest = digestFrom([one, two]);
    const outcomes = agreementOutcomes(digest);
    expect(outcomes[0]?.text).toBe(
      'Nobody records the session (or: a recording was agreed, with its purpose and who keeps it)',
    );
    expect(outcomes[0]).toMatchObject({ itemId: 'rule-recording', counts: { declined: 2, agreed: 0 } });
    expect(outcomes.find((outcome) => outcome.itemId === 'rule-cameras')?.counts).toEqual({
      agreed: 1,
      declined: 0,
      'not-discussed': 1,
      'not-applicable': 0,
    });
  });

  it('still draws how each rule went when an item id is an object key like "__proto__"', () => {
    // A digest as read back from storage: zod drops a "__proto__" key from `texts`, but the order keeps the id.
    const session = setAgreementState(at('a', 20, 9), 'rule-cameras', 'agreed', 1);
    const digest = digestFrom([session]);
    const order = String(digest.entries.a?.order);
    const hostile = {
      ...digest,
      orders: { [order]: ['__proto__', 'constructor', ...(digest.orders[order] ?? [])] },
      entries: {
        a: { ...digest.entries.a, states: `dd${digest.entries.a?.states}` } as (typeof digest.entries)[string],
      },
    };
    const outcomes = agreementOutcomes(hostile);
    expect(outcomes.map((outcome) => typeof outcome.text)).toEqual(outcomes.map(() => 'string'));
    expect(outcomes.slice(0, 2).map((outcome) => outcome.text)).toEqual(['__proto__', 'constructor']);
    expect(outcomes.find((outcome) => outcome.itemId === 'rule-cameras')?.counts.agreed).toBe(1);
  });

  it('sorts notes still to write by age, in local days', () => {
    const now = new Date(2026, 11, 10, 9).getTime();
    const ended = (id: string, month: number, day: number) =>
      endSession(at(id, 1, 8), 'tab-closed', new Date(2026, month, day, 23, 30).getTime());
    expect(
      pendingByAge(
        [
          ended('today', 11, 10),
          ended('yesterday', 11, 9),
          ended('week', 11, 4),
          ended('old', 10, 20),
          completeAftercare(at('done', 9, 9), {}, now),
        ],
        now,
      ),
    ).toEqual({ today: 1, '1-2 days': 1, '3-7 days': 1, 'over a week': 1 });
  });
});

describe('the weekly wellbeing view', () => {
  it('gathers ratings, sessions on days over the limit, and supervision asked for', () => {
    const rated = (id: string, day: number, hour: number, rating: 'good' | 'strained', supervision = false) =>
      completeAftercare(
        keepAftercareDraft(at(id, day, hour), { selfRating: rating, wantsSupervision: supervision }, 1),
        {},
        2,
      );
    const all = [
      rated('a', 16, 9, 'good'),
      rated('b', 16, 11, 'strained', true),
      rated('c', 16, 14, 'strained'),
      rated('d', 24, 9, 'good'),
    ];
    const [week] = weeklyWellbeing(all.map(digestOf), 2, ['2026-11-16']);
    expect(week).toEqual({
      week: '2026-11-16',
      sessions: 3,
      ratings: { good: 1, okay: 0, tired: 0, strained: 2 },
      overLimitSessions: 3,
      supervisionAsked: 1,
    });
  });
});

describe('the history', () => {
  const client: Client = {
    id: 'c1',
    code: 'FS-042',
    createdAt: 0,
    archivedAt: null,
    considerations: {},
    language: null,
  };
  const clients = new Map([[client.id, client]]);
  const withNote = setAgreementNote(at('noted', 18, 10, 'zoom', 'c1'), 'rule-present', 'Uncle joined halfway');
  const person = addPerson(
    at('person', 19, 10, 'teams'),
    { id: 'p', side: 'client', role: 'sibling', name: 'Yusuf', joinedLater: false },
    1,
  );
  const pending = endSession(at('pending', 10, 10), 'tab-closed', 2);
  const complete = completeAftercare(at('complete', 20, 10), { concerns: 'Sleep is bad' }, 3);
  const all = [withNote, person, pending, complete];

  it('puts the notes to write first, then the newest', () => {
    expect(filterHistory(all, NO_FILTER).map((session) => session.id)).toEqual([
      'pending',
      'complete',
      'person',
      'noted',
    ]);
  });

  it('filters by client, platform, state and date range', () => {
    expect(filterHistory(all, { ...NO_FILTER, clientId: 'c1' }, clients).map((session) => session.id)).toEqual([
      'noted',
    ]);
    expect(filterHistory(all, { ...NO_FILTER, platform: 'teams' }).map((session) => session.id)).toEqual(['person']);
    expect(filterHistory(all, { ...NO_FILTER, status: 'complete' }).map((session) => session.id)).toEqual(['complete']);
    expect(
      filterHistory(all, { ...NO_FILTER, from: '2026-11-18', to: '2026-11-19' }).map((session) => session.id),
    ).toEqual(['person', 'noted']);
  });

  it('searches what was typed, notes, names and client codes, ignoring case', () => {
    expect(filterHistory(all, { ...NO_FILTER, search: 'uncle HALFWAY' }).map((session) => session.id)).toEqual([
      'noted',
    ]);
    expect(filterHistory(all, { ...NO_FILTER, search: 'yusuf' }).map((session) => session.id)).toEqual(['person']);
    expect(filterHistory(all, { ...NO_FILTER, search: 'sleep' }).map((session) => session.id)).toEqual(['complete']);
    expect(filterHistory(all, { ...NO_FILTER, search: 'fs-042' }, clients).map((session) => session.id)).toEqual([
      'noted',
    ]);
    expect(filterHistory(all, { ...NO_FILTER, search: 'nothing like this' })).toEqual([]);
    // The index History keeps answers each search as the sessions themselves would.
    const index = searchIndex(all, clients);
    for (const search of ['uncle HALFWAY', 'yusuf', 'fs-042', 'nothing like this']) {
      expect(searchIndexed(index, search)).toEqual(
        new Set(filterHistory(all, { ...NO_FILTER, search }, clients).map((session) => session.id)),
      );
    }
  });
});
