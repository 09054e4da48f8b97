/**
 * Locks Callcare when the computer has been idle for the time the
 * practitioner chose, or its screen locks. The browser's idle API tells; the
 * lock itself only forgets the key, so nothing written is lost.
 */
import { browser } from 'wxt/browser';
import { settings } from '../../lib/settings';
import { lock } from '../../lib/storage/protection';
import { vaultStatus } from '../../lib/storage/vault';

const SECONDS_PER_MINUTE = 60;

export async function applyAutoLockSetting(): Promise<void> {
  const { autoLockMinutes } = await settings.get();
  // The browser's shortest interval is 15 seconds; the choices offered start at 5 minutes.
  if (autoLockMinutes !== null) browser.idle.setDetectionInterval(autoLockMinutes * SECONDS_PER_MINUTE);
}

/** The computer went idle (for the chosen time) or its screen locked. */
export async function whenIdle(state: string): Promise<boolean> {
  if (state === 'active') return false;
  const { autoLockMinutes } = await settings.get();
  if (autoLockMinutes === null || (await vaultStatus()) !== 'unlocked') return false;
  await lock();
  return true;
}
