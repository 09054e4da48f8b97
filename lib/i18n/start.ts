/** Loads the language the practitioner chose (or the browser's) and follows the choice when it changes. */
import { settings } from '../settings';
import { applyCatalogue, browserLanguageTag, type Catalogue, loadCatalogue } from './index';
import { FALLBACK_LANGUAGE, type Language, type LanguageChoice, languageOfTag, resolveLanguage } from './languages';

async function chosen(): Promise<LanguageChoice> {
  try {
    return (await settings.get()).language;
  } catch {
    // Settings that cannot be read are reported where settings are shown; the text still needs a language.
    return 'auto';
  }
}

/**
 * The language this browser's pages were last shown in, kept in the page's own storage (a language code,
 * nothing more): a page starts fetching its messages while it reads the settings, which then confirm it.
 * Only an extension page has it; the worker reads the settings first.
 */
const LAST_LANGUAGE = 'callcare.language';

function lastLanguage(): Language | null {
  try {
    return globalThis.document ? languageOfTag(globalThis.localStorage?.getItem(LAST_LANGUAGE) ?? undefined) : null;
  } catch {
    return null;
  }
}

function rememberLanguage(language: Language): void {
  try {
    if (globalThis.document && globalThis.localStorage?.getItem(LAST_LANGUAGE) !== language) {
      globalThis.localStorage.setItem(LAST_LANGUAGE, language);
    }
  } catch {
    // A page without its own storage fetches its messages after the settings, as the worker does.
  }
}

async function catalogueFor(choice: LanguageChoice): Promise<Catalogue> {
  const language = resolveLanguage(choice, browserLanguageTag());
  rememberLanguage(language);
  try {
    return await loadCatalogue(language);
  } catch (error) {
    if (language === FALLBACK_LANGUAGE) throw error;
    return loadCatalogue(FALLBACK_LANGUAGE);
  }
}

let ready: Promise<void> | null = null;
let latest = 0;

async function apply(): Promise<void> {
  const ticket = ++latest;
  if (ticket === 1) {
    const last = lastLanguage();
    // Fetched and kept by loadCatalogue; catalogueFor takes it when the settings name the same language.
    if (last) loadCatalogue(last).catch(() => undefined);
  }
  const catalogue = await catalogueFor(await chosen());
  // A slower read for an older choice never replaces a newer one.
  if (ticket === latest) applyCatalogue(catalogue);
}

/**
 * Resolves once the chosen language is in use; from then on a change in
 * Settings loads and applies the new one. Safe to call from every caller:
 * the work is done once per page or worker.
 */
export function languageReady(): Promise<void> {
  if (!ready) {
    ready = apply();
    ready.then(
      () => settings.watch(() => void apply().catch(() => undefined)),
      () => {
        ready = null;
      },
    );
  }
  return ready;
}
