/**
 * Benchmark, not a test: how close each surface comes to a blank page of the
 * extension, with one session and with 10,000, in one run of Debian's
 * Chromium. Run with `npm run bench`; the figures are printed and written to
 * test-results/bench.json.
 *
 * - Time to main content, as a ratio to a blank page added to a copy of the
 *   build (the floor): the median of several rounds, the surfaces taken in
 *   turn within each round so that the machine's noise hits all alike. A
 *   page's time is from the start of its navigation (performance.timeOrigin)
 *   to the moment its main content is in the document, seen by a mutation
 *   observer in the page.
 * - The gzipped JavaScript each surface loads, as the browser fetched it (its
 *   script, the chunks it preloads and those it imports later), and the
 *   worker's.
 * - The bytes stored per session.
 * - How soon the aftercare page opens after a call's tab closes, with the
 *   worker awake and with it stopped: the median of a few calls each.
 * - How soon History answers a search over 10,000 sessions.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_PATH, type Harness, launch } from '../e2e/harness';
import { SESSIONS, seedSessions } from './seed';

const ROUNDS = 7;
const PROMPT_ROUNDS = 5;
const TARGETS = {
  surfaceRatio: 2,
  listRatio: 3,
  surfaceKb: 80,
  workerKb: 25,
  bytesPerSession: 2048,
  promptMs: 500,
  filterMs: 50,
};

/** A copy of the build with a blank page of its own: the floor every surface is measured against. */
function buildWithBlankPage(): string {
  const folder = mkdtempSync(join(tmpdir(), 'callcare-bench-'));
  cpSync(EXTENSION_PATH, folder, { recursive: true });
  writeFileSync(
    join(folder, 'blank.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><main>Blank</main></body></html>',
  );
  return folder;
}

/**
 * The gzipped size of the JavaScript a page loads, as the browser fetched it:
 * its module script, the chunks it preloads, and those it imports later (an
 * options view is its own chunk), once the page has drawn its heading.
 */
async function pageJavaScript(harness: Harness, folder: string, path: string): Promise<number> {
  const page = await harness.context.newPage();
  const files = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'chrome-extension:' && url.pathname.endsWith('.js')) files.add(url.pathname.slice(1));
  });
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`, { waitUntil: 'networkidle' });
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.close();
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(join(folder, file)), { level: 9 }).length;
  return total;
}

interface Surface {
  name: string;
  path: string;
  /** The main content, as a CSS selector and the text it must hold. */
  selector: string;
  text: RegExp;
}

/**
 * Opens a page and returns the time from its navigation's start to its main content, as the page measured it: a
 * mutation observer, set up before the page's own scripts run, notes the moment the content is in the document.
 */
async function timeToContent(harness: Harness, surface: Surface): Promise<number> {
  const page = await harness.context.newPage();
  try {
    await page.addInitScript(
      ({ selector, source }) => {
        const pattern = new RegExp(source);
        const shown = () =>
          [...document.querySelectorAll(selector)].some((element) => pattern.test((element.textContent ?? '').trim()));
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          (window as unknown as { contentAt: number }).contentAt = performance.now();
          observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      },
      { selector: surface.selector, source: surface.text.source },
    );
    await page.goto(`chrome-extension://${harness.extensionId}/${surface.path}`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as unknown as { contentAt?: number }).contentAt, null, {
      timeout: 60_000,
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Each surface's median time over interleaved rounds, and its ratio to the blank page's. */
async function measureSurfaces(harness: Harness, surfaces: Surface[]) {
  const times = new Map<string, number[]>(surfaces.map((surface) => [surface.name, []]));
  // One round first to warm the browser's caches, as a practitioner's second opening of the day would be.
  for (const surface of surfaces) await timeToContent(harness, surface);
  for (let round = 0; round < ROUNDS; round++) {
    for (const surface of surfaces) times.get(surface.name)?.push(await timeToContent(harness, surface));
  }
  const floor = median(times.get('blank') ?? []);
  return Object.fromEntries(
    surfaces.map((surface) => {
      const ms = median(times.get(surface.name) ?? []);
      return [surface.name, { ms: Math.round(ms), ratio: Math.round((ms / floor) * 100) / 100 }];
    }),
  );
}

/** How soon the aftercare page opens after a call's tab closes. */
async function promptDelay(harness: Harness, asleep: boolean): Promise<number> {
  const call = await harness.openCall('https://meet.google.com/abc-defg-hij');
  const tabId = await harness.tabIdOf(call);
  await expect
    .poll(() => harness.inspect((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 20_000 })
    .toBe('●');
  if (asleep) await harness.stopServiceWorker();
  const opened = harness.context.waitForEvent('page', {
    predicate: (page) => page.url().includes('/aftercare.html'),
    timeout: 30_000,
  });
  const closing = Date.now();
  await call.close();
  const aftercare = await opened;
  const delay = Date.now() - closing;
  await aftercare.close();
  return delay;
}

/** How soon History shows the sessions a search finds, after it has loaded. */
async function filterTime(harness: Harness): Promise<number> {
  const page: Page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/options.html#history`);
  await page.getByText(/^100 of [\d,]+ sessions$/).waitFor({ timeout: 60_000 });
  const search = page.getByRole('searchbox').first();
  // The first search reads every session's notes once (the search index); the searches after it are measured.
  await search.fill('Concern number 1');
  await page
    .getByText(/^\d+ of [\d,]+ sessions?$/)
    .filter({ hasNotText: /^100 of 10,001/ })
    .first()
    .waitFor({
      timeout: 60_000,
    });
  const times: number[] = [];
  for (const term of ['Concern number 4242', 'Concern number 77', 'number 5', '']) {
    const before = await page
      .getByRole('status')
      .filter({ hasText: / of [\d,]+ sessions?$/ })
      .first()
      .textContent();
    const started = await page.evaluate(() => performance.now());
    await search.fill(term);
    const ended = await page.waitForFunction(
      (previous) => {
        const status = [...document.querySelectorAll('[role="status"]')].find((element) =>
          / of [\d,]+ sessions?$/.test((element.textContent ?? '').trim()),
        );
        return status && status.textContent?.trim() !== previous ? performance.now() : false;
      },
      before?.trim() ?? '',
      { timeout: 30_000 },
    );
    times.push(((await ended.jsonValue()) as number) - started);
  }
  await page.close();
  return Math.round(median(times));
}

async function bytesPerSession(harness: Harness): Promise<number> {
  return harness.inspect(async () => {
    const all = await chrome.storage.local.get(null);
    const keys = Object.keys(all).filter((key) => key.startsWith('session:'));
    const sessionBytes = await chrome.storage.local.getBytesInUse(keys);
    // The checklists the sessions refer to are counted with them.
    const shared = await chrome.storage.local.getBytesInUse(
      Object.keys(all).filter((key) => key.startsWith('checklist:')),
    );
    return Math.round((sessionBytes + shared) / keys.length);
  });
}

const CHART_TITLES = 'h2, h3, h4, figcaption, caption, title';

const SURFACES: Surface[] = [
  { name: 'blank', path: 'blank.html', selector: 'main', text: /^Blank$/ },
  { name: 'side panel', path: 'sidepanel.html', selector: 'main p', text: /^No session in this tab\.$/ },
  { name: 'popup', path: 'popup.html', selector: 'p', text: /^Sessions today: \d+/ },
];

describe('Callcare next to a blank page', () => {
  const folder = buildWithBlankPage();
  const harnesses: Harness[] = [];
  const figures: Record<string, unknown> = {};
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    rmSync(folder, { recursive: true, force: true });
    const out = resolve(import.meta.dirname, '../../test-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(JSON.stringify(figures, null, 2));
  });

  it('loads little JavaScript on each surface', async () => {
    const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
    const browser = await launch(undefined, { extensionPath: folder });
    harnesses.push(browser);
    const pages = {
      'side panel': 'sidepanel.html',
      popup: 'popup.html',
      'aftercare page': 'aftercare.html',
      History: 'options.html#history',
      Overview: 'options.html#overview',
      Settings: 'options.html#settings',
      Clients: 'options.html#clients',
      Checklists: 'options.html#checklists',
      Summary: 'options.html#summary',
      report: 'report.html',
      welcome: 'welcome.html',
    };
    const javascript: Record<string, number> = {};
    for (const [name, path] of Object.entries(pages))
      javascript[name] = kb(await pageJavaScript(browser, folder, path));
    const worker = kb(gzipSync(readFileSync(join(folder, 'background.js')), { level: 9 }).length);
    figures.gzippedKb = { ...javascript, worker, targets: { surface: TARGETS.surfaceKb, worker: TARGETS.workerKb } };
    console.table({ ...javascript, worker });
  });

  it('shows each surface soon after a blank page, with one session', async () => {
    const one = await launch(undefined, { extensionPath: folder });
    harnesses.push(one);
    const call = await one.openCall('https://meet.google.com/abc-defg-hij');
    const tabId = await one.tabIdOf(call);
    const { sessionId } = await one.inspect(async () => {
      const { openSessions } = await chrome.storage.local.get('openSessions');
      return { sessionId: Object.keys((openSessions as { data: object }).data)[0] };
    });
    const withSession: Surface[] = [
      ...SURFACES.map((surface) =>
        surface.name === 'side panel'
          ? { ...surface, path: `sidepanel.html?tab=${tabId}`, selector: 'h1', text: /session$/ }
          : surface,
      ),
      { name: 'aftercare page', path: `aftercare.html?session=${sessionId}`, selector: 'h1', text: /^Aftercare note$/ },
      { name: 'History', path: 'options.html#history', selector: '[role="status"]', text: /^1 of 1 session$/ },
      { name: 'Overview', path: 'options.html#overview', selector: CHART_TITLES, text: /^Sessions per day/ },
    ];
    figures.oneSession = await measureSurfaces(one, withSession);
    console.table(figures.oneSession);
  });

  it('shows each surface soon after a blank page with 10,000 sessions, finds soon, prompts soon', async () => {
    const seeded = await seedSessions(await launch(undefined, { extensionPath: folder }), SESSIONS, {
      extensionPath: folder,
    });
    harnesses.push(seeded);
    const aftercareId = 'bench-42';
    const many: Surface[] = [
      ...SURFACES,
      {
        name: 'aftercare page',
        path: `aftercare.html?session=${aftercareId}`,
        selector: 'h1',
        text: /^Aftercare note$/,
      },
      { name: 'History', path: 'options.html#history', selector: '[role="status"]', text: /^100 of [\d,]+ sessions$/ },
      { name: 'Overview', path: 'options.html#overview', selector: CHART_TITLES, text: /^Sessions per day/ },
    ];
    figures.tenThousandSessions = await measureSurfaces(seeded, many);
    console.table(figures.tenThousandSessions);
    figures.bytesPerSession = await bytesPerSession(seeded);
    figures.filterMs = await filterTime(seeded);
    // The median of a few calls each, interleaved: one call's delay swings with whatever else the machine does.
    const delays = { awake: [] as number[], asleep: [] as number[] };
    for (let round = 0; round < PROMPT_ROUNDS; round++) {
      delays.awake.push(await promptDelay(seeded, false));
      delays.asleep.push(await promptDelay(seeded, true));
    }
    figures.promptMs = { awake: median(delays.awake), asleep: median(delays.asleep) };
    figures.targets = TARGETS;
    console.log({ bytesPerSession: figures.bytesPerSession, filterMs: figures.filterMs, promptMs: figures.promptMs });
  }, 900_000);
});
