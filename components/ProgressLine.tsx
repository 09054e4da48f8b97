/** How far the checklist has come: agreements recorded and checks ticked. */
import { m } from '../lib/messages';
import type { Session } from '../lib/schemas';
import { progress } from '../lib/sessions/model';

export function ProgressLine({ session }: { session: Session }) {
  const done = progress(session);
  return (
    <div className="progress" aria-live="polite">
      <p>{m.agreedOrAnswered(done.agreementsRecorded, done.agreementsTotal)}</p>
      <progress
        aria-label={m.agreedOrAnswered(done.agreementsRecorded, done.agreementsTotal)}
        max={Math.max(1, done.agreementsTotal)}
        value={done.agreementsRecorded}
      />
      <p className="muted small">{m.checksProgress(done.checksTicked, done.checksTotal)}</p>
    </div>
  );
}
