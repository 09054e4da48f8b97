import { useEffect, useId, useState } from 'react';
import { Outcome, type OutcomeMessage } from '../../components/Outcome';
import { useStored } from '../../components/useStored';
import { saveTemplate, templateById } from '../../lib/caseload';
import { PHASES } from '../../lib/checklist';
import { m, phaseNames } from '../../lib/messages';
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
        <label htmlFor={ids.text}>{m.editorItemText(number)}</label>
        <input
          id={ids.text}
          type="text"
          maxLength={500}
          value={item.text}
          onChange={(event) => onChange({ text: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.guidance}>{m.editorItemGuidance(number)}</label>
        <textarea
          id={ids.guidance}
          maxLength={2000}
          value={item.guidance}
          onChange={(event) => onChange({ guidance: event.target.value })}
        />
      </div>
      <div className="row">
        <div className="field" style={{ flex: '1 1 12rem' }}>
          <label htmlFor={ids.kind}>{m.editorItemKind(number)}</label>
          <select
            id={ids.kind}
            value={item.kind}
            onChange={(event) => onChange({ kind: itemKindSchema.parse(event.target.value) })}
          >
            <option value="agreement">{m.editorKindAgreement}</option>
            <option value="check">{m.editorKindCheck}</option>
          </select>
        </div>
        <div className="field" style={{ flex: '1 1 12rem' }}>
          <label htmlFor={ids.phase}>{m.editorItemPhase(number)}</label>
          <select
            id={ids.phase}
            value={item.phase}
            onChange={(event) => onChange({ phase: phaseSchema.parse(event.target.value) })}
          >
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {phaseNames[phase]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <button type="button" aria-label={m.editorMoveUp(number)} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" aria-label={m.editorMoveDown(number)} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {m.editorRemove(number)}
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
      setStatus({ text: m.editorInvalid, errors: describeTemplateIssues(checked.error.issues) });
      return;
    }
    const next = await saveTemplate(checked.data);
    const removed = bidiControlsIn(draft);
    setDraft(next);
    setStatus({
      text: [m.editorSaved(next.version), ...(removed > 0 ? [m.textDirectionRemoved(removed)] : [])].join(' '),
    });
  };

  const number = (item: ChecklistItem) => draft.items.indexOf(item) + 1;
  return (
    <>
      <p>
        <a href="#checklists">{m.editorBack}</a>
      </p>
      <h1 tabIndex={-1}>{m.editorTitle(saved.name)}</h1>
      <p className="muted small">{m.checklistsItemsCount(saved.items.length, saved.version)}</p>
      <div className="field">
        <label htmlFor={nameId}>{m.editorName}</label>
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
          <h2 id={`editor-${phase}`}>{phaseNames[phase]}</h2>
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
                  text: m.editorNewItemText,
                  guidance: '',
                }),
              )
            }
          >
            {m.editorAddTo(phaseNames[phase])}
          </button>
        </section>
      ))}
      <div className="card row">
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty}>
          {m.editorSave}
        </button>
        <Outcome outcome={status} />
      </div>
    </>
  );
}

export function TemplateEditor({ id }: { id: string }) {
  const template = useStored(async () => (await templateById(id)) ?? null, templates.watch, id);
  if (template.value === undefined) return <p>{m.loading}</p>;
  if (template.value === null) {
    return (
      <>
        <h1 tabIndex={-1}>{m.checklistsTitle}</h1>
        <p role="alert">{m.templateNotFound}</p>
        <a href="#checklists">{m.editorBack}</a>
      </>
    );
  }
  return <Editor saved={template.value} />;
}
