/**
 * Every string a person reads in Callcare comes from here: `t('key', values)`
 * formats the ICU message `key` of the current language's file
 * (`locales/<code>.json`, copied into the build as `messages/<code>.json`).
 *
 * Each page and the background load only the language in use, once, before
 * they show or send anything; a language changed in Settings is loaded and
 * every subscriber (the pages' React roots) draws again. A second language can
 * be loaded beside the first, for text written for a client in theirs.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type english from '../../locales/en.json';
import { FALLBACK_LANGUAGE, type Language, localeFor } from './languages';

export type MessageKey = keyof typeof english;
export type MessageValues = Record<string, string | number | Date>;
export type Messages = Record<MessageKey, string>;
/**
 * A message as the build leaves it (scripts/locales.ts): its plain text when there is nothing to fill in,
 * otherwise the ICU message already parsed. Nothing is parsed at run time: the parser is not in the bundles.
 */
export type CompiledMessage = string | MessageFormatElement[];

export interface Catalogue {
  language: Language;
  /** The locale dates and numbers are written in, such as "nl-BE". */
  locale: string;
  t(key: MessageKey, values?: MessageValues): string;
}

/** Where a language's messages come from: the built extension's own file, or (in unit tests) the source file. */
type Source = (language: Language) => Promise<Record<string, CompiledMessage>>;

const fromExtension: Source = async (language) => {
  const response = await fetch(browser.runtime.getURL(`/messages/${language}.json` as '/'));
  if (!response.ok) throw new Error(`the messages of "${language}" could not be read (${response.status})`);
  return (await response.json()) as Record<string, CompiledMessage>;
};

let source: Source = fromExtension;

/** Unit tests read the files in `locales/` directly. */
export function setMessageSource(next: Source): void {
  source = next;
  loaded.clear();
}

/** The browser's UI language, such as "nl-BE", where the runtime has one. */
export function browserLanguageTag(): string | undefined {
  try {
    return browser.i18n?.getUILanguage?.() || globalThis.navigator?.language;
  } catch {
    return globalThis.navigator?.language;
  }
}

/** A catalogue over loaded messages; a message that does not parse or format is shown as its key, never thrown. */
export function makeCatalogue(
  language: Language,
  messages: Record<string, CompiledMessage>,
  locale?: string,
): Catalogue {
  const formats = new Map<string, IntlMessageFormat | string | null>();
  const resolvedLocale = locale ?? localeFor(language, browserLanguageTag());
  const formatOf = (key: string): IntlMessageFormat | string | null => {
    let format = formats.get(key);
    if (format === undefined) {
      const message = Object.hasOwn(messages, key) ? messages[key] : undefined;
      try {
        format =
          message === undefined || typeof message === 'string'
            ? (message ?? null)
            : new IntlMessageFormat(message, resolvedLocale, undefined, { ignoreTag: true });
      } catch {
        format = null;
      }
      formats.set(key, format);
    }
    return format;
  };
  return {
    language,
    locale: resolvedLocale,
    t(key, values) {
      const format = formatOf(key);
      if (format === null) return key;
      if (typeof format === 'string') return format;
      try {
        return String(format.format(values));
      } catch {
        return key;
      }
    },
  };
}

const loaded = new Map<Language, Promise<Catalogue>>();

/** A language's catalogue, read once per page or worker. */
export function loadCatalogue(language: Language): Promise<Catalogue> {
  let catalogue = loaded.get(language);
  if (!catalogue) {
    catalogue = source(language).then((messages) => makeCatalogue(language, messages));
    // A failed read is tried again next time rather than kept.
    catalogue.catch(() => loaded.delete(language));
    loaded.set(language, catalogue);
  }
  return catalogue;
}

let active: Catalogue | null = null;
const listeners = new Set<() => void>();

/** Makes `catalogue` the one `t` uses, and tells every subscriber. */
export function applyCatalogue(catalogue: Catalogue): void {
  if (active === catalogue) return;
  active = catalogue;
  for (const listener of listeners) listener();
}

/** Called whenever the language in use changes; returns the way to stop. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message `key` in the current language, with its placeholders filled. */
export function t(key: MessageKey, values?: MessageValues): string {
  if (!active) throw new Error(`a message ("${key}") was asked for before the language was loaded`);
  return active.t(key, values);
}

export function currentLanguage(): Language {
  return active?.language ?? FALLBACK_LANGUAGE;
}

/** The locale for Intl formatting of dates, numbers and lists in the current language. */
export function currentLocale(): string {
  return active?.locale ?? FALLBACK_LANGUAGE;
}

/** True once a language is in use (the worker checks before it writes a badge title). */
export function hasLanguage(): boolean {
  return active !== null;
}
