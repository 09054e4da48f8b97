/**
 * The aftercare notes still to write, newest first, each a button that opens
 * its note. A long list shows the newest few, and the rest on request.
 */
import { useEffect, useRef, useState } from 'react';
import { t } from '../lib/i18n';
import type { OpenSessions } from '../lib/schemas';
import { formatDateTime } from '../lib/time';

interface Props {
  open: OpenSessions;
  onOpen: (sessionId: string) => void;
  headingLevel?: 'h2' | 'h3';
}

/** How many notes a long list shows before "Show all". */
export const FIRST_NOTES = 10;

export function PendingNotes({ open, onOpen, headingLevel = 'h2' }: Props) {
  const [all, setAll] = useState(false);
  // The button goes once pressed: the focus moves on to the first note it showed.
  const firstShown = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (all) firstShown.current?.focus();
  }, [all]);
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
          {(all ? pending : pending.slice(0, FIRST_NOTES)).map(([id, entry], index) => (
            <li key={id}>
              <button type="button" ref={index === FIRST_NOTES ? firstShown : undefined} onClick={() => onOpen(id)}>
                {t('popupWriteNote', {
                  platform: t(`platform.${entry.platform}`),
                  when: formatDateTime(entry.startedAt),
                })}
              </button>
            </li>
          ))}
          {!all && pending.length > FIRST_NOTES && (
            <li>
              <button type="button" className="link" onClick={() => setAll(true)}>
                {t('pendingShowAll', { count: pending.length })}
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
