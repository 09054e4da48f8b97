/**
 * Seeds 10,000 sessions for the benchmarks: one real session, recorded by the
 * extension on a call, copied over the last year, a few still waiting for
 * their note. Waits until the background has folded them into the digest.
 */
import { expect, vi } from 'vitest';
import { badgeOf, type Harness } from '../e2e/harness';

export const SESSIONS = 10_000;

export async function seedSessions(harness: Harness, count = SESSIONS): Promise<void> {
  const call = await harness.openCall('https://meet.google.com/abc-defg-hij');
  const tabId = await harness.tabIdOf(call);
  await vi.waitFor(async () => expect(await badgeOf(harness, tabId)).toBe('●'));
  await call.close();
  await harness.inspect(async (total) => {
    const all = await chrome.storage.local.get(null);
    const [, model] = Object.entries(all).find(([key]) => key.startsWith('session:')) as [
      string,
      { v: number; data: Record<string, unknown> },
    ];
    const records: Record<string, unknown> = {};
    const now = Date.now();
    for (let index = 0; index < total; index++) {
      const id = `bench-${index}`;
      const startedAt = now - Math.floor((index / total) * 365 * 24 * 3600 * 1000);
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
  }, count);
  // The background folds the new sessions into the digest the pages read.
  await vi.waitFor(
    async () => {
      const entries = await harness.inspect(async () => {
        const { sessionDigest } = await chrome.storage.local.get('sessionDigest');
        return Object.keys((sessionDigest as { data?: { entries?: object } } | undefined)?.data?.entries ?? {}).length;
      });
      expect(entries).toBe(count + 1);
    },
    { timeout: 120_000, interval: 1000 },
  );
}
