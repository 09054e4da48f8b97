/** Unit tests read each language's messages from `locales/`, and start in English. */
import { readFileSync } from 'node:fs';
import { beforeEach } from 'vitest';
import { applyCatalogue, makeCatalogue, setMessageSource } from '../../lib/i18n';
import type { Language } from '../../lib/i18n/languages';
import { forgetPolicy } from '../../lib/settings';
import { compileMessages } from '../../scripts/locales';

export const messagesOf = (language: Language): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../locales/${language}.json`, import.meta.url), 'utf8'));

/** A language's messages as the build leaves them for the extension: parsed (scripts/locales.ts). */
export const compiledMessagesOf = (language: Language) => compileMessages(messagesOf(language));

setMessageSource(async (language) => compiledMessagesOf(language));
applyCatalogue(makeCatalogue('en', compiledMessagesOf('en'), 'en'));

// The fake browser starts afresh in each test (fakeBrowser.reset): so does the policy Callcare remembers.
beforeEach(() => forgetPolicy());
