/**
 * Seeds 10,000 sessions for the benchmarks: one real session, recorded by the
 * extension on a call, copied over the last year (or, with `olderThanAYear`,
 * that many of them over the year before), a few still waiting for their
 * note. The records are written as an older Callcare left them, with no
 * lists; the browser is then started again, and its start repairs the lists
 * from the records, as it would after an upgrade. Returns the new browser.
 */
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { badgeOf, type Harness, launch } from '../e2e/harness';

export const SESSIONS = 10_000;

export async function seedSessions(
  harness: Harness,
  count = SESSIONS,
  options: { olderThanAYear?: number; extensionPath?: string } = {},
): Promise<Harness> {
  const call = await harness.openCall('https://meet.google.com/abc-defg-hij');
  const tabId = await harness.tabIdOf(call);
  await vi.waitFor(async () => expect(await badgeOf(harness, tabId)).toBe('●'));
  await call.close();
  await harness.inspect(
    async ({ total, older }) => {
      const all = await chrome.storage.local.get(null);
      const [, model] = Object.entries(all).find(([key]) => key.startsWith('session:')) as [
        string,
        { v: number; data: Record<string, unknown> },
      ];
      const records: Record<string, unknown> = {};
      const now = Date.now();
      for (let index = 0; index < total; index++) {
        const id = `bench-${index}`;
        const year = 365 * 24 * 3600 * 1000;
        // The first `older` sessions started in the year before last year; the rest over the last year.
        const startedAt =
          index < older
            ? now - year - Math.floor(((index + 1) / older) * year)
            : now - Math.floor((index / total) * year);
        records[`session:${id}`] = {
          v: model.v,
          data: {
            ...model.data,
            id,
            tabId: null,
            startedAt,
            endedAt: startedAt + 50 * 60 * 1000,
            status: index % 97 === 0 ? 'aftercare-pending' : 'complete',
            aftercare: {
              ...(model.data.aftercare as object),
              concerns: `Concern number ${index}`,
              completedAt: startedAt + 3600_000,
            },
          },
        };
      }
      await chrome.storage.local.set(records);
    },
    { total: count, older: options.olderThanAYear ?? 0 },
  );
  await harness.close({ keepProfile: true });
  const started = await launch(harness.profileDir, { extensionPath: options.extensionPath });
  await vi.waitFor(
    async () => {
      const entries = await started.inspect(async () => {
        const { digestIndex } = await chrome.storage.local.get('digestIndex');
        const weeks = (digestIndex as { data?: { weeks?: Record<string, number> } } | undefined)?.data?.weeks ?? {};
        return Object.values(weeks).reduce((sum, count) => sum + count, 0);
      });
      expect(entries).toBe(count + 1);
    },
    { timeout: 120_000, interval: 1000 },
  );
  return started;
}

/**
 * A browser with the extension and 10,000 seeded sessions for a benchmark
 * file: started before its benchmarks, closed after them. Returns the browser.
 */
export function seededBrowser(options: { olderThanAYear?: number } = {}): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await seedSessions(await launch(), SESSIONS, options);
  }, 300_000);
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('the seeded browser has not started');
    return harness;
  };
}
