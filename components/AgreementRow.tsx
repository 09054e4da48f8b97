/**
 * One rule of communication: its state as agreed with the client, a note, and
 * when it was set. A recorded rule folds to one line (its text, its state, a
 * mark if it has a note) once the focus leaves it, and opens again on a click.
 * On a focused rule, single keys record: A agreed, D declined, N not
 * applicable, U undoes the last change.
 */
import { type FocusEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { t } from '../lib/i18n';
import type { AgreementRecord, AgreementState, ChecklistItem } from '../lib/schemas';
import type { Carried } from '../lib/sessions/model';
import { formatClock, formatDate } from '../lib/time';
import { Guidance } from './Guidance';
import { SavedText } from './SavedText';
import { StateControl } from './StateControl';

interface Props {
  item: ChecklistItem;
  record: AgreementRecord | undefined;
  onState: (state: AgreementState) => void;
  onNote: (note: string) => void;
  /** Takes back this rule's last change. */
  onUndo: () => void;
  /** What was recorded for this item in the client's previous session, if anything. */
  carried?: Carried;
  onReconfirm?: () => void;
}

const SHORTCUTS: Record<string, AgreementState> = { a: 'agreed', d: 'declined', n: 'not-applicable' };

/**
 * Whether a pointer is pressed right now. A row that loses the focus to a
 * click folds only once that click is done: folding on the press would move
 * what is being clicked from under the pointer.
 */
let pointerDown = false;
if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pointerDown = true), true);
  document.addEventListener('pointerup', () => (pointerDown = false), true);
  document.addEventListener('pointercancel', () => (pointerDown = false), true);
}

function CarriedOver({
  item,
  carried,
  record,
  onReconfirm,
}: Pick<Props, 'item' | 'record' | 'onReconfirm'> & { carried: Carried }) {
  const reconfirmed = record?.confirmedFrom?.sessionId === carried.sessionId && record.state === carried.state;
  return (
    <div className="carried small">
      <p>
        {t('carriedLastTime', { date: formatDate(carried.at), state: t(`agreementState.${carried.state}`) })}
        {carried.note.trim().length > 0 && <> · {carried.note}</>}
      </p>
      {reconfirmed ? (
        <p className="muted">{t('carriedReconfirmed', { date: formatDate(carried.at) })}</p>
      ) : (
        onReconfirm && (
          <button
            type="button"
            className="small"
            aria-label={t('carriedReconfirmLabel', { item: item.text })}
            onClick={onReconfirm}
          >
            {t('carriedReconfirm')}
          </button>
        )
      )}
    </div>
  );
}

export function AgreementRow({ item, record, onState, onNote, onUndo, carried, onReconfirm }: Props) {
  const recorded = record !== undefined && record.changedAt !== null;
  const [open, setOpen] = useState(!recorded);
  // Opened from its folded line: the focus goes to its states, not back to the top of the page.
  const [reopened, setReopened] = useState(false);
  const state = record?.state ?? 'not-discussed';
  const hasNote = (record?.note.trim().length ?? 0) > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    const target = event.target as HTMLElement;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('textarea, input, select')) return;
    const key = event.key.toLowerCase();
    const chosen = SHORTCUTS[key];
    if (chosen) {
      event.preventDefault();
      onState(chosen);
    } else if (key === 'u' && recorded) {
      event.preventDefault();
      onUndo();
    }
  };
  // A recorded rule folds once the practitioner has moved on from it.
  // Where a click does not move the focus (buttons in Firefox and Safari on macOS), a click elsewhere folds it.
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!recorded || !open) return;
    const elsewhere = (event: PointerEvent) => {
      if (row.current && !row.current.contains(event.target as Node)) {
        document.addEventListener('click', () => setOpen(false), { once: true });
      }
    };
    document.addEventListener('pointerdown', elsewhere, true);
    return () => document.removeEventListener('pointerdown', elsewhere, true);
  }, [recorded, open]);
  const onBlur = (event: FocusEvent<HTMLLIElement>) => {
    if (!recorded || event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    if (pointerDown) document.addEventListener('click', () => setOpen(false), { once: true });
    else setOpen(false);
  };

  if (recorded && !open) {
    return (
      <li className="rule folded" onKeyDown={onKeyDown}>
        <button
          type="button"
          className="rule-line"
          aria-expanded={false}
          aria-keyshortcuts="A D N U"
          onClick={() => {
            setReopened(true);
            setOpen(true);
          }}
        >
          <span className="rule-text">{item.text}</span>
          <span className={`badge state-${state}`}>{t(`agreementState.${state}`)}</span>
          {hasNote && (
            <span className="note-mark" title={t('ruleHasNote')}>
              <span aria-hidden="true">✎</span>
              <span className="visually-hidden">{t('ruleHasNote')}</span>
            </span>
          )}
        </button>
      </li>
    );
  }
  return (
    <li ref={row} className="rule card" onKeyDown={onKeyDown} onBlur={onBlur}>
      <fieldset aria-keyshortcuts="A D N U">
        <legend>{item.text}</legend>
        <Guidance item={item.text} guidance={item.guidance} />
        {carried && <CarriedOver item={item} carried={carried} record={record} onReconfirm={onReconfirm} />}
        <StateControl
          label={t('panelStateGroupLabel', { item: item.text })}
          value={recorded ? state : null}
          onChoose={onState}
          autoFocus={reopened}
        />
      </fieldset>
      <SavedText
        label={t('panelNoteLabel')}
        accessibleName={t('panelNoteLabelFor', { item: item.text })}
        value={record?.note ?? ''}
        onSave={onNote}
        placeholder={t('panelNotePlaceholder')}
        maxLength={2000}
        multiline
        grow
      />
      <div className="row small">
        {recorded && record.changedAt !== null && (
          <span className="muted">{t('panelSetAt', { time: formatClock(record.changedAt) })}</span>
        )}
        {recorded && (
          <button
            type="button"
            className="link small"
            aria-label={t('ruleUndoLabel', { item: item.text })}
            onClick={onUndo}
          >
            {t('ruleUndo')}
          </button>
        )}
      </div>
    </li>
  );
}
