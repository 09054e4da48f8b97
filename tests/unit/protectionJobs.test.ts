import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  acceptProtectionPort,
  type JobPort,
  WELCOME_PATH,
  welcomeOnInstall,
} from '../../entrypoints/background/protection';
import { createClient } from '../../lib/caseload';
import { PROTECTION_PORT, type ProtectionJobUpdate } from '../../lib/commands';
import { clients } from '../../lib/storage/items';
import { activeProtection, forgetCached, vaultStatus } from '../../lib/storage/vault';

const OWN_PAGE = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };

/** A port as the worker sees it, recording what it posts and whether it was closed. */
function portFrom(sender: JobPort['sender'], name = PROTECTION_PORT) {
  const posted: ProtectionJobUpdate[] = [];
  let listener: ((message: unknown) => void) | undefined;
  let closed!: () => void;
  const disconnected = new Promise<void>((resolve) => {
    closed = resolve;
  });
  const port: JobPort = {
    name,
    sender,
    postMessage: (update) => posted.push(update),
    disconnect: () => closed(),
    onMessage: { addListener: (added) => (listener = added) },
  };
  acceptProtectionPort(port);
  return { posted, disconnected, send: (message: unknown) => listener?.(message) };
}

describe('protection jobs in the service worker', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetCached();
  });

  it('turns protection on for a page of this extension, reporting progress, then done', async () => {
    await createClient('FS-042');
    const port = portFrom(OWN_PAGE);
    port.send({ type: 'turn-on', passphrase: 'a long passphrase' });
    await port.disconnected;
    expect(port.posted[0]).toEqual({ type: 'progress', done: 0, total: 1 });
    expect(port.posted.at(-2)).toEqual({ type: 'progress', done: 1, total: 1 });
    expect(port.posted.at(-1)).toEqual({ type: 'done' });
    expect(await vaultStatus()).toBe('unlocked');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('FS-042');
    expect((await clients.all()).map((client) => client.code)).toEqual(['FS-042']);
  });

  it('says when the passphrase is wrong, and changes nothing', async () => {
    const on = portFrom(OWN_PAGE);
    on.send({ type: 'turn-on', passphrase: 'a long passphrase' });
    await on.disconnected;
    // Every stored record, leaving out the copy of the organisation's policy that any read of settings keeps.
    const records = async () => {
      const { policyCache: _copy, ...rest } = await fakeBrowser.storage.local.get(null);
      return JSON.stringify(rest);
    };
    const before = await records();
    const off = portFrom(OWN_PAGE);
    off.send({ type: 'turn-off', passphrase: 'not the passphrase' });
    await off.disconnected;
    expect(off.posted.at(-1)).toMatchObject({ type: 'failed', wrongPassphrase: true });
    expect(await records()).toBe(before);
  });

  it('keeps protection on where the organisation requires it, whichever page asks', async () => {
    const on = portFrom(OWN_PAGE);
    on.send({ type: 'turn-on', passphrase: 'a long passphrase' });
    await on.disconnected;
    await fakeBrowser.storage.managed.set({ protectionRequired: true });
    const off = portFrom(OWN_PAGE);
    off.send({ type: 'turn-off', passphrase: 'a long passphrase' });
    await off.disconnected;
    expect(off.posted.at(-1)).toMatchObject({ type: 'failed', error: 'not-allowed-by-organisation' });
    expect(await activeProtection()).not.toBeNull();
  });

  it('refuses a port from anywhere but its own pages, and a request it does not understand', async () => {
    const foreign = portFrom({ id: 'another-extension', url: 'chrome-extension://another-extension/page.html' });
    await foreign.disconnected;
    foreign.send({ type: 'turn-on', passphrase: 'a long passphrase' });
    expect(foreign.posted).toEqual([]);
    const confused = portFrom(OWN_PAGE);
    confused.send({ type: 'turn-on' });
    await confused.disconnected;
    expect(confused.posted).toEqual([{ type: 'failed', wrongPassphrase: false, error: 'not-understood' }]);
    expect(await vaultStatus()).toBe('off');
  });
});

describe('the welcome page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('opens on the first install only: not on an update, nor on a second install report', async () => {
    const welcomeTabs = async () =>
      (await fakeBrowser.tabs.query({})).filter((tab) => tab.url === fakeBrowser.runtime.getURL(WELCOME_PATH));
    await welcomeOnInstall({ reason: 'update' });
    await welcomeOnInstall({ reason: 'chrome_update' });
    expect(await welcomeTabs()).toHaveLength(0);
    await welcomeOnInstall({ reason: 'install' });
    expect(await welcomeTabs()).toHaveLength(1);
    // Chromium reports an extension loaded from its command line as installed at every start.
    await welcomeOnInstall({ reason: 'install' });
    expect(await welcomeTabs()).toHaveLength(1);
  });
});
