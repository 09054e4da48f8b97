import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { TodayCount } from '../../components/DailyLimit';
import { FollowUpsDue } from '../../components/FollowUpsDue';
import { UnlockForm } from '../../components/LockGate';
import { ProtectionRequired } from '../../components/Organisation';
import { PendingNotes } from '../../components/PendingNotes';
import { StartByHand } from '../../components/StartByHand';
import { useShortcut } from '../../components/useShortcut';
import { useNow, useStored } from '../../components/useStored';
import { useVaultStatus } from '../../components/useVault';
import { type ActiveTab, activeTab } from '../../lib/extension/activeTab';
import { openPanel } from '../../lib/extension/panel';
import { sendCommand } from '../../lib/extension/send';
import { t } from '../../lib/i18n';
import { errorDetail } from '../../lib/i18n/phrases';
import { detectCall } from '../../lib/platforms';
import type { SessionPlatform } from '../../lib/schemas';
import { stamp } from '../../lib/sessions/edits';
import { progress } from '../../lib/sessions/model';
import { sessions } from '../../lib/sessions/records';
import { settings } from '../../lib/settings';
import { openSessions } from '../../lib/storage/items';
import { lock } from '../../lib/storage/protection';
import { quarantined } from '../../lib/storage/stored';
import { formatDuration } from '../../lib/time';

/**
 * Says when stored records were set aside as unreadable. Drawn with the rest of
 * the popup, so its read (which lists every key stored) waits behind the reads
 * the popup's first view needs.
 */
function SetAsideNotice() {
  const setAside = useStored(() => quarantined.all(), quarantined.watch, 'quarantine');
  if (!setAside.value || setAside.value.length === 0) return null;
  return (
    <p className="notice" role="status">
      {t('storageProblem', { count: setAside.value.length })}
    </p>
  );
}

export function App() {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const open = useStored(() => openSessions.get(), openSessions.watch, 'open');
  const now = useNow(1000);
  const shortcut = useShortcut();
  useEffect(() => {
    activeTab().then(setTab, () => setTab(null));
  }, []);

  const runningId =
    tab && open.value
      ? Object.keys(open.value).find((id) => open.value?.[id]?.status === 'running' && open.value[id]?.tabId === tab.id)
      : undefined;
  const vault = useVaultStatus();
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  const session = useStored(
    async () => (runningId && vault !== 'locked' ? ((await sessions.get(runningId)) ?? null) : null),
    sessions.watch,
    `${runningId}:${vault}`,
  );

  if (tab === undefined || open.value === undefined) return <main className="popup">{t('loading')}</main>;

  const call = tab ? detectCall(tab.url, stored.value?.customHosts) : null;
  const fail = (reason: unknown) => setError(t('errorGeneric', { detail: errorDetail(reason) }));
  // The panel must be opened synchronously inside the click, before anything is awaited.
  const openChecklist = () => {
    if (!tab) return;
    openPanel({ tabId: tab.id, windowId: tab.windowId }).then(
      () => window.close(),
      (failure: unknown) => fail(failure),
    );
  };
  const startByHand = (platform: SessionPlatform) => {
    if (tab) openPanel({ tabId: tab.id, windowId: tab.windowId }).catch(() => undefined);
    sendCommand({ type: 'start-by-hand', platform }).then((reply) => (reply.ok ? window.close() : fail(reply.error)));
  };
  const restart = () => {
    if (!tab) return;
    openPanel({ tabId: tab.id }).catch(() => undefined);
    sendCommand({ type: 'restart-on-tab', tabId: tab.id }).then((reply) =>
      reply.ok ? window.close() : fail(reply.error),
    );
  };
  const openNote = (sessionId: string) => {
    sendCommand({ type: 'open-aftercare', sessionId }).then((reply) => (reply.ok ? window.close() : fail(reply.error)));
  };
  const followUpDone = (sessionId: string) => {
    const edit = { type: 'aftercare' as const, fields: { followUpDoneAt: Date.now() }, at: stamp() };
    sendCommand({ type: 'apply-edits', sessionId, edits: [edit] }).then((reply) => reply.ok || fail(reply.error));
  };

  const current = session.value ?? null;
  const running = runningId ? open.value[runningId] : undefined;
  const manualRunning = Object.entries(open.value).filter(
    ([, entry]) => entry.status === 'running' && entry.tabId === null,
  );
  const done = current ? progress(current) : null;

  return (
    <main className="popup">
      <h1>{t('appName')}</h1>
      <ProtectionRequired href={browser.runtime.getURL('/options.html#settings-data')} newTab />
      <TodayCount />
      {running ? (
        <section aria-labelledby="session-heading" className="card">
          <h2 id="session-heading" style={{ marginTop: 0 }}>
            {t('popupSessionHeading', { platform: t(`platform.${running.platform}`) })}
          </h2>
          <p>{t('runningFor', { duration: formatDuration(now - running.startedAt) })}</p>
          {done ? (
            <p>{t('agreedOrAnswered', { recorded: done.agreementsRecorded, total: done.agreementsTotal })}</p>
          ) : (
            vault === 'locked' && <p className="muted">{t('popupUnlockToSee')}</p>
          )}
          <button type="button" className="primary" onClick={openChecklist}>
            {t('popupOpenChecklist')}
          </button>
          {shortcut && <p className="muted small">{t('popupShortcutHint', { shortcut })}</p>}
        </section>
      ) : call ? (
        <section className="card" aria-label={t(`platform.${call.platform}`)}>
          <p>{t('popupEndedCall')}</p>
          <button type="button" onClick={restart}>
            {t('popupStartAgain')}
          </button>
        </section>
      ) : (
        <>
          <p>{t('popupNoCall')}</p>
          {manualRunning.length > 0 && (
            <section aria-labelledby="manual-heading" className="card">
              <h2 id="manual-heading" style={{ marginTop: 0 }}>
                {t('popupManualRunning')}
              </h2>
              <ul>
                {manualRunning.map(([id, entry]) => (
                  <li key={id}>
                    {t(`platform.${entry.platform}`)} ·{' '}
                    {t('runningFor', { duration: formatDuration(now - entry.startedAt) })}
                  </li>
                ))}
              </ul>
              <button type="button" className="primary" onClick={openChecklist}>
                {t('popupOpenChecklist')}
              </button>
            </section>
          )}
          <StartByHand onStart={startByHand} />
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {vault === 'locked' && <UnlockForm compact />}
      {vault === 'unlocked' && (
        <p>
          <button type="button" onClick={() => void lock()}>
            {t('lockNow')}
          </button>
        </p>
      )}
      <SetAsideNotice />
      {vault !== 'locked' && <FollowUpsDue now={now} onOpen={openNote} onDone={followUpDone} />}
      <PendingNotes open={open.value} onOpen={openNote} />
      <p>
        <button
          type="button"
          className="link"
          onClick={() => browser.runtime.openOptionsPage().then(() => window.close())}
        >
          {t('openSettings')}
        </button>
      </p>
    </main>
  );
}
