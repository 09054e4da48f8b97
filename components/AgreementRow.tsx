/** One rule of communication: its state as agreed with the client, a note, and when it was set. */
import { useId } from 'react';
import { agreementStateNames, m } from '../lib/messages';
import type { AgreementRecord, AgreementState, ChecklistItem } from '../lib/schemas';
import type { Carried } from '../lib/sessions/model';
import { formatClock, formatDate } from '../lib/time';
import { Choices } from './Choices';
import { Guidance } from './Guidance';
import { SavedText } from './SavedText';

const STATES: readonly AgreementState[] = ['agreed', 'declined', 'not-discussed', 'not-applicable'];

interface Props {
  item: ChecklistItem;
  record: AgreementRecord | undefined;
  onState: (state: AgreementState) => void;
  onNote: (note: string) => void;
  /** What was recorded for this item in the client's previous session, if anything. */
  carried?: Carried;
  onReconfirm?: () => void;
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
        {m.carriedLastTime(formatDate(carried.at), agreementStateNames[carried.state])}
        {carried.note.trim().length > 0 && <> · {carried.note}</>}
      </p>
      {reconfirmed ? (
        <p className="muted">{m.carriedReconfirmed(formatDate(carried.at))}</p>
      ) : (
        onReconfirm && (
          <button type="button" className="small" aria-label={m.carriedReconfirmLabel(item.text)} onClick={onReconfirm}>
            {m.carriedReconfirm}
          </button>
        )
      )}
    </div>
  );
}

export function AgreementRow({ item, record, onState, onNote, carried, onReconfirm }: Props) {
  const _name = useId();
  const current = record?.state ?? 'not-discussed';
  return (
    <li className="card">
      <fieldset>
        <legend>{item.text}</legend>
        <Guidance item={item.text} guidance={item.guidance} />
        {carried && <CarriedOver item={item} carried={carried} record={record} onReconfirm={onReconfirm} />}
        <Choices
          label={m.panelStateGroupLabel(item.text)}
          options={STATES}
          value={current}
          names={(state: AgreementState) => agreementStateNames[state]}
          classOf={(state) => `state-${state}`}
          onChange={onState}
        />
      </fieldset>
      <SavedText
        label={m.panelNoteLabel}
        accessibleName={m.panelNoteLabelFor(item.text)}
        value={record?.note ?? ''}
        onSave={onNote}
        placeholder={m.panelNotePlaceholder}
        maxLength={2000}
      />
      {record?.changedAt != null && <p className="muted small">{m.panelSetAt(formatClock(record.changedAt))}</p>}
    </li>
  );
}
