/**
 * Starts Debian's Chromium with the built extension and drives it with
 * playwright-core over the DevTools protocol. No browser is downloaded and no
 * request leaves the machine: call pages are served by request routing under
 * their real https:// addresses, and any other request is refused and recorded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';

/** The built extension (`npm run build`); CALLCARE_EXTENSION_PATH points the journeys at another build, such as an older one. */
export const EXTENSION_PATH = resolve(
  process.env.CALLCARE_EXTENSION_PATH ?? resolve(import.meta.dirname, '../../.output/chrome-mv3'),
);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CALL_HOSTS = [
  'meet.google.com',
  'app.zoom.us',
  'teams.microsoft.com',
  'meet.jit.si',
  'whereby.com',
  'doxy.me',
  'example.org',
  'jitsi.example.org',
];

export interface Harness {
  browser: Browser;
  context: BrowserContext;
  cdp: CDPSession;
  extensionId: string;
  profileDir: string;
  /** Requests that would have left the machine (none should). */
  outsideRequests: string[];
  serviceWorker(): Promise<Worker>;
  /** Runs `fn` in an extension page, where `chrome.*` is at hand whether or not the service worker is running. */
  inspect<R, A = null>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  openCall(url: string): Promise<Page>;
  extensionPage(path: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  stopServiceWorker(): Promise<void>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

function callPage(url: string): string {
  return `<!doctype html><html lang="en"><head><title>Call</title></head><body><h1>A video call</h1><p>${new URL(url).host}</p></body></html>`;
}

async function startChromium(
  profileDir: string,
  display: string | undefined,
  extensionPath: string,
  language: string | undefined,
): Promise<{ process: ChildProcess; endpoint: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...(display ? { DISPLAY: display } : {}) };
  // The browser's UI language: --lang on Windows and macOS; on Linux Chromium reads it from LANGUAGE (its
  // translations come from Debian's chromium-l10n).
  if (language) env.LANGUAGE = language;
  const child = spawn(
    CHROMIUM,
    [
      // With a display (a virtual X server), the browser's own windows and prompts are real and can be answered.
      ...(display ? [] : ['--headless=new']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      ...(language ? [`--lang=${language}`] : []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env },
  );
  const endpoint = await new Promise<string>((resolveEndpoint, reject) => {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = seen.match(/DevTools listening on (ws:\S+)/);
      if (found?.[1]) resolveEndpoint(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready:\n${seen}`)));
    child.once('error', reject);
  });
  return { process: child, endpoint };
}

export interface LaunchOptions {
  /** A virtual X display to run on, for the browser's own prompts. */
  display?: string;
  /** Another copy of the built extension (to update it while the browser runs). */
  extensionPath?: string;
  /** On a fresh profile, leave the welcome page open (by default it is closed, as a practitioner would once read). */
  keepWelcome?: boolean;
  /** The browser's UI language, such as "nl"; by default the machine's (English here). */
  language?: string;
}

/** The welcome page Callcare opens once, on its first install. */
export async function welcomePage(context: BrowserContext): Promise<Page> {
  const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
  return context.pages().find(isWelcome) ?? context.waitForEvent('page', { predicate: isWelcome, timeout: 20_000 });
}

/** Resolves once Callcare's worker has read the policy for the first time (it keeps a copy: `policyCache`). */
function waitForPolicyRead(worker: Worker): Promise<void> {
  return worker.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const read = (changes: Record<string, unknown>, area: string) => {
          if (area !== 'local' || !('policyCache' in changes)) return;
          chrome.storage.onChanged.removeListener(read);
          resolve();
        };
        chrome.storage.onChanged.addListener(read);
        void chrome.storage.local.get('policyCache').then((found) => {
          if ('policyCache' in found) resolve();
        });
      }),
  );
}

export async function launch(existingProfile?: string, options: LaunchOptions = {}): Promise<Harness> {
  const profileDir = existingProfile ?? (await mkdtemp(join(tmpdir(), 'callcare-e2e-')));
  const started = await startChromium(
    profileDir,
    options.display,
    options.extensionPath ?? EXTENSION_PATH,
    options.language,
  );
  const browser = await chromium.connectOverCDP(started.endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started without a browser context');
  const cdp = await browser.newBrowserCDPSession();
  const outsideRequests: string[] = [];
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    if (CALL_HOSTS.includes(url.hostname) && route.request().resourceType() === 'document') {
      return route.fulfill({ contentType: 'text/html', body: callPage(url.href) });
    }
    outsideRequests.push(url.href);
    return route.abort();
  });

  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((worker) => worker.url().endsWith('/background.js'));
    return running ?? context.waitForEvent('serviceworker', (worker) => worker.url().endsWith('/background.js'));
  };
  const extensionId = new URL((await serviceWorker()).url()).host;
  // Callcare has started once it has read the organisation's policy (none, here, unless a test wrote one): the
  // browser's first read of it takes a few seconds, and the first start after installing waits for it.
  await waitForPolicyRead(await serviceWorker());
  if (!existingProfile && !options.keepWelcome) await (await welcomePage(context)).close();
  let inspector: Promise<Page> | undefined;
  const inspectorPage = async (): Promise<Page> => {
    // An update of the extension closes its pages: open the inspector again.
    if (inspector && (await inspector).isClosed()) inspector = undefined;
    inspector ??= (async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    })();
    return inspector;
  };

  const harness: Harness = {
    browser,
    context,
    cdp,
    extensionId,
    profileDir,
    outsideRequests,
    serviceWorker,
    async inspect(fn, arg) {
      const page = await inspectorPage();
      return page.evaluate(fn as never, arg ?? null) as never;
    },
    async openCall(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const id = await harness.inspect(async (address) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === address)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`no tab found for ${url}`);
      return id;
    },
    async stopServiceWorker() {
      // Only a page of the extension's own origin sees (and can stop) its service worker.
      const session = await context.newCDPSession(await inspectorPage());
      const stopped = new Promise<void>((resolveStopped) => {
        session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          const ours = versions.filter((version) => version.scriptURL.endsWith('/background.js'));
          if (ours.length > 0 && ours.every((version) => version.runningStatus === 'stopped')) resolveStopped();
        });
      });
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await stopped;
      await session.detach();
    },
    async close({ keepProfile = false } = {}) {
      if (started.process.exitCode === null) {
        const exited = new Promise((resolveExit) => started.process.once('exit', resolveExit));
        // Closed the way a person closes the browser, so the next start does not restore its tabs as after a crash.
        await cdp.send('Browser.close').catch(() => started.process.kill());
        await exited;
      }
      await browser.close().catch(() => undefined);
      if (!keepProfile) await rm(profileDir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
  return harness;
}

/** Reads what the toolbar badge shows on a tab (or, with no tab, everywhere else), as the practitioner sees it. */
export function badgeOf(harness: Harness, tabId?: number): Promise<string> {
  return harness.inspect((id) => chrome.action.getBadgeText(id === null ? {} : { tabId: id }), tabId ?? null);
}

export function notificationIds(harness: Harness): Promise<string[]> {
  return harness.inspect(async () => Object.keys(await chrome.notifications.getAll()), null);
}

export function storedSessions(harness: Harness): Promise<Array<Record<string, unknown>>> {
  return harness.inspect(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('session:'))
      .map(([, value]) => (value as { data: Record<string, unknown> }).data);
  }, null);
}

/** The options page's Settings, loaded, at a desktop width. */
export async function openSettings(harness: Harness): Promise<Page> {
  const page = await harness.extensionPage('options.html#settings');
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.getByRole('heading', { name: 'Callcare settings' }).waitFor();
  return page;
}
