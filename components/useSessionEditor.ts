/**
 * A session shown with this page's edits at once, saved through the page's
 * writer (lib/sessions/writer.ts). `stored` is what storage holds: a page says
 * "saved" only from it, never from what it merely shows.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { sendCommand } from '../lib/extension/send';
import { t } from '../lib/i18n';
import { errorDetail } from '../lib/i18n/phrases';
import type { Session } from '../lib/schemas';
import { applyEdits, type Edit } from '../lib/sessions/edits';
import { editSession, SessionMissingError } from '../lib/sessions/store';
import { sessionWriter } from '../lib/sessions/writer';
import { watchVault } from '../lib/storage/vault';

export function useSessionEditor(stored: Session) {
  const id = stored.id;
  const writer = useMemo(
    () =>
      sessionWriter(
        (edits) => editSession(id, edits),
        // The page may be going away: the background stores these after it is gone (or, while Callcare is
        // locked, keeps them in memory until it is unlocked).
        async (edits) => {
          const reply = await sendCommand({ type: 'apply-edits', sessionId: id, edits });
          if (!reply.ok) throw new Error(reply.error);
        },
        (failure) => failure instanceof SessionMissingError,
      ),
    [id],
  );
  const state = useSyncExternalStore(writer.subscribe, writer.state);
  useEffect(() => {
    const handOff = () => writer.handOff();
    const hidden = () => {
      if (document.visibilityState === 'hidden') writer.handOff();
    };
    addEventListener('pagehide', handOff);
    document.addEventListener('visibilitychange', hidden);
    // A write refused while locked is tried again once Callcare is unlocked.
    const unwatch = watchVault(() => writer.retry());
    return () => {
      removeEventListener('pagehide', handOff);
      document.removeEventListener('visibilitychange', hidden);
      unwatch();
      // Going off screen (another session shown, or the lock screen): what is unsaved goes to the background.
      writer.handOff();
    };
  }, [writer]);
  // A newer stored record has been read: what this page wrote is in it (or was overtaken by another surface).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new stored value is the trigger, not an input.
  useEffect(() => writer.readBack(), [stored, writer]);
  const session = useMemo(() => {
    try {
      // Edits are safe to apply again (edits.ts): those already in `stored` change nothing.
      return applyEdits(stored, [...state.written, ...state.unsaved]);
    } catch {
      return stored; // An edit that no longer fits the stored record: its write reports why.
    }
  }, [stored, state.written, state.unsaved]);
  // Failures show in `error`; `saveOrThrow` is for an action that must know (completing the note).
  const save = (edit: Edit): Promise<void> => writer.save(edit).catch(() => undefined);
  const saveOrThrow = (edit: Edit): Promise<void> => writer.save(edit);
  const failure = state.error;
  return {
    session,
    stored,
    save,
    saveOrThrow,
    saving: state.unsaved.length > 0,
    error: failure ? t('errorGeneric', { detail: errorDetail(failure) }) : null,
  };
}
