/**
 * Choosing a JSON file to read (a template, a backup): a real button that opens
 * the browser's file chooser, a hint, and the file's text handed on.
 *
 * The `<input type=file>` itself is visually hidden and out of the tab order and
 * the accessibility tree: a file input's own "Choose file / No file chosen" is
 * unlabelled, hard to style and read twice by screen readers. It keeps the
 * button's name (aria-labelledby), so it is still found by its label.
 */
import { useId, useRef } from 'react';

interface Props {
  label: string;
  hint: string;
  onText: (text: string) => void;
}

export function JsonFileField({ label, hint, onText }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="field">
      <button type="button" id={id} aria-describedby={`${id}-hint`} onClick={() => input.current?.click()}>
        {label}
      </button>
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        aria-labelledby={id}
        accept=".json,application/json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again is noticed.
          event.target.value = '';
          if (file) void file.text().then(onText);
        }}
      />
    </div>
  );
}
