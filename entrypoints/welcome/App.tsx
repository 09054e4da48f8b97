/**
 * The welcome page, opened once on the first install: what Callcare does,
 * where to find it, and the offer to turn protection on before anything is
 * written, so no readable copy of a record is ever stored.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { TurnOnProtection } from '../../components/TurnOnProtection';
import { useVaultStatus } from '../../components/useVault';
import { m } from '../../lib/messages';

async function closeThisPage() {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

export function App() {
  const status = useVaultStatus();
  const [outcome, setOutcome] = useState<'protected' | 'skipped' | null>(null);
  return (
    <main className="stack">
      <h1>{m.welcomeTitle}</h1>
      <p>{m.welcomeWhat}</p>
      <section aria-labelledby="where" className="stack">
        <h2 id="where">{m.welcomeWhereHeading}</h2>
        <ul>
          <li>{m.welcomeToolbar}</li>
          <li>{m.welcomePanel}</li>
          <li>{m.welcomeSettings}</li>
        </ul>
      </section>
      <section aria-labelledby="protect" className="stack">
        <h2 id="protect">{m.welcomeProtectHeading}</h2>
        {status === undefined && <p>{m.loading}</p>}
        {status === 'off' && outcome === null && (
          <>
            <TurnOnProtection intro={m.welcomeProtectIntro} onDone={() => setOutcome('protected')} />
            <button type="button" onClick={() => setOutcome('skipped')}>
              {m.welcomeSkip}
            </button>
          </>
        )}
        {(outcome === 'protected' || (outcome === null && status !== undefined && status !== 'off')) && (
          <>
            <p role="status">{m.welcomeProtected}</p>
            <p className="muted small">{m.protectionOlderCopies}</p>
          </>
        )}
        {outcome === 'skipped' && <p role="status">{m.welcomeSkipped}</p>}
        {outcome !== null && (
          <button type="button" className="primary" onClick={() => void closeThisPage()}>
            {m.welcomeClose}
          </button>
        )}
      </section>
    </main>
  );
}
