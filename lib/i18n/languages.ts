/**
 * The languages Callcare is translated into. Each has one file, `locales/<code>.json`,
 * holding every string a person reads (docs/translating.md). Adding a language is
 * adding its file and its line here; a unit test checks the two agree.
 */
import { z } from '../zod';

/** Each language's name in itself, as the language picker shows it whatever the current language. */
export const LANGUAGE_NAMES = {
  en: 'English',
  nl: 'Nederlands',
  de: 'Deutsch',
  fr: 'Français',
} as const;

export type Language = keyof typeof LANGUAGE_NAMES;

export const LANGUAGES = Object.keys(LANGUAGE_NAMES) as Language[];

export const FALLBACK_LANGUAGE: Language = 'en';

export const languageSchema = z.enum(LANGUAGES as [Language, ...Language[]]);

/** The practitioner's choice in Settings: a language, or "as the browser is". */
export const languageChoiceSchema = z.union([z.literal('auto'), languageSchema]);
export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

const isLanguage = (code: string): code is Language => Object.hasOwn(LANGUAGE_NAMES, code);

/** The language of a BCP 47 tag such as "nl-BE", if Callcare has it. */
export function languageOfTag(tag: string | undefined): Language | null {
  const primary = tag?.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : null;
}

/** The language to show: the practitioner's choice, else the browser's UI language if Callcare has it, else English. */
export function resolveLanguage(choice: LanguageChoice, browserTag: string | undefined): Language {
  if (choice !== 'auto' && isLanguage(choice)) return choice;
  return languageOfTag(browserTag) ?? FALLBACK_LANGUAGE;
}

/**
 * The locale dates and numbers are written in: the browser's own tag when it is
 * the same language ("nl-BE" keeps Belgian forms), else the language alone.
 */
export function localeFor(language: Language, browserTag: string | undefined): string {
  if (browserTag && languageOfTag(browserTag) === language) {
    try {
      return Intl.getCanonicalLocales(browserTag)[0] ?? language;
    } catch {
      return language;
    }
  }
  return language;
}
