/** Choosing a JSON file to read (a template, a backup): its label, a hint, and the file's text handed on. */
import { useId } from 'react';

interface Props {
  label: string;
  hint: string;
  onText: (text: string) => void;
}

export function JsonFileField({ label, hint, onText }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        aria-describedby={`${id}-hint`}
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
