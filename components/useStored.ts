/** Views follow storage: these hooks read a stored value and read it again whenever it changes. */
import { useEffect, useState } from 'react';

export interface Loaded<T> {
  value: T | undefined;
  error: string | null;
}

export function useStored<T>(
  load: () => Promise<T>,
  watch: (onChange: () => void) => () => void,
  key: string,
): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ value: undefined, error: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` and `watch` read.
  useEffect(() => {
    let latest = 0;
    let live = true;
    const refresh = () => {
      const ticket = ++latest;
      load().then(
        (value) => {
          if (live && ticket === latest) setState({ value, error: null });
        },
        (error: unknown) => {
          if (live && ticket === latest) setState((previous) => ({ ...previous, error: String(error) }));
        },
      );
    };
    const unwatch = watch(refresh);
    refresh();
    return () => {
      live = false;
      unwatch();
    };
  }, [key]);
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
