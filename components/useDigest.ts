/**
 * The digest for a view that lists or counts every session, in two steps: the
 * part it shows first (the newest weeks), then every week. After the first
 * whole read, each change reads the whole digest again, so what is shown never
 * goes back to a part.
 */
import { useRef, useState } from 'react';
import { type FirstPart, readDigest, watchDigest } from '../lib/sessions/digestStore';
import { useFollow } from './useStored';

/** What a view shows: the first part, then the whole digest (`complete`). */
export type DigestView = FirstPart;

export interface StagedDigest {
  value: DigestView | undefined;
  error: string | null;
}

export function useDigest(first: () => Promise<DigestView>, key: string): StagedDigest {
  const [state, setState] = useState<StagedDigest>({ value: undefined, error: null });
  /** Once the whole digest has been asked for, every later read is of the whole: what is shown never goes back to a part. */
  const whole = useRef(false);
  useFollow(
    watchDigest,
    (current) => {
      const readWhole = async (): Promise<DigestView> => {
        whole.current = true;
        const digest = await readDigest();
        return { digest, total: Object.keys(digest.entries).length, complete: true };
      };
      const show = (value: DigestView) => {
        if (current()) setState({ value, error: null });
        return value;
      };
      (whole.current ? readWhole() : first())
        .then(show)
        .then((shown) => (shown.complete || !current() ? undefined : readWhole().then(show)))
        .catch((error: unknown) => {
          if (current()) setState((previous) => ({ ...previous, error: String(error) }));
        });
    },
    key,
  );
  return state;
}
