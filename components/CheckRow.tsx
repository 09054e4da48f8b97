/** One check: the practitioner's own preparation or reminder, ticked or not. */
import { useId } from 'react';
import type { ChecklistItem, CheckRecord } from '../lib/schemas';
import { Guidance } from './Guidance';

interface Props {
  item: ChecklistItem;
  record: CheckRecord | undefined;
  onChange: (checked: boolean) => void;
}

export function CheckRow({ item, record, onChange }: Props) {
  const id = useId();
  return (
    <li>
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={record?.checked ?? false}
          onChange={(event) => onChange(event.target.checked)}
        />
        <div>
          <label htmlFor={id}>{item.text}</label> <Guidance item={item.text} guidance={item.guidance} />
        </div>
      </div>
    </li>
  );
}
