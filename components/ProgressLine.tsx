/** How far the checklist has come: agreements recorded and checks ticked. */
import { t } from '../lib/i18n';
import type { Session } from '../lib/schemas';
import { progress } from '../lib/sessions/model';

export function ProgressLine({ session }: { session: Session }) {
  const done = progress(session);
  return (
    <div className="progress" aria-live="polite">
      <p>{t('agreedOrAnswered', { recorded: done.agreementsRecorded, total: done.agreementsTotal })}</p>
      <progress
        aria-label={t('agreedOrAnswered', { recorded: done.agreementsRecorded, total: done.agreementsTotal })}
        max={Math.max(1, done.agreementsTotal)}
        value={done.agreementsRecorded}
      />
      <p className="muted small">{t('checksProgress', { ticked: done.checksTicked, total: done.checksTotal })}</p>
    </div>
  );
}
