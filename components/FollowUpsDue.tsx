/**
 * The follow-ups still open, due today or earlier, soonest first: each opens
 * its aftercare note, and can be marked done here. Shown only while the notes
 * can be read (the digest is sealed while Callcare is locked).
 */
import { isToday, openFollowUps } from '../lib/followUps';
import { t } from '../lib/i18n';
import type { DigestRow } from '../lib/sessions/digest';
import { readReminderRows, watchDigest } from '../lib/sessions/digestStore';
import { formatClock, formatDateTime } from '../lib/time';
import { useStored } from './useStored';

interface Props {
  now: number;
  onOpen: (sessionId: string) => void;
  onDone: (sessionId: string) => void;
}

export function FollowUpsDue({ now, onOpen, onDone }: Props) {
  const reminders = useStored(readReminderRows, watchDigest, 'reminders');
  if (!reminders.value) return null;
  const due = openFollowUps(reminders.value, now);
  if (due.length === 0) return null;
  const when = (at: number) => (isToday(at, now) ? formatClock(at) : formatDateTime(at));
  const name = (row: DigestRow) =>
    t('popupFollowUpItem', { platform: t(`platform.${row.platform}`), when: when(row.startedAt) });
  return (
    <section aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">{t('popupFollowUpsHeading')}</h2>
      <ul className="plain stack">
        {due.map((row) => (
          <li key={row.id} className="row">
            <button type="button" className="fill" onClick={() => onOpen(row.id)}>
              {name(row)} ·{' '}
              {row.followUpAt === null
                ? t('popupFollowUpNoTime')
                : t('popupFollowUpDue', { time: when(row.followUpAt) })}
            </button>
            <button
              type="button"
              aria-label={t('followUpDoneLabel', { session: name(row) })}
              onClick={() => onDone(row.id)}
            >
              {t('followUpDoneButton')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
