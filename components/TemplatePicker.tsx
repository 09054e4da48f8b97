/** Chooses the checklist a session runs with, while nothing has been recorded yet. */
import { useId } from 'react';
import { allTemplates, watchTemplates } from '../lib/caseload';
import { snapshotOf, templateName } from '../lib/checklist';
import { t } from '../lib/i18n';
import type { Session, TemplateSnapshot } from '../lib/schemas';
import { hasRecords } from '../lib/sessions/model';
import { useStored } from './useStored';

interface Props {
  session: Session;
  onChoose: (template: TemplateSnapshot) => void;
}

export function TemplatePicker({ session, onChoose }: Props) {
  const id = useId();
  const all = useStored(allTemplates, watchTemplates, 'templates');
  if (!all.value || all.value.length < 2) return null;
  const locked = hasRecords(session);
  return (
    <div className="field">
      <label htmlFor={id}>{t('templateLabel')}</label>
      <select
        id={id}
        value={session.template.id}
        disabled={locked}
        aria-describedby={locked ? `${id}-locked` : undefined}
        onChange={(event) => {
          const chosen = all.value?.find((template) => template.id === event.target.value);
          if (chosen) onChoose(snapshotOf(chosen));
        }}
      >
        {all.value.some((template) => template.id === session.template.id) ? null : (
          <option value={session.template.id}>{templateName(session.template)}</option>
        )}
        {all.value.map((template) => (
          <option key={template.id} value={template.id}>
            {templateName(template)}
          </option>
        ))}
      </select>
      {locked && (
        <p id={`${id}-locked`} className="muted small">
          {t('templateLocked')}
        </p>
      )}
    </div>
  );
}
