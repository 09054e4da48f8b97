import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyUpdateWhenFree, UPDATE_ALARM } from '../../entrypoints/background/updates';
import { observeTab, tabClosed } from '../../lib/sessions/lifecycle';
import { updateWaiting } from '../../lib/storage/items';

describe('an update of Callcare', () => {
  let reload: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    reload = vi.fn();
    fakeBrowser.runtime.reload = reload as never;
  });

  it('waits while a call runs, and is applied once it has ended', async () => {
    await observeTab(1, 'https://meet.google.com/abc-defg-hij');
    await updateWaiting.set(true);
    expect(await applyUpdateWhenFree()).toBe(false);
    expect(reload).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeDefined();
    await tabClosed(1);
    expect(await applyUpdateWhenFree()).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(await updateWaiting.get()).toBe(false);
    expect(await fakeBrowser.alarms.get(UPDATE_ALARM)).toBeUndefined();
  });

  it('does nothing when no update is waiting', async () => {
    expect(await applyUpdateWhenFree()).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });
});
