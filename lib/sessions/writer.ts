/**
 * How a page saves its edits to one session. Typing must not become one full
 * write per key: one write is in flight at a time, and every edit made
 * meanwhile goes into the next one. When the page is hidden or closed, what
 * is not yet stored is handed to the background, which stores it even after
 * the page is gone. Edits are safe to apply twice (edits.ts), so an edit that
 * was both in flight and handed over is still stored once.
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

export function sessionWriter(
  store: (edits: Edit[]) => Promise<unknown>,
  handOver: (edits: Edit[]) => void,
): SessionWriter {
  let queued: Waiting[] = [];
  let inFlight: Waiting[] = [];
  let writing = false;
  let written: Edit[] = [];
  let error: unknown = null;
  let snapshot: WriterState = { unsaved: [], written: [], error: null };
  const listeners = new Set<() => void>();
  const changed = () => {
    snapshot = { unsaved: [...inFlight, ...queued].map((waiting) => waiting.edit), written, error };
    for (const listener of listeners) listener();
  };

  const run = async () => {
    if (writing) return;
    writing = true;
    while (queued.length > 0) {
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
        for (const waiting of batch) waiting.failed(failure);
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
      const unsaved = [...inFlight, ...queued].map((waiting) => waiting.edit);
      if (unsaved.length > 0) handOver(unsaved);
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
