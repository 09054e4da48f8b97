import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ProtectionRequired } from '../../components/Organisation';
import { SessionChecklist } from '../../components/SessionChecklist';
import { useStored } from '../../components/useStored';
import { activeTab } from '../../lib/extension/activeTab';
import { listen } from '../../lib/extension/listen';
import { sendCommand } from '../../lib/extension/send';
import { t } from '../../lib/i18n';
import { errorDetail } from '../../lib/i18n/phrases';
import type { OpenSessions } from '../../lib/schemas';
import { sessions } from '../../lib/sessions/records';
import { openSessions } from '../../lib/storage/items';
import { formatClock } from '../../lib/time';

/**
 * Which session this panel shows. A panel opened for a call tab has `?tab=ID`;
 * `?session=ID` names one session; with neither (Firefox's sidebar, Chrome's
 * window-wide panel) it follows the active tab, then sessions started by hand.
 */
function useTabToFollow(): number | null | undefined {
  const params = new URLSearchParams(location.search);
  const fixed = params.get('tab');
  const [tabId, setTabId] = useState<number | null | undefined>(
    fixed !== null && /^\d+$/.test(fixed) ? Number(fixed) : undefined,
  );
  useEffect(() => {
    if (fixed !== null) return;
    const look = () =>
      activeTab().then(
        (tab) => setTabId(tab?.id ?? null),
        () => setTabId(null),
      );
    look();
    return listen(browser.tabs.onActivated, look);
  }, [fixed]);
  return tabId;
}

function chooseSession(
  open: OpenSessions,
  tabId: number | null,
  picked: string | null,
  shown: string | null,
): string | null {
  const named = new URLSearchParams(location.search).get('session');
  if (named) return named;
  // A call running in the followed tab comes first; otherwise the session on screen stays there, even once it
  // has ended (and its note is written), until another call takes its place.
  const runningInTab =
    tabId === null
      ? undefined
      : Object.entries(open).find(([, entry]) => entry.tabId === tabId && entry.status === 'running');
  if (runningInTab) return runningInTab[0];
  if (shown && open[shown]?.status !== 'running') return shown;
  const entries = Object.entries(open);
  const newestFirst = (a: [string, OpenSessions[string]], b: [string, OpenSessions[string]]) =>
    b[1].startedAt - a[1].startedAt;
  if (tabId !== null) {
    const forTab = entries.filter(([, entry]) => entry.tabId === tabId).sort(newestFirst);
    const running = forTab.find(([, entry]) => entry.status === 'running');
    if (running) return running[0];
    if (forTab[0]) return forTab[0][0];
  }
  const byHand = entries.filter(([, entry]) => entry.status === 'running' && entry.tabId === null).sort(newestFirst);
  if (picked && byHand.some(([id]) => id === picked)) return picked;
  return byHand[0]?.[0] ?? null;
}

export function App() {
  const tabId = useTabToFollow();
  const open = useStored(() => openSessions.get(), openSessions.watch, 'open');
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const sessionId = open.value && tabId !== undefined ? chooseSession(open.value, tabId, picked, shown) : null;
  useEffect(() => {
    if (sessionId !== null) setShown(sessionId);
  }, [sessionId]);
  const session = useStored(
    async () => (sessionId ? ((await sessions.get(sessionId)) ?? null) : null),
    sessions.watch,
    sessionId ?? 'none',
  );

  if (open.value === undefined || tabId === undefined || (sessionId && session.value === undefined)) {
    return <main>{t('loading')}</main>;
  }
  const byHand = Object.entries(open.value).filter(([, entry]) => entry.status === 'running' && entry.tabId === null);
  const current = session.value ?? null;
  const command = (run: Promise<{ ok: boolean; error?: string }>) =>
    run.then((reply) => setError(reply.ok ? null : t('errorGeneric', { detail: errorDetail(reply.error ?? '') })));

  return (
    <main className="panel">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {current ? (
        <>
          {current.tabId === null && byHand.length > 1 && (
            <nav aria-label={t('popupManualRunning')} className="row small">
              {byHand.map(([id, entry]) => (
                <button key={id} type="button" aria-pressed={id === current.id} onClick={() => setPicked(id)}>
                  {t(`platform.${entry.platform}`)} {formatClock(entry.startedAt)}
                </button>
              ))}
            </nav>
          )}
          <SessionChecklist
            key={current.id}
            session={current}
            onEnd={() => command(sendCommand({ type: 'end-session', sessionId: current.id }))}
            onWriteAftercare={() => command(sendCommand({ type: 'open-aftercare', sessionId: current.id }))}
          />
        </>
      ) : sessionId ? (
        <p>{t('panelSessionNotFound')}</p>
      ) : (
        <>
          <h1>{t('appName')}</h1>
          <ProtectionRequired href={browser.runtime.getURL('/options.html#settings-data')} newTab />
          <p>{t('panelNoSession')}</p>
          <p className="muted small">{t('panelNoSessionHint')}</p>
        </>
      )}
    </main>
  );
}
