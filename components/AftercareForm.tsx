/** The aftercare note (RAN FC&S ch. 3: how the client is doing after a digital session). Kept as a draft as it is typed; "Save" completes the session. */
import { useId, useState } from 'react';
import { atTimeOnDay, defaultFollowUpTime, timeOfDay } from '../lib/followUps';
import { t } from '../lib/i18n';
import { type Aftercare, type ClientSeemed, clientSeemedSchema, type Session } from '../lib/schemas';
import type { AftercareFields } from '../lib/sessions/model';
import { formatClock } from '../lib/time';
import { SELF_RATINGS, type SelfRating } from '../lib/wellbeing';
import { Checkbox } from './Checkbox';
import { Choices } from './Choices';
import { organisationName, useEffective } from './Organisation';
import { SavedText } from './SavedText';

interface Props {
  /** The note as shown, with this page's edits. */
  session: Session;
  /** The note as stored: the status line says "saved" only from this. */
  stored: Session;
  /** Edits of this page are still on their way to storage. */
  saving: boolean;
  onDraft: (fields: Partial<AftercareFields>) => void;
  onComplete: () => void;
  busy: boolean;
  /** The end of the workday from the settings: a follow-up's reminder is offered no later than that. */
  workdayEnd: string | null;
}

/** The reminder of a follow-up flagged today, and marking it done. */
function FollowUp({ note, onDraft }: { note: Aftercare; onDraft: Props['onDraft'] }) {
  const ids = { time: useId(), hint: useId() };
  // A half-typed time stays on screen; it is saved once whole.
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? (note.followUpAt === null ? '' : timeOfDay(note.followUpAt));
  return (
    <div className="field indented">
      <label htmlFor={ids.time}>{t('aftercareFollowUpAt')}</label>
      <p id={ids.hint} className="muted small">
        {t('aftercareFollowUpAtHint')}
      </p>
      <input
        id={ids.time}
        type="time"
        value={shown}
        aria-describedby={ids.hint}
        disabled={note.followUpDoneAt !== null}
        onChange={(event) => {
          const value = event.target.value;
          // The day the reminder was set for stays its day; a follow-up flagged without a time gets today.
          const at = atTimeOnDay(note.followUpAt ?? Date.now(), value);
          setTyped(at === null && value !== '' ? value : null);
          if (at !== null || value === '') onDraft({ followUpAt: at });
        }}
      />
      {note.followUpDoneAt === null ? (
        <p>
          <button type="button" onClick={() => onDraft({ followUpDoneAt: Date.now() })}>
            {t('aftercareFollowUpDone')}
          </button>
        </p>
      ) : (
        <p className="row">
          <span role="status">{t('aftercareFollowUpDoneAt', { time: formatClock(note.followUpDoneAt) })}</span>
          <button type="button" onClick={() => onDraft({ followUpDoneAt: null })}>
            {t('aftercareFollowUpReopen')}
          </button>
        </p>
      )}
    </div>
  );
}

export function AftercareForm({ session, stored, saving, onDraft, onComplete, busy, workdayEnd }: Props) {
  const note = session.aftercare;
  const ids = { next: useId() };
  const [nextContact, setNextContact] = useState(note.nextContact);
  return (
    <form
      aria-label={t('aftercareTitle')}
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        onComplete();
      }}
    >
      <fieldset>
        <legend>{t('aftercareClientSeemed')}</legend>
        <Choices
          label={t('aftercareClientSeemed')}
          options={clientSeemedSchema.options}
          value={note.clientSeemed}
          names={(option: ClientSeemed) => t(`clientSeemed.${option}`)}
          onChange={(option) => onDraft({ clientSeemed: option })}
        />
        <SavedText
          label={t('aftercareClientSeemedNote')}
          value={note.clientSeemedNote}
          onSave={(value) => onDraft({ clientSeemedNote: value })}
          multiline
        />
      </fieldset>
      <SavedText
        label={t('aftercareConcerns')}
        value={note.concerns}
        onSave={(value) => onDraft({ concerns: value })}
        multiline
      />
      <div className="stack">
        <Checkbox
          label={t('aftercareFollowUpToday')}
          checked={note.followUpToday}
          onChange={(checked) =>
            onDraft(
              checked
                ? { followUpToday: true, followUpAt: defaultFollowUpTime(Date.now(), workdayEnd), followUpDoneAt: null }
                : { followUpToday: false, followUpAt: null, followUpDoneAt: null },
            )
          }
        />
        {note.followUpToday && <FollowUp note={note} onDraft={onDraft} />}
      </div>
      <SavedText
        label={t('aftercareFollowUp')}
        value={note.followUpAgreed}
        onSave={(value) => onDraft({ followUpAgreed: value })}
        multiline
      />
      <div>
        <label htmlFor={ids.next}>{t('aftercareNextContact')}</label>
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
        label={t('aftercareOtherHelp')}
        hint={t('aftercareOtherHelpHint')}
        value={note.otherHelp}
        onSave={(value) => onDraft({ otherHelp: value })}
        multiline
      />
      <SupportLine />
      <fieldset>
        <legend>{t('selfRatingLabel')}</legend>
        <Choices
          label={t('selfRatingLabel')}
          options={SELF_RATINGS}
          value={note.selfRating}
          names={(rating: SelfRating) => t(`selfRating.${rating}`)}
          onChange={(rating) => onDraft({ selfRating: rating })}
        />
      </fieldset>
      <SavedText
        label={t('aftercareWellbeing')}
        hint={t('aftercareWellbeingHint')}
        value={note.wellbeing}
        onSave={(value) => onDraft({ wellbeing: value })}
        multiline
      />
      <Checkbox
        label={t('aftercareSupervision')}
        checked={note.wantsSupervision}
        onChange={(checked) => onDraft({ wantsSupervision: checked })}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {note.completedAt === null ? t('aftercareSave') : t('aftercareUpdate')}
        </button>
        <p className="muted small" role="status">
          {saving
            ? t('aftercareSaving')
            : stored.aftercare.completedAt !== null
              ? t('aftercareCompleted', { time: formatClock(stored.aftercare.completedAt) })
              : stored.aftercare.updatedAt !== null
                ? t('aftercareDraftSaved', { time: formatClock(stored.aftercare.updatedAt) })
                : ''}
        </p>
      </div>
    </form>
  );
}

/** The organisation's support line, where its policy gives one: shown under "other help", as text. */
function SupportLine() {
  const effective = useEffective();
  const line = effective?.policy.supportLine;
  if (!line) return null;
  return <p className="small">{t('orgSupportLine', { organisation: organisationName(effective.policy), line })}</p>;
}
