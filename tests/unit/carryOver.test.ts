import { describe, expect, it } from 'vitest';
import { carriedOver, previousSessionId, stillToReconfirm } from '../../lib/carryOver';
import { defaultTemplate } from '../../lib/checklist';
import type { Session } from '../../lib/schemas';
import { digestFrom } from '../../lib/sessions/digest';
import { createSession, reconfirm, setAgreementNote, setAgreementState } from '../../lib/sessions/model';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 1, 10, 0);

function session(id: string, clientId: string | null, startedAt: number): Session {
  return createSession({
    id,
    origin: 'tab',
    platform: 'meet',
    host: 'meet.google.com',
    tabId: 1,
    clientId,
    template: defaultTemplate(),
    now: startedAt,
  });
}

describe('agreements carried over', () => {
  const first = setAgreementNote(
    setAgreementState(
      setAgreementState(session('s1', 'c1', T0), 'rule-cameras', 'agreed', T0 + 60_000),
      'rule-objectives',
      'declined',
      T0 + 120_000,
    ),
    'rule-cameras',
    'Camera on',
  );
  const unrelated = setAgreementState(session('s0', 'c2', T0 + DAY), 'rule-cameras', 'declined', T0 + DAY);
  const nothingRecorded = session('s2', 'c1', T0 + 2 * DAY);
  const today = session('s3', 'c1', T0 + 7 * DAY);

  it("finds the client's most recent earlier session that recorded anything", () => {
    expect(previousSessionId(digestFrom([first, unrelated, nothingRecorded, today]), today)).toBe('s1');
    expect(previousSessionId(digestFrom([first]), session('s4', null, T0 + 9 * DAY))).toBeUndefined();
    expect(previousSessionId(digestFrom([today]), today)).toBeUndefined();
    // A session never carries from one that started after it.
    expect(previousSessionId(digestFrom([first, today]), session('s5', 'c1', T0 - DAY))).toBeUndefined();
  });

  it('shows what was recorded last time, item by item, without assuming anything for today', () => {
    const carried = carriedOver(first, today);
    expect(carried).toEqual({
      'rule-cameras': { sessionId: 's1', state: 'agreed', note: 'Camera on', at: T0 + 60_000 },
      'rule-objectives': { sessionId: 's1', state: 'declined', note: '', at: T0 + 120_000 },
    });
    expect(today.agreements['rule-cameras']?.state).toBe('not-discussed');
    expect(stillToReconfirm(carried, today)).toEqual(['rule-cameras', 'rule-objectives']);
  });

  it('re-confirms one item with a click, keeping where it came from', () => {
    const carried = carriedOver(first, today);
    const last = carried['rule-cameras'];
    if (!last) throw new Error('expected a carried item');
    const confirmed = reconfirm(today, 'rule-cameras', last, T0 + 7 * DAY + 5_000);
    expect(confirmed.agreements['rule-cameras']).toMatchObject({
      state: 'agreed',
      note: 'Camera on',
      changedAt: T0 + 7 * DAY + 5_000,
      confirmedFrom: { sessionId: 's1', at: T0 + 60_000 },
    });
    expect(stillToReconfirm(carried, confirmed)).toEqual(['rule-objectives']);
    // Changing it by hand afterwards is today's own record, not a re-confirmation.
    const changed = setAgreementState(confirmed, 'rule-cameras', 'declined', T0 + 7 * DAY + 9_000);
    expect(changed.agreements['rule-cameras']?.confirmedFrom).toBeNull();
  });

  it("keeps today's note when one was already written", () => {
    const withNote = setAgreementNote(today, 'rule-cameras', 'Today: camera off, ill');
    const last = carriedOver(first, today)['rule-cameras'];
    if (!last) throw new Error('expected a carried item');
    expect(reconfirm(withNote, 'rule-cameras', last, T0).agreements['rule-cameras']?.note).toBe(
      'Today: camera off, ill',
    );
  });

  it("carries nothing for items today's checklist does not have", () => {
    const shorter = {
      ...today,
      template: { ...today.template, items: today.template.items.filter((item) => item.id !== 'rule-objectives') },
    };
    expect(Object.keys(carriedOver(first, shorter))).toEqual(['rule-cameras']);
  });

  it('finds nothing on the prototype for an item whose id an object already answers to', () => {
    // A checklist that came in before reserved ids were refused: "toString" was never recorded last time.
    const item = { id: 'toString', phase: 'rules' as const, kind: 'agreement' as const, text: 'T', guidance: '' };
    const withItem = { ...today, template: { ...today.template, items: [...today.template.items, item] } };
    const carried = carriedOver(first, withItem);
    expect(Object.keys(carried)).toEqual(['rule-cameras', 'rule-objectives']);
    expect(carried.toString).toBeUndefined();
    expect(stillToReconfirm(carried, withItem)).toEqual(['rule-cameras', 'rule-objectives']);
  });
});
