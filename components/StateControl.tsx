/**
 * A rule's state as a compact segmented control: a radio group with roving
 * focus. Arrow keys (and Home, End) only move the focus; a state is recorded
 * by Space, Enter or a click, never by passing over it. Until something is
 * recorded no segment is chosen: "not yet discussed" looks unset.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { t } from '../lib/i18n';
import type { AgreementState } from '../lib/schemas';

export const STATES: readonly AgreementState[] = ['agreed', 'declined', 'not-discussed', 'not-applicable'];

interface Props {
  /** The group's accessible name. */
  label: string;
  /** The recorded state; null while nothing has been recorded. */
  value: AgreementState | null;
  onChoose: (state: AgreementState) => void;
  /** Takes the focus when shown (a folded rule opened by the practitioner). */
  autoFocus?: boolean;
}

export function StateControl({ label, value, onChoose, autoFocus = false }: Props) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const [focusIndex, setFocusIndex] = useState(() => Math.max(0, value === null ? 0 : STATES.indexOf(value)));
  const tabStop = value === null ? focusIndex : STATES.indexOf(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when shown.
  useEffect(() => {
    if (autoFocus) buttons.current[tabStop]?.focus();
  }, []);

  const move = (event: KeyboardEvent, index: number) => {
    const last = STATES.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="segments" role="radiogroup" aria-label={label}>
      {STATES.map((state, index) => (
        // biome-ignore lint/a11y/useSemanticElements: native radios record the state each arrow key passes over; these only move the focus.
        <button
          key={state}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="radio"
          aria-checked={value === state}
          tabIndex={index === tabStop ? 0 : -1}
          className={`segment state-${state}`}
          onKeyDown={(event) => move(event, index)}
          onFocus={() => setFocusIndex(index)}
          // A button answers Space and Enter with a click: that, and a pointer's click, records the state.
          onClick={() => onChoose(state)}
        >
          {t(`agreementState.${state}`)}
        </button>
      ))}
    </div>
  );
}
