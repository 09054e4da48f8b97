import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background/index';
import { sessions } from '../../lib/sessions/records';
import { DEFAULT_SETTINGS, ownSettings } from '../../lib/storage/items';

const MEET = 'https://meet.google.com/abc-defg-hij';
const PAGE = 'chrome-extension://test-extension-id/popup.html';

async function openTab(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  await fakeBrowser.tabs.onUpdated.trigger(tab.id as number, { status: 'loading', url }, { ...tab, url });
  return tab.id as number;
}

function closeTab(tabId: number) {
  // The fake browser's tabs.remove refuses most tabs; fire the event a real close fires.
  return fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
}

/** A command as a page sends it: the reply the background gives through sendResponse, or none. */
async function send(message: unknown, url = PAGE): Promise<unknown> {
  let answer: (reply: unknown) => void = () => undefined;
  const replied = new Promise<unknown>((resolve) => {
    answer = resolve;
  });
  // The fake browser's types know only the promise-returning listener; its trigger passes every argument on.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const [kept] = await trigger(message, { id: 'test-extension-id', url }, answer);
  return kept === true ? replied : undefined;
}

describe('the background', () => {
  let tabsCreated: { mock: { calls: Array<[{ url?: string }]> }; mockClear(): void };
  /** The aftercare pages the background opened (the tests' own call tabs left out). */
  const created = () =>
    tabsCreated.mock.calls.map(([properties]) => properties.url).filter((url) => url?.includes('/aftercare.html'));

  beforeEach(async () => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    // Not implemented by the fake browser; the background only registers a listener.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.idle.onStateChanged, 'addListener').mockImplementation(() => undefined);
    // Ports are not in WXT's fake browser; protection jobs over a port are tested in protectionJobs.test.ts.
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.idle, 'setDetectionInterval').mockImplementation(() => undefined);
    tabsCreated = vi.spyOn(fakeBrowser.tabs, 'create');
    background.main();
    // The runtime tells a new worker why it started: here, a first install.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
  });

  it('marks a call tab with the badge when its session starts', async () => {
    const tabId = await openTab(MEET);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('●'));
    expect(await sessions.all()).toHaveLength(1);
    const other = await openTab('https://meet.google.com/landing');
    expect(await fakeBrowser.action.getBadgeText({ tabId: other })).toBe('');
  });

  it('prompts for the aftercare note when the call tab closes, and counts notes to write', async () => {
    const tabId = await openTab(MEET);
    await vi.waitFor(async () => expect(await sessions.all()).toHaveLength(1));
    const [session] = await sessions.all();
    await closeTab(tabId);
    await vi.waitFor(async () =>
      expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`aftercare:${session?.id}`]),
    );
    const notification = (await fakeBrowser.notifications.getAll())[`aftercare:${session?.id}`];
    expect(notification).toMatchObject({ title: 'The call has ended', buttons: [{ title: 'Write aftercare note' }] });
    await vi.waitFor(() =>
      expect(created()).toEqual([`chrome-extension://test-extension-id/aftercare.html?session=${session?.id}`]),
    );
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
  });

  it('does not open the aftercare page when the practitioner turned that off, but still notifies', async () => {
    await ownSettings.set({ ...DEFAULT_SETTINGS, openAftercareOnEnd: false });
    const tabId = await openTab(MEET);
    await vi.waitFor(async () => expect(await sessions.all()).toHaveLength(1));
    await closeTab(tabId);
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1));
    expect(created()).toEqual([]);
  });

  it('opens the note from the notification and clears it', async () => {
    const reply = await send({ type: 'start-by-hand', platform: 'phone' });
    const sessionId = (reply as { sessionId: string }).sessionId;
    await send({ type: 'end-session', sessionId });
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1));
    // The page the call's end opens by itself.
    const url = `chrome-extension://test-extension-id/aftercare.html?session=${sessionId}`;
    await vi.waitFor(() => expect(created()).toEqual([url]));
    tabsCreated.mockClear();
    // With another tab in front, the click brings the note's tab back rather than opening a second one.
    await fakeBrowser.tabs.create({ url: 'https://example.org/', active: true });
    const [noteTab] = (await fakeBrowser.tabs.query({})).filter((tab) => tab.url === url);
    const brought = vi.spyOn(fakeBrowser.tabs, 'update');
    await fakeBrowser.notifications.onButtonClicked.trigger(`aftercare:${sessionId}`, 0);
    await vi.waitFor(async () => expect(await fakeBrowser.notifications.getAll()).toEqual({}));
    expect(brought).toHaveBeenCalledWith(noteTab?.id, { active: true });
    expect(created()).toEqual([]);
  });

  it('carries out commands from its own pages only, and answers a malformed one with a reason', async () => {
    expect(await send({ type: 'start-by-hand', platform: 'phone' }, 'https://meet.google.com/abc-defg-hij')).toBe(
      undefined,
    );
    expect(await sessions.all()).toEqual([]);
    expect(await send({ type: 'start-by-hand', platform: 'carrier-pigeon' })).toEqual({
      ok: false,
      error: 'not-understood',
    });
    expect(await send('hello')).toEqual({ ok: false, error: 'not-understood' });
    const reply = await send({ type: 'start-by-hand', platform: 'other' });
    expect(reply).toMatchObject({ ok: true });
    expect((await sessions.all())[0]).toMatchObject({ platform: 'other', origin: 'manual' });
  });
});
