/** Loads the language the practitioner chose (or the browser's) and follows the choice when it changes. */
import { settings } from '../settings';
import { applyCatalogue, browserLanguageTag, type Catalogue, loadCatalogue } from './index';
import { FALLBACK_LANGUAGE, type LanguageChoice, resolveLanguage } from './languages';

async function chosen(): Promise<LanguageChoice> {
  try {
    return (await settings.get()).language;
  } catch {
    // Settings that cannot be read are reported where settings are shown; the text still needs a language.
    return 'auto';
  }
}

async function catalogueFor(choice: LanguageChoice): Promise<Catalogue> {
  const language = resolveLanguage(choice, browserLanguageTag());
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
