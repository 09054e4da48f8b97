import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../lib/checklist';
import { sessionsToCsv } from '../../lib/csv';
import { dueForDeletion } from '../../lib/retention';
import {
  addPerson,
  completeAftercare,
  createSession,
  endSession,
  setAgreementNote,
  setAgreementState,
} from '../../lib/sessions/model';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 21, 12, 0);

const at = (id: string, daysAgo: number) =>
  createSession({
    id,
    origin: 'tab',
    platform: 'zoom',
    host: 'app.zoom.us',
    tabId: 1,
    template: defaultTemplate(),
    now: NOW - daysAgo * DAY,
  });

describe('retention', () => {
  const old = completeAftercare(at('old', 400), {}, NOW - 399 * DAY);
  const older = completeAftercare(at('older', 800), {}, NOW - 799 * DAY);
  const recent = completeAftercare(at('recent', 10), {}, NOW - 9 * DAY);
  const pending = endSession(at('pending', 500), 'tab-closed', NOW - 499 * DAY);

  it('is off by default: nothing is due', () => {
    expect(dueForDeletion([old, older], null, NOW)).toEqual({ ids: [], oldest: null, newest: null });
  });

  it('finds completed sessions older than the period, and when they were', () => {
    expect(dueForDeletion([old, older, recent, pending], 365, NOW)).toEqual({
      ids: ['old', 'older'],
      oldest: NOW - 800 * DAY,
      newest: NOW - 400 * DAY,
    });
  });

  it('never deletes a session whose aftercare note is still to write', () => {
    expect(dueForDeletion([pending], 1, NOW).ids).toEqual([]);
  });
});

describe('the CSV of sessions', () => {
  it('has counts and choices, and none of the free text', () => {
    let session = setAgreementState(at('s1', 1), 'rule-cameras', 'declined', NOW - DAY + 1000);
    session = setAgreementNote(session, 'rule-cameras', 'Her camera is broken, "sadly"');
    session = addPerson(
      session,
      { id: 'p', side: 'client', role: 'parent', name: 'Maria', joinedLater: true },
      NOW - DAY + 2000,
    );
    session = completeAftercare(
      session,
      { concerns: 'Brother mentioned twice', clientSeemed: 'worried', followUpToday: true },
      NOW - DAY + 3_600_000,
    );
    const csv = sessionsToCsv([session]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toContain('declined');
    expect(row).toContain('zoom');
    expect(row).toContain('worried');
    for (const text of ['camera is broken', 'Maria', 'Brother', 'app.zoom.us']) expect(csv).not.toContain(text);
    expect(row?.split(',')).toHaveLength(header?.split(',').length ?? 0);
  });
});
