/**
 * Starts a page: loads the language Callcare is shown in, then draws the page's
 * React tree with the shared stylesheet. When the language changes in Settings,
 * the tree draws again in the new one, keeping what is typed and open.
 */
import { type ReactNode, StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { browserLanguageTag, currentLanguage, currentLocale, type MessageKey, onLanguageChange, t } from '../lib/i18n';
import { FALLBACK_LANGUAGE, type Language, languageOfTag } from '../lib/i18n/languages';
import { languageReady } from '../lib/i18n/start';
import './theme.css';

/** What a page says when its messages cannot be read, in each of Callcare's languages (docs/translating.md). */
const UNREADABLE_TEXT: Record<Language, string> = {
  en: 'Callcare could not load its text. Reload this page; nothing that was saved is lost.',
  nl: 'Callcare kon zijn teksten niet laden. Laad deze pagina opnieuw; niets wat bewaard is, gaat verloren.',
  de: 'Callcare konnte seine Texte nicht laden. Laden Sie diese Seite neu; nichts Gespeichertes geht verloren.',
  fr: 'Callcare n’a pas pu charger ses textes. Rechargez cette page ; rien de ce qui a été enregistré n’est perdu.',
};

function InLanguage({ render }: { render: () => ReactNode }) {
  // Subscribing here draws the page again when the language changes; `render` makes every element anew.
  useSyncExternalStore(onLanguageChange, currentLanguage);
  return render();
}

export function mount(render: () => ReactNode, title: MessageKey): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('the page has no #root element');
  languageReady().then(
    () => {
      const label = () => {
        document.documentElement.lang = currentLocale();
        document.title = t(title);
      };
      label();
      onLanguageChange(label);
      createRoot(container).render(
        <StrictMode>
          <InLanguage render={render} />
        </StrictMode>,
      );
    },
    () => {
      // Without its messages the page has no words of its own: this one sentence is kept here in each language.
      container.textContent = UNREADABLE_TEXT[languageOfTag(browserLanguageTag()) ?? FALLBACK_LANGUAGE];
    },
  );
}
