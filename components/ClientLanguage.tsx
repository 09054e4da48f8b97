/** The language text written for a client (the agreed rules to share) is in: theirs, or else the practitioner's. */
import { useId } from 'react';
import { currentLanguage, t } from '../lib/i18n';
import { LANGUAGE_NAMES, LANGUAGES, type Language, languageSchema } from '../lib/i18n/languages';

export function ClientLanguage({
  language,
  onChange,
}: {
  language: Language | null;
  onChange: (language: Language | null) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('clientLanguageLabel')}</label>
      <select
        id={id}
        value={language ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : languageSchema.parse(event.target.value))}
      >
        <option value="">{t('clientLanguageSame', { language: LANGUAGE_NAMES[currentLanguage()] })}</option>
        <LanguageOptions />
      </select>
    </div>
  );
}

/** One option per language, each named in itself and marked as that language for screen readers. */
export function LanguageOptions() {
  return LANGUAGES.map((code) => (
    <option key={code} value={code} lang={code}>
      {LANGUAGE_NAMES[code]}
    </option>
  ));
}
