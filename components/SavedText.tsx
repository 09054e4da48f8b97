/**
 * A text field that saves as the practitioner types. It keeps its own copy
 * while focused, so a change arriving from storage never moves the cursor;
 * when not focused it shows what is stored.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  /** A fuller name for assistive technology where the visible label is short ("Note" → "Note for: …"). */
  accessibleName?: string;
  value: string;
  onSave: (value: string) => void;
  multiline?: boolean;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  /** A one-line field that grows to several lines as it is typed (multiline only). */
  grow?: boolean;
}

export function SavedText({
  label,
  accessibleName,
  value,
  onSave,
  multiline = false,
  hint,
  placeholder,
  maxLength,
  grow = false,
}: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const focused = useRef(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  // Grows with its text (and its placeholder), so a reason is never typed into a slit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the text is what changes the height.
  useLayoutEffect(() => {
    const element = area.current;
    if (!grow || !element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [grow, text]);
  const common = {
    id,
    value: text,
    placeholder,
    maxLength,
    'aria-label': accessibleName,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
    },
    onChange: (event: { target: { value: string } }) => {
      setText(event.target.value);
      onSave(event.target.value);
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} ref={area} rows={grow ? 1 : undefined} className={grow ? 'grow' : undefined} />
      ) : (
        <input type="text" {...common} />
      )}
    </div>
  );
}
