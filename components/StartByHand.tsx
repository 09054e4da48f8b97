/** Starting a session by hand: a phone call, or a platform Callcare does not recognise. */
import { useId, useState } from 'react';
import { t } from '../lib/i18n';
import { type SessionPlatform, sessionPlatformSchema } from '../lib/schemas';

interface Props {
  onStart: (platform: SessionPlatform) => void;
}

const CHOICES: readonly SessionPlatform[] = [
  'phone',
  'other',
  'meet',
  'zoom',
  'teams',
  'webex',
  'jitsi',
  'whereby',
  'doxy',
];

export function StartByHand({ onStart }: Props) {
  const id = useId();
  const [platform, setPlatform] = useState<SessionPlatform>('phone');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('popupStartByHand')}</h2>
      <p className="muted small">{t('popupStartByHandHint')}</p>
      <div className="row">
        <div style={{ flex: '1 1 10rem' }}>
          <label htmlFor={id}>{t('popupKindLabel')}</label>
          <select
            id={id}
            value={platform}
            onChange={(event) => setPlatform(sessionPlatformSchema.parse(event.target.value))}
          >
            {CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`platform.${choice}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => onStart(platform)} style={{ alignSelf: 'flex-end' }}>
          {t('popupStart')}
        </button>
      </div>
    </section>
  );
}
