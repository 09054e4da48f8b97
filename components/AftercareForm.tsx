/** The aftercare note of PRODUCT.md. Kept as a draft with every keystroke; "Save" completes the session. */
import { useId, useState } from 'react';
import { clientSeemedNames, m } from '../lib/messages';
import { type ClientSeemed, clientSeemedSchema, type Session } from '../lib/schemas';
import type { AftercareFields } from '../lib/session';
import { formatClock } from '../lib/time';
import { SELF_RATINGS } from '../lib/wellbeing';
import { Checkbox } from './Checkbox';
import { SavedText } from './SavedText';

interface Props {
  session: Session;
  onDraft: (fields: Partial<AftercareFields>) => void;
  onComplete: () => void;
  busy: boolean;
}

export function AftercareForm({ session, onDraft, onComplete, busy }: Props) {
  const note = session.aftercare;
  const ids = { seemed: useId(), next: useId(), rating: useId() };
  const [nextContact, setNextContact] = useState(note.nextContact);
  return (
    <form
      aria-label={m.aftercareTitle}
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        onComplete();
      }}
    >
      <fieldset>
        <legend>{m.aftercareClientSeemed}</legend>
        <div className="states" role="radiogroup" aria-label={m.aftercareClientSeemed}>
          {clientSeemedSchema.options.map((option: ClientSeemed) => (
            <label key={option}>
              <input
                type="radio"
                name={ids.seemed}
                value={option}
                checked={note.clientSeemed === option}
                onChange={() => onDraft({ clientSeemed: option })}
              />
              {clientSeemedNames[option]}
            </label>
          ))}
        </div>
        <SavedText
          label={m.aftercareClientSeemedNote}
          value={note.clientSeemedNote}
          onSave={(value) => onDraft({ clientSeemedNote: value })}
          multiline
        />
      </fieldset>
      <SavedText
        label={m.aftercareConcerns}
        value={note.concerns}
        onSave={(value) => onDraft({ concerns: value })}
        multiline
      />
      <Checkbox
        label={m.aftercareFollowUpToday}
        checked={note.followUpToday}
        onChange={(checked) => onDraft({ followUpToday: checked })}
      />
      <SavedText
        label={m.aftercareFollowUp}
        value={note.followUpAgreed}
        onSave={(value) => onDraft({ followUpAgreed: value })}
        multiline
      />
      <div>
        <label htmlFor={ids.next}>{m.aftercareNextContact}</label>
        <input
          id={ids.next}
          type="date"
          value={nextContact}
          onChange={(event) => {
            setNextContact(event.target.value);
            // A half-typed date is not a date yet: keep it on screen, save it once whole.
            if (event.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) {
              onDraft({ nextContact: event.target.value });
            }
          }}
        />
      </div>
      <SavedText
        label={m.aftercareOtherHelp}
        hint={m.aftercareOtherHelpHint}
        value={note.otherHelp}
        onSave={(value) => onDraft({ otherHelp: value })}
        multiline
      />
      <fieldset>
        <legend>{m.selfRatingLabel}</legend>
        <div className="states" role="radiogroup" aria-label={m.selfRatingLabel}>
          {SELF_RATINGS.map((rating) => (
            <label key={rating}>
              <input
                type="radio"
                name={ids.rating}
                value={rating}
                checked={note.selfRating === rating}
                onChange={() => onDraft({ selfRating: rating })}
              />
              {m.selfRatingNames[rating]}
            </label>
          ))}
        </div>
      </fieldset>
      <SavedText
        label={m.aftercareWellbeing}
        hint={m.aftercareWellbeingHint}
        value={note.wellbeing}
        onSave={(value) => onDraft({ wellbeing: value })}
        multiline
      />
      <Checkbox
        label={m.aftercareSupervision}
        checked={note.wantsSupervision}
        onChange={(checked) => onDraft({ wantsSupervision: checked })}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {note.completedAt === null ? m.aftercareSave : m.aftercareUpdate}
        </button>
        <p className="muted small" role="status">
          {note.completedAt !== null
            ? m.aftercareCompleted(formatClock(note.completedAt))
            : note.updatedAt !== null
              ? m.aftercareDraftSaved(formatClock(note.updatedAt))
              : ''}
        </p>
      </div>
    </form>
  );
}
