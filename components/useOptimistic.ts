/**
 * Shows a change at once, then saves it. The screen never waits for storage
 * (a radio button clicked stays clicked), and once every save has landed it
 * follows storage again, changes made elsewhere included.
 */
import { useEffect, useRef, useState } from 'react';
import { t } from '../lib/i18n';
import { errorDetail } from '../lib/i18n/phrases';

export type Change<T> = (value: T, now: number) => T;

export function useOptimistic<T>(stored: T, persist: (change: Change<T>) => Promise<T>) {
  const [local, setLocal] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new stored value is the trigger, not an input.
  useEffect(() => {
    if (pending.current === 0) setLocal(null);
  }, [stored]);

  const save = (change: Change<T>): Promise<void> => {
    setLocal((previous) => change(previous ?? stored, Date.now()));
    pending.current += 1;
    return persist(change).then(
      (saved) => {
        pending.current -= 1;
        if (pending.current === 0) setLocal(saved);
        setError(null);
      },
      (failure: unknown) => {
        pending.current -= 1;
        // Show what is really stored again, and say why the change did not stick.
        if (pending.current === 0) setLocal(null);
        setError(t('errorGeneric', { detail: errorDetail(failure) }));
      },
    );
  };

  return { value: local ?? stored, save, error };
}
