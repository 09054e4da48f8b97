/**
 * Callcare in Dutch, German and French, in real Chromium started in that
 * language: every surface speaks it (no English sentence of Callcare's left),
 * `<html lang>` says so, the browser's extensions page shows the translated
 * description, a language chosen in Settings switches pages already open, and
 * the rules shared with a client are in the client's language.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { badgeOf, type Harness, launch } from './harness';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const MEET = 'https://meet.google.com/abc-defg-hij';

type Messages = Record<string, string>;
const messagesOf = (language: string): Messages =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'locales', `${language}.json`), 'utf8'));

/** A message of `language`, formatted as Callcare formats it. */
function translator(language: string) {
  const messages = messagesOf(language);
  return (key: string, values?: Record<string, string | number>) => {
    const text = messages[key];
    if (text === undefined) throw new Error(`no message "${key}"`);
    return String(new IntlMessageFormat(text, language, undefined, { ignoreTag: true }).format(values));
  };
}

const english = messagesOf('en');

/**
 * English sentences that must not be seen in `language`: each English message
 * with no placeholder, unless the language says it the same way ("Callcare",
 * "Google Meet"); and, as patterns, each one with plain placeholders.
 */
function englishOnly(language: string): { exact: Set<string>; patterns: RegExp[] } {
  const theirs = new Set(Object.values(messagesOf(language)));
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const [key, text] of Object.entries(english)) {
    // Language names are written in their own language everywhere ("English" in the language pickers).
    if (key === 'languageName' || theirs.has(text) || messagesOf(language)[key] === text) continue;
    const elements = parse(text, { ignoreTag: true });
    if (elements.every((element) => element.type === TYPE.literal)) {
      exact.add(text.trim());
      continue;
    }
    if (!elements.every((element) => element.type === TYPE.literal || element.type === TYPE.argument)) continue;
    const literal = elements.map((element) => (element.type === TYPE.literal ? element.value : '')).join('');
    if (literal.replace(/\W/g, '').length < 10) continue;
    const source = elements
      .map((element) => (element.type === TYPE.literal ? element.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '.+'))
      .join('');
    patterns.push(new RegExp(`^${source}$`));
  }
  return { exact, patterns };
}

/** Every piece of text a person can meet on the page: text, labels, titles, placeholders and the page's title. */
function textsOn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>([document.title]);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim();
      if (text) found.add(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.add(value);
      }
    }
    return [...found];
  });
}

/**
 * Fails on any English sentence of Callcare's on the page. `kept` are texts a
 * record keeps as it was made (a session's checklist keeps the words it ran with).
 */
async function expectNoEnglish(page: Page, language: string, what: string, kept: readonly string[] = []) {
  const { exact, patterns } = englishOnly(language);
  const texts = (await textsOn(page)).filter((text) => !kept.some((words) => text.includes(words)));
  const english = texts.filter((text) => exact.has(text) || patterns.some((pattern) => pattern.test(text)));
  expect(english, `${what} in ${language}`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.lang), `${what}: <html lang>`).toMatch(
    new RegExp(`^${language}\\b`),
  );
}

/** Elements reaching past the page's right edge. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways`);
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) {
        found.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`);
      }
    }
    return found;
  });
}

/** How many lines an element's text takes on screen. */
function linesOf(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
  });
}

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe.each(['nl', 'de', 'fr'])('Callcare in a browser started in %s', (language) => {
  const t = translator(language);

  it('speaks the language on every surface, with no English sentence of its own left', async () => {
    harness = await launch(undefined, { language });
    const h = harness;
    // The browser's extensions page shows the description from _locales in the browser's language.
    const extensions = await h.context.newPage();
    await extensions.goto('chrome://extensions');
    await expect
      .poll(async () => (await extensions.locator('extensions-item #description').first().textContent())?.trim())
      .toBe(t('manifest.description'));
    await extensions.close();

    const call = await h.openCall(MEET);
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    expect(await h.inspect((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe(t('badgeTitleSession'));

    const panel = await h.extensionPage(`sidepanel.html?tab=${tabId}`);
    for (const width of [320, 252]) {
      await panel.setViewportSize({ width, height: 900 });
      const cameras = panel.getByRole('radiogroup', {
        name: t('panelStateGroupLabel', { item: t('checklist.rule-cameras.text') }),
      });
      await cameras.waitFor();
      if (width === 320) await cameras.getByRole('radio', { name: t('agreementState.agreed') }).check();
      await expectNoEnglish(panel, language, `the side panel at ${width} px`);
      expect(await overflowing(panel), `the side panel at ${width} px`).toEqual([]);
      expect(await axeViolations(panel), `the side panel at ${width} px`).toEqual([]);
      // The progress in the header stays one line, at Firefox's default sidebar width too.
      expect(await linesOf(panel.locator('.session-header .progress p')), `the progress at ${width} px`).toBe(1);
    }
    await panel.getByRole('button', { name: t('shareButton') }).click();
    await expect
      .poll(() => panel.getByLabel(t('shareTextLabel')).inputValue())
      .toContain(t('share.rule-cameras.agreed'));
    await expectNoEnglish(panel, language, 'the share box');
    expect(await axeViolations(panel), 'the share box').toEqual([]);
    expect(await overflowing(panel), 'the share box at 252 px').toEqual([]);
    await mkdir(SHOTS, { recursive: true });
    await panel.getByRole('heading', { name: t('shareHeading') }).scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SHOTS, `share-${language}-252.png`) });
    await panel.getByRole('button', { name: t('shareClose') }).click();
    await panel.setViewportSize({ width: 320, height: 900 });
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: join(SHOTS, `side-panel-${language}.png`) });

    const popup = await h.extensionPage('popup.html');
    await popup.getByRole('heading').first().waitFor();
    await expectNoEnglish(popup, language, 'the popup');

    const aftercareOpened = h.context.waitForEvent('page', (page) => page.url().includes('/aftercare.html'));
    await call.close();
    const aftercare = await aftercareOpened;
    await aftercare.getByRole('heading', { name: t('aftercareTitle') }).waitFor();
    await expectNoEnglish(aftercare, language, 'the aftercare page');
    expect(await axeViolations(aftercare), 'the aftercare page').toEqual([]);

    const options = await h.extensionPage('options.html#settings');
    await options.getByRole('heading', { name: t('optionsTitle'), level: 1 }).waitFor();
    await expectNoEnglish(options, language, 'Settings');
    expect(await axeViolations(options), 'Settings').toEqual([]);
    const sessionId = new URL(aftercare.url()).searchParams.get('session');
    const views = [
      ['options.html#clients', 'clientsTitle'],
      ['options.html#checklists', 'checklistsTitle'],
      ['options.html#history', 'historyTitle'],
      ['options.html#overview', 'overviewTitle'],
      ['options.html#summary', 'summaryTitle'],
      [`report.html?session=${sessionId}`, 'reportTitle'],
      ['welcome.html', 'welcomeTitle'],
    ] as const;
    for (const [path, title] of views) {
      await options.goto(`chrome-extension://${h.extensionId}/${path}`);
      await options.getByRole('heading', { name: t(title), level: 1 }).waitFor();
      await expectNoEnglish(options, language, path);
      expect(await axeViolations(options), path).toEqual([]);
    }
  });
});

describe('choosing the language', () => {
  it('in Settings switches the pages already open, the worker included', async () => {
    harness = await launch();
    const h = harness;
    const en = translator('en');
    const de = translator('de');
    const call = await h.openCall(MEET);
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    const panel = await h.extensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('heading', { name: en('phase.rules') }).waitFor();
    // Text the practitioner is changing in the share box is kept through the switch.
    await panel.getByRole('button', { name: en('shareButton') }).click();
    const shared = panel.getByLabel(en('shareTextLabel'));
    await expect.poll(() => shared.inputValue()).toContain(en('share.closing'));
    const typed = 'See you on Thursday.';
    await shared.fill(`${await shared.inputValue()}${typed}`);

    const settings = await h.extensionPage('options.html#settings');
    await settings.getByLabel(en('settingsLanguageLabel')).selectOption({ label: 'Deutsch' });

    await settings.getByRole('heading', { name: de('optionsTitle'), level: 1 }).waitFor();
    await panel.getByRole('heading', { name: de('phase.rules') }).waitFor();
    expect(await panel.evaluate(() => document.documentElement.lang)).toMatch(/^de\b/);
    // The open share box stays open, in the new language.
    await panel.getByRole('heading', { name: de('shareHeading') }).waitFor();
    // The running session keeps the checklist it started with, in English; everything else is German.
    const checklist = Object.entries(english)
      .filter(([key]) => key.startsWith('checklist.') || key === 'defaultTemplateName')
      .map(([, text]) => text);
    await expectNoEnglish(panel, 'de', 'the side panel after the switch', checklist);
    await panel
      .getByRole('radiogroup', { name: de('panelStateGroupLabel', { item: en('checklist.rule-cameras.text') }) })
      .waitFor();
    await expect
      .poll(() => h.inspect((id) => chrome.action.getTitle({ tabId: id }), tabId))
      .toBe(de('badgeTitleSession'));
    expect(await panel.getByLabel(de('shareTextLabel')).inputValue()).toContain(typed);

    // The worker's next notification is in German too: its options are noted as the worker hands them to Chrome
    // (Chrome gives notifications back by id only).
    const worker = await h.serviceWorker();
    await worker.evaluate(() => {
      const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => Promise<string>;
      const noted: unknown[] = [];
      Object.assign(globalThis, { notedNotifications: noted });
      (chrome.notifications as { create: unknown }).create = (...args: unknown[]) => {
        noted.push(args.find((arg) => typeof arg === 'object'));
        return create(...args);
      };
    });
    await call.close();
    await expect
      .poll(() =>
        worker.evaluate(() => (globalThis as unknown as { notedNotifications: unknown[] }).notedNotifications),
      )
      .toEqual([
        expect.objectContaining({
          title: de('notificationTitle'),
          message: de('notificationMessage', { platform: 'Google Meet' }),
        }),
      ]);

    // Back to the browser's language.
    await settings.getByLabel(de('settingsLanguageLabel')).selectOption({ index: 0 });
    await panel.getByRole('heading', { name: en('phase.rules') }).waitFor();
  });

  it("writes the text for the client in the client's language while Callcare is in Dutch", async () => {
    harness = await launch(undefined, { language: 'nl' });
    const h = harness;
    const nl = translator('nl');
    const fr = translator('fr');
    const call = await h.openCall(MEET);
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    const panel = await h.extensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.setViewportSize({ width: 320, height: 900 });

    // A client whose language is French, linked to this session.
    const step = panel.getByText(nl('phase.before'), { exact: true });
    await step.waitFor();
    const form = panel.getByRole('form', { name: nl('clientHeading') });
    if (!(await form.isVisible())) await step.click();
    await form.getByLabel(nl('clientLabel')).fill('FS-7');
    await form.getByRole('button', { name: nl('clientLink') }).click();
    await form.getByRole('button', { name: nl('clientCreateAndLink', { code: 'FS-7' }) }).click();
    await panel.getByText(nl('clientLinked', { code: 'FS-7' })).waitFor();
    const client = await h.extensionPage('options.html#clients');
    await client.getByRole('link', { name: 'FS-7' }).click();
    await client.getByLabel(nl('clientLanguageLabel')).selectOption({ label: 'Français' });

    const rules = ['rule-cameras', 'rule-recording', 'rule-present'];
    for (const [index, id] of rules.entries()) {
      await panel
        .getByRole('radiogroup', { name: nl('panelStateGroupLabel', { item: nl(`checklist.${id}.text`) }) })
        .getByRole('radio', { name: nl(index === 2 ? 'agreementState.declined' : 'agreementState.agreed') })
        .check();
    }
    await panel.getByRole('button', { name: nl('shareButton') }).click();
    const language = panel.getByLabel(nl('shareLanguage'));
    await expect.poll(() => language.inputValue()).toBe('fr');
    const text = panel.getByLabel(nl('shareTextLabel'));
    await expect.poll(() => text.inputValue()).toContain(fr('share.rule-cameras.agreed'));
    const shared = await text.inputValue();
    expect(shared).toContain(fr('share.agreedHeading'));
    expect(shared).toContain(fr('share.rule-recording.agreed'));
    // What was declined is left out unless the practitioner asks for it.
    expect(shared).not.toContain(fr('share.rule-present.declined'));
    expect(shared).not.toContain(nl('share.agreedHeading'));
    expect(shared).not.toContain('FS-7');
    await panel.getByRole('checkbox', { name: nl('shareIncludeDeclined') }).check();
    await expect.poll(() => text.inputValue()).toContain(fr('share.rule-present.declined'));
    expect(await text.getAttribute('lang')).toBe('fr');

    // Copied as shown, changes included.
    await text.fill(`${await text.inputValue()}À bientôt.`);
    await panel.getByRole('button', { name: nl('shareCopy') }).click();
    await panel.getByText(nl('shareCopied')).waitFor();
    // Pasted where a practitioner pastes it: the call's page (allowed to read the clipboard for this check).
    await h.context.grantPermissions(['clipboard-read'], { origin: 'https://meet.google.com' });
    await call.bringToFront();
    expect(await call.evaluate(() => navigator.clipboard.readText())).toContain('À bientôt.');
  });
});
