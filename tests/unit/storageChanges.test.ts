import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onStorageChange } from '../../lib/storage/changes';

describe('changes to storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reach every subscriber through one listener of the browser, until each stops', async () => {
    const added = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = onStorageChange(first);
    onStorageChange(second);
    expect(added).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ a: 1 });
    expect(first).toHaveBeenCalledWith({ a: expect.objectContaining({ newValue: 1 }) }, 'local', false);
    expect(second).toHaveBeenCalledTimes(1);
    stopFirst();
    await fakeBrowser.storage.session.set({ b: 2 });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenLastCalledWith({ b: expect.objectContaining({ newValue: 2 }) }, 'session', false);
  });
});
