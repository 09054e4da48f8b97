/**
 * Protection, from the worker's side. On the first install it opens the
 * welcome page, which offers protection before anything is written. It runs
 * the protection jobs pages ask for (lib/commands.ts, PROTECTION_PORT) here in
 * the service worker, off the pages' main thread, and reports their progress
 * back over the port. A job goes on if its page is closed meanwhile.
 */
import { browser } from 'wxt/browser';
import { PROTECTION_PORT, type ProtectionJobUpdate, protectionJobSchema } from '../../lib/commands';
import { CallcareError } from '../../lib/errors';
import { readPolicy } from '../../lib/settings';
import { welcomeOffered } from '../../lib/storage/items';
import {
  changePassphrase,
  type ProgressReport,
  turnOff,
  turnOn,
  WrongPassphraseError,
} from '../../lib/storage/protection';
import { isFromThisExtension } from './commandHandler';

/** The part of a runtime port a job needs (so tests can hand in their own). */
export interface JobPort {
  name: string;
  sender?: Parameters<typeof isFromThisExtension>[0];
  postMessage(message: ProtectionJobUpdate): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

/** Progress is posted no more often than this: each update costs the page a render. */
const PROGRESS_EVERY_MS = 100;

export function acceptProtectionPort(port: JobPort): void {
  if (port.name !== PROTECTION_PORT) return;
  if (!port.sender || !isFromThisExtension(port.sender)) {
    port.disconnect();
    return;
  }
  let started = false;
  const post = (update: ProtectionJobUpdate) => {
    try {
      port.postMessage(update);
    } catch {
      // The page was closed: the job goes on without it.
    }
  };
  port.onMessage.addListener((message) => {
    if (started) return;
    started = true;
    void runJob(message, post).then(() => port.disconnect());
  });
}

async function runJob(message: unknown, post: (update: ProtectionJobUpdate) => void): Promise<void> {
  const parsed = protectionJobSchema.safeParse(message);
  if (!parsed.success) return post({ type: 'failed', wrongPassphrase: false, error: 'not-understood' });
  let lastPosted = 0;
  const onProgress: ProgressReport = (done, total) => {
    const now = Date.now();
    if (done !== 0 && done !== total && now - lastPosted < PROGRESS_EVERY_MS) return;
    lastPosted = now;
    post({ type: 'progress', done, total });
  };
  const job = parsed.data;
  try {
    if (job.type === 'turn-on') await turnOn(job.passphrase, undefined, onProgress);
    if (job.type === 'change-passphrase') await changePassphrase(job.current, job.replacement, undefined, onProgress);
    if (job.type === 'turn-off') {
      // Where the organisation requires protection, it stays on, whichever page asks.
      if ((await readPolicy()).policy.protectionRequired) throw new CallcareError('not-allowed-by-organisation');
      await turnOff(job.passphrase, undefined, onProgress);
    }
    post({ type: 'done' });
  } catch (error) {
    post({
      type: 'failed',
      wrongPassphrase: error instanceof WrongPassphraseError,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

export const WELCOME_PATH = '/welcome.html';

/** Opens the welcome page on the first install only: not on an update, not at a browser start. */
export async function welcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install' || (await welcomeOffered.get()) !== null) return;
  await welcomeOffered.set({ at: Date.now() });
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
}

export function setupProtection(report: (error: unknown) => void): void {
  browser.runtime.onConnect.addListener((port) => acceptProtectionPort(port as unknown as JobPort));
  browser.runtime.onInstalled.addListener((details) => {
    welcomeOnInstall(details).catch(report);
  });
}
