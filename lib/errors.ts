/**
 * Errors Callcare itself raises carry a code, never a sentence: the words are
 * looked up in the language on screen when the error is shown
 * (`error.<code>` in `locales/`), and a reply from the background names the
 * code alone.
 */
export const ERROR_CODES = [
  'not-understood',
  'not-a-call',
  'no-answer',
  'background-stopped',
  'no-panel-window',
  'no-side-panel',
  'checklist-locked',
  'person-needs-name',
  'protection-on',
  'protection-off',
  'answer-first',
  'not-allowed-by-organisation',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

export class CallcareError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
    this.name = 'CallcareError';
  }
}
