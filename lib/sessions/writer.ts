/**
 * How a page saves its edits to one session. Typing must not become one full
 * write per key: one write is in flight at a time, and every edit made
 * meanwhile goes into the next one. When the page is hidden or closed, what
 * is not yet stored is handed to the background, which stores it even after
 * the page is gone; the page writes nothing more until the background has
 * answered, so a handed-over edit never lands after a newer one. Edits are
 * safe to apply twice (edits.ts), so an edit that was both in flight and
 * handed over is still stored once. A write that fails keeps its edits
 * queued for the next try (after an unlock, say), never drops them.
 */
import type { Edit } from './edits';

export interface WriterState {
  /** Edits made on this page and not yet known to be stored. */
  unsaved: readonly Edit[];
  /** Edits stored, that the page may not have read back from storage yet (it shows them until it has). */
  written: readonly Edit[];
  /** Why the last write failed, if it did. */
  error: unknown;
}

export interface SessionWriter {
  /** Queues an edit; resolves once it is stored, rejects if its write failed. */
  save(edit: Edit): Promise<void>;
  /** Hands every edit not yet known to be stored to the background (the page may be going away). */
  handOff(): void;
  /** Tries the queued edits again (after a failed write, once Callcare is unlocked). */
  retry(): void;
  /** The page has read the stored record again: edits already written no longer need showing on top of it. */
  readBack(): void;
  state(): WriterState;
  subscribe(onChange: () => void): () => void;
}

interface Waiting {
  edit: Edit;
  done: () => void;
  failed: (error: unknown) => void;
}

/** Failures after which trying again cannot help (the session is gone): the edits are given up, and said so. */
export type IsFinal = (failure: unknown) => boolean;

export function sessionWriter(
  store: (edits: Edit[]) => Promise<unknown>,
  handOver: (edits: Edit[]) => Promise<void>,
  isFinal: IsFinal = () => false,
): SessionWriter {
  let queued: Waiting[] = [];
  let inFlight: Waiting[] = [];
  /** Handed to the background, not yet answered: still shown as unsaved. */
  let handing: Waiting[] = [];
  let writing = false;
  let written: Edit[] = [];
  /** A hand-over the background has not answered yet: the page's next write waits for it. */
  let handedOver: Promise<void> = Promise.resolve();
  let error: unknown = null;
  let snapshot: WriterState = { unsaved: [], written: [], error: null };
  const listeners = new Set<() => void>();
  const changed = () => {
    snapshot = { unsaved: [...inFlight, ...handing, ...queued].map((waiting) => waiting.edit), written, error };
    for (const listener of listeners) listener();
  };

  const run = async () => {
    if (writing) return;
    writing = true;
    while (queued.length > 0) {
      await handedOver;
      if (queued.length === 0) break;
      inFlight = queued;
      queued = [];
      changed();
      const batch = inFlight;
      try {
        await store(batch.map((waiting) => waiting.edit));
        written = [...written, ...batch.map((waiting) => waiting.edit)];
        error = null;
        for (const waiting of batch) waiting.done();
      } catch (failure) {
        error = failure;
        if (isFinal(failure)) for (const waiting of batch) waiting.failed(failure);
        // Kept, ahead of anything newer, for the next try.
        else queued = [...batch, ...queued];
        inFlight = [];
        break;
      }
      inFlight = [];
    }
    writing = false;
    changed();
  };

  return {
    save(edit) {
      const stored = new Promise<void>((done, failed) => queued.push({ edit, done, failed }));
      changed();
      void run();
      return stored;
    },
    handOff() {
      const waiting = [...inFlight, ...queued];
      if (waiting.length === 0) return;
      // The background now stores what was queued; what is in flight is written by this page too (the same
      // edits twice change nothing), and the background's write waits for it behind the sessions lock.
      const taken = queued;
      queued = [];
      handing = [...handing, ...taken];
      handedOver = handedOver.then(() =>
        handOver(waiting.map((one) => one.edit)).then(
          () => {
            handing = handing.filter((one) => !taken.includes(one));
            written = [...written, ...taken.map((one) => one.edit)];
            for (const one of taken) one.done();
          },
          () => {
            // The background could not be reached: the page keeps them, first in line.
            handing = handing.filter((one) => !taken.includes(one));
            queued = [...taken, ...queued];
          },
        ),
      );
      changed();
      void handedOver.then(() => {
        changed();
        void run();
      });
    },
    retry() {
      void run();
    },
    readBack() {
      if (written.length === 0) return;
      written = [];
      changed();
    },
    state: () => snapshot,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
