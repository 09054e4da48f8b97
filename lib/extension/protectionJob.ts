/**
 * Asks the service worker to turn protection on or off or change the
 * passphrase (entrypoints/background/protectionJobs.ts), and follows its
 * progress. Resolves when the job is done; rejects with WrongPassphraseError
 * for a wrong passphrase, or with the reason it failed.
 */
import { browser } from 'wxt/browser';
import { PROTECTION_PORT, type ProtectionJob, protectionJobUpdateSchema } from '../commands';
import { CallcareError } from '../errors';
import { type ProgressReport, WrongPassphraseError } from '../storage/protection';

export function runProtectionJob(job: ProtectionJob, onProgress: ProgressReport): Promise<void> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: PROTECTION_PORT });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    port.onMessage.addListener((message: unknown) => {
      const update = protectionJobUpdateSchema.safeParse(message);
      if (!update.success) return;
      if (update.data.type === 'progress') onProgress(update.data.done, update.data.total);
      if (update.data.type === 'done') settle(resolve);
      if (update.data.type === 'failed') {
        const failure = update.data;
        settle(() => reject(failure.wrongPassphrase ? new WrongPassphraseError() : new Error(failure.error)));
      }
    });
    port.onDisconnect.addListener(() => settle(() => reject(new CallcareError('background-stopped'))));
    port.postMessage(job);
  });
}
