import { useId } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { usePolicyControl } from '../../components/Organisation';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/schemas';
import { weekdayName } from '../../lib/time';

const MAX_CHOICES = Array.from({ length: 12 }, (_, index) => index + 1);
/** Monday first, as a working week is read. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

export function WellbeingSection({ stored, change }: { stored: Settings; change: (patch: Partial<Settings>) => void }) {
  const ids = { max: useId(), end: useId(), hint: useId() };
  const max = usePolicyControl('maxSessionsPerDay');
  const days = usePolicyControl('workingDays');
  const end = usePolicyControl('workdayEnd');
  return (
    <section aria-labelledby="wellbeing-limits" className="stack">
      <h3 id="wellbeing-limits">{t('wellbeingLimitsHeading')}</h3>
      <p className="muted small">{t('wellbeingIntro')}</p>
      <div className="field">
        <label htmlFor={ids.max}>{t('wellbeingMax')}</label>
        <select
          id={ids.max}
          aria-describedby={max.noteId}
          disabled={max.locked}
          value={stored.maxSessionsPerDay ?? ''}
          onChange={(event) =>
            change({ maxSessionsPerDay: event.target.value === '' ? null : Number(event.target.value) })
          }
        >
          <option value="">{t('wellbeingNoMax')}</option>
          {[...new Set([...MAX_CHOICES, ...(stored.maxSessionsPerDay ? [stored.maxSessionsPerDay] : [])])]
            .sort((a, b) => a - b)
            .map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
        </select>
        {max.note}
      </div>
      <fieldset disabled={days.locked} aria-describedby={days.noteId}>
        <legend>{t('wellbeingDays')}</legend>
        <div className="row">
          {WEEK.map((day) => (
            <Checkbox
              key={day}
              label={weekdayName(day)}
              checked={stored.workingDays.includes(day)}
              onChange={(checked) =>
                change({
                  workingDays: checked
                    ? [...stored.workingDays, day].sort()
                    : stored.workingDays.filter((other) => other !== day),
                })
              }
            />
          ))}
        </div>
        {days.note}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.end}>{t('wellbeingEnd')}</label>
        <p id={ids.hint} className="muted small">
          {t('wellbeingEndHint')}
        </p>
        <input
          id={ids.end}
          type="time"
          value={stored.workdayEnd ?? ''}
          aria-describedby={end.noteId ? `${ids.hint} ${end.noteId}` : ids.hint}
          disabled={end.locked}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '' || /^\d{2}:\d{2}$/.test(value)) change({ workdayEnd: value === '' ? null : value });
          }}
        />
        {end.note}
      </div>
      <div>
        <Checkbox
          label={t('wellbeingRemindNextContact')}
          checked={stored.remindNextContact}
          onChange={(remindNextContact) => change({ remindNextContact })}
        />
        <p className="muted small indented">{t('wellbeingRemindNextContactHint')}</p>
      </div>
      <Checkbox
        label={t('wellbeingViewToggle')}
        checked={stored.wellbeingView}
        onChange={(wellbeingView) => change({ wellbeingView })}
      />
    </section>
  );
}
