/**
 * Shows a change to a session at once, then saves it. The screen never waits
 * for storage (a radio button clicked stays clicked), and once every save has
 * landed it follows storage again, changes made elsewhere included.
 */
import { useEffect, useRef, useState } from 'react';
import { m } from '../lib/messages';
import { changeSession } from '../lib/record';
import type { Session } from '../lib/schemas';

export type SessionChange = (session: Session, now: number) => Session;

export function useSessionEditor(stored: Session) {
  const [local, setLocal] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new stored value is the trigger, not an input.
  useEffect(() => {
    if (pending.current === 0) setLocal(null);
  }, [stored]);

  const save = (change: SessionChange): Promise<void> => {
    setLocal((previous) => change(previous ?? stored, Date.now()));
    pending.current += 1;
    return changeSession(stored.id, change).then(
      (saved) => {
        pending.current -= 1;
        if (pending.current === 0) setLocal(saved);
        setError(null);
      },
      (failure: unknown) => {
        pending.current -= 1;
        // Show what is really stored again, and say why the change did not stick.
        if (pending.current === 0) setLocal(null);
        setError(m.errorGeneric(failure instanceof Error ? failure.message : String(failure)));
      },
    );
  };

  return { session: local ?? stored, save, error };
}
