/** The aftercare notes still to write, newest first, each a button that opens its note. */
import { t } from '../lib/i18n';
import type { OpenSessions } from '../lib/schemas';
import { formatDateTime } from '../lib/time';

interface Props {
  open: OpenSessions;
  onOpen: (sessionId: string) => void;
  headingLevel?: 'h2' | 'h3';
}

export function PendingNotes({ open, onOpen, headingLevel = 'h2' }: Props) {
  const pending = Object.entries(open)
    .filter(([, entry]) => entry.status === 'aftercare-pending')
    .sort(([, a], [, b]) => (b.endedAt ?? b.startedAt) - (a.endedAt ?? a.startedAt));
  const Heading = headingLevel;
  return (
    <section aria-labelledby="pending-heading">
      <Heading id="pending-heading">{t('popupPendingHeading')}</Heading>
      {pending.length === 0 ? (
        <p className="muted small">{t('popupNoPending')}</p>
      ) : (
        <ul className="plain stack">
          {pending.map(([id, entry]) => (
            <li key={id}>
              <button type="button" onClick={() => onOpen(id)}>
                {t('popupWriteNote', {
                  platform: t(`platform.${entry.platform}`),
                  when: formatDateTime(entry.startedAt),
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
