/** Unit tests read each language's messages from `locales/`, and start in English. */
import { readFileSync } from 'node:fs';
import { applyCatalogue, makeCatalogue, setMessageSource } from '../../lib/i18n';
import type { Language } from '../../lib/i18n/languages';

export const messagesOf = (language: Language): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../locales/${language}.json`, import.meta.url), 'utf8'));

setMessageSource(async (language) => messagesOf(language));
applyCatalogue(makeCatalogue('en', messagesOf('en'), 'en'));
