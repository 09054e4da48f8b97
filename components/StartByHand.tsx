/** Starting a session by hand: a phone call, or a platform Callcare does not recognise. */
import { useId, useState } from 'react';
import { m, platformNames } from '../lib/messages';
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
      <h2 id={`${id}-heading`}>{m.popupStartByHand}</h2>
      <p className="muted small">{m.popupStartByHandHint}</p>
      <div className="row">
        <div style={{ flex: '1 1 10rem' }}>
          <label htmlFor={id}>{m.popupKindLabel}</label>
          <select
            id={id}
            value={platform}
            onChange={(event) => setPlatform(sessionPlatformSchema.parse(event.target.value))}
          >
            {CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {platformNames[choice]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => onStart(platform)} style={{ alignSelf: 'flex-end' }}>
          {m.popupStart}
        </button>
      </div>
    </section>
  );
}
