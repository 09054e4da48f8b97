import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../lib/checklist';
import { sessionSchema } from '../../lib/schemas';
import {
  addPerson,
  completeAftercare,
  createSession,
  endSession,
  keepAftercareDraft,
  progress,
  removePerson,
  setAgreementNote,
  setAgreementState,
  setCheck,
  startConversation,
  suggestsJoinedLater,
} from '../../lib/sessions/model';

const START = Date.UTC(2026, 10, 21, 9, 0);
const minutes = (count: number) => START + count * 60_000;

const fresh = () =>
  createSession({
    id: 's1',
    origin: 'tab',
    platform: 'meet',
    host: 'meet.google.com',
    tabId: 7,
    template: defaultTemplate(),
    now: START,
  });

describe('the default checklist', () => {
  it('has the default items, by phase, with unique ids and guidance', () => {
    const items = defaultTemplate().items;
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.filter((item) => item.phase === 'before')).toHaveLength(5);
    expect(items.filter((item) => item.phase === 'rules' && item.kind === 'agreement')).toHaveLength(11);
    expect(items.filter((item) => item.phase === 'during')).toHaveLength(4);
    expect(items.every((item) => item.guidance.includes('Source'))).toBe(true);
  });
});

describe('a session record', () => {
  it('starts running with every agreement not discussed', () => {
    const session = fresh();
    expect(sessionSchema.parse(session)).toEqual(session);
    expect(session.status).toBe('running');
    expect(Object.values(session.agreements).every((record) => record.state === 'not-discussed')).toBe(true);
    expect(progress(session)).toEqual({
      agreementsTotal: 11,
      agreementsRecorded: 0,
      agreed: 0,
      checksTotal: 9,
      checksTicked: 0,
    });
  });

  it('keeps each change of an agreement with its time', () => {
    let session = setAgreementState(fresh(), 'rule-cameras', 'agreed', minutes(2));
    session = setAgreementState(session, 'rule-cameras', 'declined', minutes(5));
    session = setAgreementNote(session, 'rule-cameras', 'Camera broken');
    expect(session.agreements['rule-cameras']).toEqual({
      state: 'declined',
      note: 'Camera broken',
      changedAt: minutes(5),
      history: [
        { state: 'agreed', at: minutes(2) },
        { state: 'declined', at: minutes(5) },
      ],
      confirmedFrom: null,
    });
    expect(progress(session)).toMatchObject({ agreementsRecorded: 1, agreed: 0 });
  });

  it('does not record setting the same state twice as a change', () => {
    const once = setAgreementState(fresh(), 'rule-recording', 'agreed', minutes(1));
    expect(setAgreementState(once, 'rule-recording', 'agreed', minutes(3))).toBe(once);
  });

  it('refuses an item that is not of the right kind', () => {
    expect(() => setAgreementState(fresh(), 'prep-space', 'agreed', START)).toThrow(/not an agreement/);
    expect(() => setCheck(fresh(), 'rule-cameras', true, START)).toThrow(/not a check/);
    expect(() => setAgreementState(fresh(), 'no-such-item', 'agreed', START)).toThrow();
  });

  it('ticks and unticks checks', () => {
    let session = setCheck(fresh(), 'prep-space', true, minutes(1));
    session = setCheck(session, 'during-silence', true, minutes(2));
    session = setCheck(session, 'prep-space', false, minutes(3));
    expect(progress(session).checksTicked).toBe(1);
  });

  it('notes people present, and suggests "joined later" only after the conversation has started', () => {
    let session = fresh();
    expect(suggestsJoinedLater(session, minutes(1))).toBe(false);
    session = addPerson(
      session,
      { id: 'p1', side: 'client', role: 'client', name: ' A. ', joinedLater: false },
      minutes(1),
    );
    // Naming everyone present is done at the start: it does not make the next person a late arrival.
    session = setAgreementState(session, 'rule-present', 'agreed', minutes(2));
    expect(suggestsJoinedLater(session, minutes(3))).toBe(false);
    const started = startConversation(session, minutes(3));
    expect(suggestsJoinedLater(started, minutes(3))).toBe(true);
    expect(startConversation(started, minutes(4)).conversationStartedAt).toBe(minutes(3));
    expect(suggestsJoinedLater(fresh(), minutes(6))).toBe(true);
    session = addPerson(
      session,
      { id: 'p2', side: 'client', role: 'sibling', name: 'B', joinedLater: true },
      minutes(20),
    );
    expect(session.people).toEqual([
      { id: 'p1', side: 'client', role: 'client', name: 'A.', notedAt: minutes(1), joinedLater: false },
      { id: 'p2', side: 'client', role: 'sibling', name: 'B', notedAt: minutes(20), joinedLater: true },
    ]);
    expect(removePerson(session, 'p1').people.map((person) => person.id)).toEqual(['p2']);
    expect(() =>
      addPerson(session, { id: 'p3', side: 'client', role: 'other', name: '  ', joinedLater: false }, START),
    ).toThrow();
  });

  it('ends once: a second ending changes nothing', () => {
    const ended = endSession(fresh(), 'tab-closed', minutes(50));
    expect(ended).toMatchObject({ status: 'aftercare-pending', endedAt: minutes(50), endReason: 'tab-closed' });
    expect(endSession(ended, 'navigated-away', minutes(60))).toBe(ended);
  });

  it('keeps an aftercare draft, and completes the session when the note is saved', () => {
    const ended = endSession(fresh(), 'tab-closed', minutes(50));
    const draft = keepAftercareDraft(ended, { concerns: 'Seemed withdrawn', clientSeemed: 'worried' }, minutes(52));
    expect(draft.status).toBe('aftercare-pending');
    expect(draft.aftercare).toMatchObject({
      concerns: 'Seemed withdrawn',
      clientSeemed: 'worried',
      updatedAt: minutes(52),
    });
    const complete = completeAftercare(draft, { wellbeing: 'OK' }, minutes(55));
    expect(complete.status).toBe('complete');
    expect(complete.aftercare).toMatchObject({
      concerns: 'Seemed withdrawn',
      wellbeing: 'OK',
      completedAt: minutes(55),
    });
    const edited = completeAftercare(complete, { wellbeing: 'Tired' }, minutes(70));
    expect(edited.aftercare.completedAt).toBe(minutes(55));
    expect(sessionSchema.safeParse(edited).success).toBe(true);
  });

  it('ends a running session when its note is completed from the aftercare page', () => {
    const complete = completeAftercare(fresh(), {}, minutes(30));
    expect(complete).toMatchObject({ status: 'complete', endedAt: minutes(30), endReason: 'ended-by-practitioner' });
  });
});
