/** A group of radio buttons drawn as tiles: one choice of a few, by keyboard (arrow keys) or pointer. */
import { useId } from 'react';

interface Props<T extends string | null> {
  /** The group's accessible name. */
  label: string;
  options: readonly T[];
  /** The current choice; null when none is made yet. */
  value: T | null;
  names: (option: T) => string;
  onChange: (option: T) => void;
  /** A class per option, for colour (agreed, declined). */
  classOf?: (option: T) => string | undefined;
}

export function Choices<T extends string | null>({ label, options, value, names, onChange, classOf }: Props<T>) {
  const name = useId();
  return (
    <div className="states" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <label key={option ?? 'none'} className={classOf?.(option)}>
          <input
            type="radio"
            name={name}
            value={option ?? ''}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {names(option)}
        </label>
      ))}
    </div>
  );
}
