/**
 * Starts Debian's firefox-esr with the built Firefox extension
 * (`.output/firefox-mv3`) and drives it over Marionette (./marionette.ts).
 *
 * Nothing leaves the machine. Firefox has no request routing like
 * Playwright's, so every request goes through a local proxy (the browser's own
 * proxy settings): a call page is served there under its real https:// address
 * with a certificate made for the run, and any other request is refused and
 * recorded. The session accepts that certificate (WebDriver's
 * `acceptInsecureCerts`), and the HSTS preload list is off so it may.
 *
 * The extension is installed for good (not as a temporary add-on), as a
 * practitioner's would be, so it and its records survive a restart of Firefox
 * on the same profile. Firefox ESR installs an unsigned add-on once
 * `xpinstall.signatures.required` is false.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';
import { type ElementReference, Marionette } from './marionette';

export const FIREFOX_EXTENSION_PATH = resolve(
  process.env.CALLCARE_FIREFOX_EXTENSION_PATH ?? resolve(import.meta.dirname, '../../.output/firefox-mv3'),
);
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on's id (wxt.config.ts, browser_specific_settings). */
export const ADDON_ID = 'callcare@callcare.invalid';
/** Firefox's id for the add-on's toolbar button and sidebar: the add-on id with every other character made "_". */
const WIDGET_ID = ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
export const TOOLBAR_BUTTON_ID = `${WIDGET_ID}-BAP`;
export const SIDEBAR_ID = `${WIDGET_ID}-sidebar-action`;

const CALL_HOSTS = ['meet.google.com', 'app.zoom.us', 'teams.microsoft.com', 'meet.jit.si', 'whereby.com', 'doxy.me'];

function callPage(url: string): string {
  return `<!doctype html><html lang="en"><head><title>Call</title></head><body><h1>A video call</h1><p>${new URL(url).host}</p></body></html>`;
}

/** Made once per run: a certificate for the call hosts. */
let certificate: Promise<{ key: string; cert: string }> | undefined;
function callCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: 'Callcare test call pages' }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: CALL_HOSTS.map((value) => ({ type: 2, value })) }],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

interface Proxy {
  port: number;
  outsideRequests: string[];
  close(): Promise<void>;
}

/**
 * The proxy every request of the browser goes through: a CONNECT to a call
 * host is answered by a local TLS server with the call page; anything else is
 * refused and written down.
 */
async function startProxy(): Promise<Proxy> {
  const { key, cert } = await callCertificate();
  const outsideRequests: string[] = [];
  const sockets = new Set<Socket>();
  const pages: Server = createServer((request, response) => {
    const host = request.headers.host ?? '';
    if (!CALL_HOSTS.includes(host)) {
      outsideRequests.push(`https://${host}${request.url ?? ''}`);
      response.writeHead(403).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(callPage(`https://${host}${request.url ?? '/'}`));
  });
  const proxy = createServer((request, response) => {
    // Plain http:// through the proxy: nothing Callcare or a call needs.
    outsideRequests.push(request.url ?? '');
    response.writeHead(403).end();
  });
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (request: IncomingMessage, socket: Socket) => {
    const [host] = (request.url ?? '').split(':');
    if (!host || !CALL_HOSTS.includes(host)) {
      outsideRequests.push(`https://${request.url ?? ''}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const secure = new TLSSocket(socket, { isServer: true, key, cert, ALPNProtocols: ['http/1.1'] });
    secure.on('error', () => socket.destroy());
    pages.emit('connection', secure);
  });
  await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
  return {
    port: (proxy.address() as AddressInfo).port,
    outsideRequests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((closed) => proxy.close(() => closed()));
    },
  };
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((closed) => server.close(() => closed()));
  return port;
}

function preferences(
  marionettePort: number,
  proxyPort: number,
  uuid: string,
): Record<string, string | number | boolean> {
  return {
    'marionette.port': marionettePort,
    // The add-on's pages live at moz-extension://<uuid>/, the same on every start.
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
    // Firefox ESR installs an unsigned add-on with this; release Firefox does not.
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    // Every request through the local proxy, localhost's too.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.dns.disablePrefetch': true,
    'network.stricttransportsecurity.preloadlist': false,
    // A new start begins with an empty window, as after a crash: a call tab is gone, as the journeys need.
    'browser.startup.page': 0,
    'browser.sessionstore.resume_from_crash': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.update.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.topsites.contile.enabled': false,
    'services.settings.server': 'data:,',
    // Notifications as Firefox's own small windows, which can be read and clicked, not through the desktop's
    // notification service (there is none here: each notification would be closed the moment it is made).
    'alerts.useSystemBackend': false,
  };
}

export interface FirefoxHarness {
  marionette: Marionette;
  profileDir: string;
  /** moz-extension://<uuid> */
  origin: string;
  outsideRequests: string[];
  /** Opens a call page in a new tab, made the current one; returns its window handle. */
  openCall(url: string): Promise<string>;
  /** Opens one of the extension's pages in a new tab, made the current one; returns its window handle. */
  openExtensionPage(path: string): Promise<string>;
  /** Runs a function in an extension page (opened on first use), where `browser.*` is at hand. */
  inspect<R>(fn: string, ...args: unknown[]): Promise<R>;
  /** Awaits a condition, checked in an extension page, until it returns something other than null or false. */
  waitFor<R>(description: string, fn: string, ...args: unknown[]): Promise<R>;
  switchTo(handle: string): Promise<void>;
  /** Waits for an element in the current tab's page, found by `find` (a function's source, given `args`). */
  element(description: string, find: string, ...args: unknown[]): Promise<ElementReference>;
  /** Clicks an element as a person would (a real pointer event, which counts as a user's gesture). */
  click(element: ElementReference): Promise<void>;
  /** Types into an element, key by key. */
  type(element: ElementReference, text: string): Promise<void>;
  /** The current tab's visible text. */
  text(): Promise<string>;
  /** Runs a script in the browser's own window (chrome scope), such as its toolbar or sidebar. */
  inBrowserWindow<R>(script: string, ...args: unknown[]): Promise<R>;
  /** A PNG of the browser window, with its toolbar and sidebar. */
  screenshot(): Promise<Buffer>;
  /** Clicks one of the browser window's own elements (the toolbar button) as a person would. */
  clickBrowserElement(selector: string): Promise<void>;
  /** Clicks a point of the browser window, such as a button inside the open popup, as a person would. */
  clickBrowserWindowAt(x: number, y: number): Promise<void>;
  handles(): Promise<string[]>;
  /** Quits Firefox; the profile stays unless told otherwise. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
  /** Ends Firefox at once, as a crash or a power cut would. */
  kill(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** A profile to start again; by default a new one, where the extension is installed. */
  profileDir?: string;
  /** Leave the welcome page of a first install open (by default it is closed, as a practitioner would once read). */
  keepWelcome?: boolean;
}

const uuidOfProfile = new Map<string, string>();

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: .ci/run installs it (apt-get install firefox-esr)`);
  if (!existsSync(join(FIREFOX_EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`${FIREFOX_EXTENSION_PATH} is missing: run \`npm run build:firefox\` first`);
  }
  const fresh = options.profileDir === undefined;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'callcare-firefox-')));
  const uuid = uuidOfProfile.get(profileDir) ?? randomUUID();
  uuidOfProfile.set(profileDir, uuid);
  const proxy = await startProxy();
  const marionettePort = await freePort();
  const userJs = Object.entries(preferences(marionettePort, proxy.port, uuid))
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
  await writeFile(join(profileDir, 'user.js'), `${userJs}\n`);
  // Installed for good, from the build folder: a file named as the add-on in the profile's extensions folder,
  // holding the folder's path (Firefox's "proxy file"). Firefox installs it at start, as on a first install.
  await mkdir(join(profileDir, 'extensions'), { recursive: true });
  await writeFile(join(profileDir, 'extensions', ADDON_ID), FIREFOX_EXTENSION_PATH);
  const child: ChildProcess = spawn(
    FIREFOX,
    ['--marionette', '--remote-allow-system-access', '--headless', '--no-remote', '--profile', profileDir],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let marionette: Marionette;
  try {
    marionette = await Marionette.connect(marionettePort);
    // Marionette takes the capabilities as the command's parameters: the call pages' certificate is the run's own.
    await marionette.send('WebDriver:NewSession', { acceptInsecureCerts: true });
  } catch (error) {
    child.kill('SIGKILL');
    await proxy.close();
    throw new Error(`Firefox did not start: ${String(error)}\n${log}`);
  }
  const origin = `moz-extension://${uuid}`;

  const handles = () => windowHandles(marionette);
  const switchTo = async (handle: string) => {
    await marionette.send('WebDriver:SwitchToWindow', { handle, focus: true });
  };
  const openTab = async (url: string, focus = true) => {
    const { handle } = await marionette.send<{ handle: string }>('WebDriver:NewWindow', { type: 'tab', focus });
    await marionette.send('WebDriver:SwitchToWindow', { handle, focus });
    await marionette.send('WebDriver:Navigate', { url });
    return handle;
  };

  let inspector: string | undefined;
  const inspect = async <R>(fn: string, ...args: unknown[]): Promise<R> => {
    const current = await currentHandle(marionette);
    const open = await handles();
    // The inspecting page stays in the background: the sidebar follows the tab in front, which must not change.
    if (inspector === undefined || !open.includes(inspector)) {
      inspector = await openTab(`${origin}/welcome.html#inspector`, false);
    } else await marionette.send('WebDriver:SwitchToWindow', { handle: inspector, focus: false });
    try {
      return await marionette
        .executeAsync<R>(
          `const done = arguments[arguments.length - 1];
         const args = Array.from(arguments).slice(0, -1);
         Promise.resolve((${fn})(...args)).then(
           (value) => done({ value }),
           (error) => done({ error: String(error && error.stack || error) }),
         );`,
          args,
        )
        .then((answer) => {
          const { value, error } = answer as { value: R; error?: string };
          if (error !== undefined) throw new Error(error);
          return value;
        });
    } finally {
      if (current !== undefined && current !== inspector && (await handles()).includes(current)) {
        await marionette.send('WebDriver:SwitchToWindow', { handle: current, focus: false });
      }
    }
  };

  const waitFor = async <R>(description: string, fn: string, ...args: unknown[]): Promise<R> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await inspect<R | null | false>(fn, ...args);
      if (value !== null && value !== false && value !== undefined) return value as R;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${description}`);
      // The condition is checked again after a short pause: Firefox offers no event to await for it from here.
      await new Promise((next) => setTimeout(next, 100));
    }
  };

  if (fresh && !options.keepWelcome) {
    try {
      // The welcome page opens once on a first install; close it, as a practitioner would once it is read.
      const welcome = await waitForHandle(marionette, `${origin}/welcome.html`);
      await switchTo(welcome);
      await marionette.send('WebDriver:CloseWindow');
      await switchTo((await handles())[0] as string);
    } catch (error) {
      // No harness is handed back to close this Firefox: it is ended here.
      marionette.close();
      child.kill('SIGKILL');
      await exited;
      await proxy.close();
      throw error;
    }
  }

  const element = async (description: string, find: string, ...args: unknown[]): Promise<ElementReference> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = await marionette.execute<ElementReference | null>(`return (${find})(...arguments) ?? null;`, args);
      if (found !== null) return found;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${description}`);
      await new Promise((next) => setTimeout(next, 100)); // The page is still drawing: looked for again shortly.
    }
  };
  const elementId = (reference: ElementReference) => reference['element-6066-11e4-a52e-4f735466cecf'];

  const inBrowserWindow = async <R>(script: string, ...args: unknown[]): Promise<R> => {
    await marionette.setContext('chrome');
    try {
      return await marionette.execute<R>(script, args);
    } finally {
      await marionette.setContext('content');
    }
  };

  const quit = async (keepProfile: boolean) => {
    await marionette.send('Marionette:Quit', { flags: ['eAttemptQuit'] }).catch(() => undefined);
    marionette.close();
    // A Firefox that does not finish quitting (a test failed halfway) is ended, so no process outlives the run.
    const stuck = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(stuck);
    await proxy.close();
    if (!keepProfile) await rm(profileDir, { recursive: true, force: true });
  };

  return {
    marionette,
    profileDir,
    origin,
    outsideRequests: proxy.outsideRequests,
    openCall: openTab,
    openExtensionPage: (path) => openTab(`${origin}/${path}`),
    inspect,
    waitFor,
    switchTo,
    handles,
    element,
    click: async (reference) => {
      await marionette.send('WebDriver:ElementClick', { id: elementId(reference) });
    },
    type: async (reference, text) => {
      await marionette.send('WebDriver:ElementSendKeys', { id: elementId(reference), text });
    },
    text: () => marionette.execute<string>('return document.body.innerText'),
    inBrowserWindow,
    screenshot: async () => {
      await marionette.setContext('chrome');
      try {
        const { value } = await marionette.send<{ value: string }>('WebDriver:TakeScreenshot', {});
        return Buffer.from(value, 'base64');
      } finally {
        await marionette.setContext('content');
      }
    },
    clickBrowserElement: async (selector) => {
      await marionette.setContext('chrome');
      try {
        const { value } = await marionette.send<{ value: ElementReference }>('WebDriver:FindElement', {
          using: 'css selector',
          value: selector,
        });
        await marionette.send('WebDriver:ElementClick', { id: elementId(value) });
      } finally {
        await marionette.setContext('content');
      }
    },
    clickBrowserWindowAt: async (x, y) => {
      await marionette.setContext('chrome');
      try {
        await marionette.send('WebDriver:PerformActions', {
          actions: [
            {
              type: 'pointer',
              id: 'mouse',
              parameters: { pointerType: 'mouse' },
              actions: [
                { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ],
        });
        await marionette.send('WebDriver:ReleaseActions');
      } finally {
        await marionette.setContext('content');
      }
    },
    close: (closeOptions) => quit(closeOptions?.keepProfile === true),
    kill: async () => {
      marionette.close();
      child.kill('SIGKILL');
      await exited;
      await proxy.close();
    },
  };
}

/** Waits for a tab showing `urlStart` and returns its window handle; the current tab stays current. */
export async function waitForHandle(marionette: Marionette, urlStart: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  const current = await currentHandle(marionette);
  for (;;) {
    for (const handle of await windowHandles(marionette)) {
      await marionette.send('WebDriver:SwitchToWindow', { handle, focus: false });
      const { value: url } = await marionette.send<{ value: string }>('WebDriver:GetCurrentURL');
      if (url.startsWith(urlStart)) {
        if (current !== undefined) await marionette.send('WebDriver:SwitchToWindow', { handle: current, focus: false });
        return handle;
      }
    }
    if (current !== undefined) await marionette.send('WebDriver:SwitchToWindow', { handle: current, focus: false });
    if (Date.now() > deadline) throw new Error(`No tab opened ${urlStart}`);
    await new Promise((next) => setTimeout(next, 100)); // Checked again shortly: the tab is opened by the extension, not by us.
  }
}

async function windowHandles(marionette: Marionette): Promise<string[]> {
  const answer = await marionette.send<string[] | { value: string[] }>('WebDriver:GetWindowHandles');
  return Array.isArray(answer) ? answer : answer.value;
}

async function currentHandle(marionette: Marionette): Promise<string | undefined> {
  const answer = await marionette.send<{ value: string }>('WebDriver:GetWindowHandle').catch(() => undefined);
  return answer?.value;
}

export type { ElementReference };
