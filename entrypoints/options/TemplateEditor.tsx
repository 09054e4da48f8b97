import { useEffect, useId, useState } from 'react';
import { Outcome, type OutcomeMessage } from '../../components/Outcome';
import { useStored } from '../../components/useStored';
import { saveTemplate, templateById } from '../../lib/caseload';
import { PHASES } from '../../lib/checklist';
import { t } from '../../lib/i18n';
import { type ChecklistItem, itemKindSchema, phaseSchema, type Template } from '../../lib/schemas';
import { templates } from '../../lib/storage/items';
import { bidiControlsIn, describeTemplateIssues, editedTemplateSchema } from '../../lib/templateFile';
import { addItem, moveItem, newItemId, removeItem, updateItem } from '../../lib/templates';

function ItemEditor({
  item,
  number,
  onChange,
  onMove,
  onRemove,
}: {
  item: ChecklistItem;
  number: number;
  onChange: (patch: Partial<Omit<ChecklistItem, 'id'>>) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const ids = { text: useId(), guidance: useId(), kind: useId(), phase: useId() };
  return (
    <li className="card stack">
      <div className="field">
        <label htmlFor={ids.text}>{t('editorItemText', { number })}</label>
        <input
          id={ids.text}
          type="text"
          maxLength={500}
          value={item.text}
          onChange={(event) => onChange({ text: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.guidance}>{t('editorItemGuidance', { number })}</label>
        <textarea
          id={ids.guidance}
          maxLength={2000}
          value={item.guidance}
          onChange={(event) => onChange({ guidance: event.target.value })}
        />
      </div>
      <div className="row">
        <div className="field" style={{ flex: '1 1 12rem' }}>
          <label htmlFor={ids.kind}>{t('editorItemKind', { number })}</label>
          <select
            id={ids.kind}
            value={item.kind}
            onChange={(event) => onChange({ kind: itemKindSchema.parse(event.target.value) })}
          >
            <option value="agreement">{t('editorKindAgreement')}</option>
            <option value="check">{t('editorKindCheck')}</option>
          </select>
        </div>
        <div className="field" style={{ flex: '1 1 12rem' }}>
          <label htmlFor={ids.phase}>{t('editorItemPhase', { number })}</label>
          <select
            id={ids.phase}
            value={item.phase}
            onChange={(event) => onChange({ phase: phaseSchema.parse(event.target.value) })}
          >
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {t(`phase.${phase}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <button type="button" aria-label={t('editorMoveUp', { number })} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" aria-label={t('editorMoveDown', { number })} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {t('editorRemove', { number })}
        </button>
      </div>
    </li>
  );
}

function Editor({ saved }: { saved: Template }) {
  const nameId = useId();
  const [draft, setDraft] = useState(saved);
  const [status, setStatus] = useState<OutcomeMessage | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = async () => {
    const checked = editedTemplateSchema.safeParse(draft);
    if (!checked.success) {
      setStatus({ text: t('editorInvalid'), errors: describeTemplateIssues(checked.error.issues) });
      return;
    }
    const next = await saveTemplate(checked.data);
    const removed = bidiControlsIn(draft);
    setDraft(next);
    setStatus({
      text: [
        t('editorSaved', { version: next.version }),
        ...(removed > 0 ? [t('textDirectionRemoved', { count: removed })] : []),
      ].join(' '),
    });
  };

  const number = (item: ChecklistItem) => draft.items.indexOf(item) + 1;
  return (
    <>
      <p>
        <a href="#checklists">{t('editorBack')}</a>
      </p>
      <h1 tabIndex={-1}>{t('editorTitle', { name: saved.name })}</h1>
      <p className="muted small">{t('checklistsItemsCount', { count: saved.items.length, version: saved.version })}</p>
      <div className="field">
        <label htmlFor={nameId}>{t('editorName')}</label>
        <input
          id={nameId}
          type="text"
          maxLength={100}
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
      </div>
      {PHASES.map((phase) => (
        <section key={phase} aria-labelledby={`editor-${phase}`}>
          <h2 id={`editor-${phase}`}>{t(`phase.${phase}`)}</h2>
          <ol className="plain">
            {draft.items
              .filter((item) => item.phase === phase)
              .map((item) => (
                <ItemEditor
                  key={item.id}
                  item={item}
                  number={number(item)}
                  onChange={(patch) => setDraft(updateItem(draft, item.id, patch))}
                  onMove={(direction) => setDraft(moveItem(draft, item.id, direction))}
                  onRemove={() => setDraft(removeItem(draft, item.id))}
                />
              ))}
          </ol>
          <button
            type="button"
            onClick={() =>
              setDraft(
                addItem(draft, {
                  id: newItemId(draft, () => crypto.randomUUID().slice(0, 8)),
                  phase,
                  kind: phase === 'rules' ? 'agreement' : 'check',
                  text: t('editorNewItemText'),
                  guidance: '',
                }),
              )
            }
          >
            {t('editorAddTo', { phase: t(`phase.${phase}`) })}
          </button>
        </section>
      ))}
      <div className="card row">
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty}>
          {t('editorSave')}
        </button>
        <Outcome outcome={status} />
      </div>
    </>
  );
}

export function TemplateEditor({ id }: { id: string }) {
  const template = useStored(async () => (await templateById(id)) ?? null, templates.watch, id);
  if (template.value === undefined) return <p>{t('loading')}</p>;
  if (template.value === null) {
    return (
      <>
        <h1 tabIndex={-1}>{t('checklistsTitle')}</h1>
        <p role="alert">{t('templateNotFound')}</p>
        <a href="#checklists">{t('editorBack')}</a>
      </>
    );
  }
  return <Editor saved={template.value} />;
}
