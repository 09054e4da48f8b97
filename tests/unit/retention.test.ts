import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkRetention, scheduleRetentionCheck } from '../../entrypoints/background/retentionCheck';
import { defaultTemplate } from '../../lib/checklist';
import { sessionsToCsv } from '../../lib/csv';
import { dueForDeletion } from '../../lib/retention';
import { digestFrom, rowsOf } from '../../lib/sessions/digest';
import {
  addPerson,
  completeAftercare,
  createSession,
  endSession,
  setAgreementNote,
  setAgreementState,
} from '../../lib/sessions/model';
import { repairLists } from '../../lib/sessions/store';
import { DEFAULT_SETTINGS, ownSettings, storedSessions } from '../../lib/storage/items';

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

const old = completeAftercare(at('old', 400), {}, NOW - 399 * DAY);
const older = completeAftercare(at('older', 800), {}, NOW - 799 * DAY);
const recent = completeAftercare(at('recent', 10), {}, NOW - 9 * DAY);
const pending = endSession(at('pending', 500), 'tab-closed', NOW - 499 * DAY);

describe('retention', () => {
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

  it('works on the rows of the session digest, without the sessions themselves', () => {
    const rows = rowsOf(digestFrom([recent, older, pending, old]));
    const due = dueForDeletion(rows, 365, NOW);
    expect([...due.ids].sort()).toEqual(['old', 'older']);
    expect([due.oldest, due.newest]).toEqual([NOW - 800 * DAY, NOW - 400 * DAY]);
  });

  it('copes with many thousands of rows', () => {
    const rows = Array.from({ length: 200_000 }, (_, index) => ({
      id: `s${index}`,
      startedAt: NOW - (400 + index) * DAY,
      status: 'complete' as const,
    }));
    const due = dueForDeletion(rows, 365, NOW);
    expect(due.ids).toHaveLength(200_000);
    expect(due.oldest).toBe(NOW - 200_399 * DAY);
  });
});

describe('the daily retention check', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps its alarm where it is when the worker wakes again', async () => {
    await scheduleRetentionCheck();
    const first = await fakeBrowser.alarms.get('retention-check');
    expect(first?.scheduledTime).toBe(NOW + 60_000);
    vi.setSystemTime(NOW + 45_000);
    await scheduleRetentionCheck();
    expect((await fakeBrowser.alarms.get('retention-check'))?.scheduledTime).toBe(NOW + 60_000);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('counts the sessions due from the digest and says so', async () => {
    await ownSettings.set({ ...DEFAULT_SETTINGS, retentionDays: 365 });
    for (const session of [old, older, recent, pending]) await storedSessions.put(session);
    await repairLists(NOW);
    expect(await checkRetention(NOW)).toBe(2);
    const shown = (await fakeBrowser.notifications.getAll()).retention as unknown as { message: string };
    expect(shown.message).toMatch(/^2 completed sessions are older than your retention period/);
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
