/** Views follow storage: these hooks read a stored value and read it again whenever it changes. */
import { useEffect, useState } from 'react';

export interface Loaded<T> {
  value: T | undefined;
  error: string | null;
}

/**
 * Calls `read` at once and again after every change `watch` reports, until the
 * view goes; `current` tells a read whether its answer is still the one wanted
 * (no newer read began, and the view is still there).
 */
export function useFollow(
  watch: (onChange: () => void) => () => void,
  read: (current: () => boolean) => void,
  key: string,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `read` and `watch` read.
  useEffect(() => {
    let latest = 0;
    let live = true;
    const refresh = () => {
      const ticket = ++latest;
      read(() => live && ticket === latest);
    };
    const unwatch = watch(refresh);
    refresh();
    return () => {
      live = false;
      unwatch();
    };
  }, [key]);
}

export function useStored<T>(
  load: () => Promise<T>,
  watch: (onChange: () => void) => () => void,
  key: string,
): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ value: undefined, error: null });
  useFollow(
    watch,
    (current) =>
      load().then(
        (value) => {
          if (current()) setState({ value, error: null });
        },
        (error: unknown) => {
          if (current()) setState((previous) => ({ ...previous, error: String(error) }));
        },
      ),
    key,
  );
  return state;
}

/** The current time, moving on every `intervalMs`, for running clocks. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
