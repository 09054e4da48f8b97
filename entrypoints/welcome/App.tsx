/**
 * The welcome page, opened once on the first install: what Callcare does,
 * where to find it, and the offer to turn protection on before anything is
 * written, so no readable copy of a record is ever stored.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { organisationSubject, useEffective } from '../../components/Organisation';
import { TurnOnProtection } from '../../components/TurnOnProtection';
import { useVaultStatus } from '../../components/useVault';
import { openPanel } from '../../lib/extension/panel';
import { t } from '../../lib/i18n';

async function closeThisPage() {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

export function App() {
  const status = useVaultStatus();
  // Where the organisation requires protection, the first page says so and why; it is asked for again until it is on.
  const effective = useEffective();
  const required = effective?.policy.protectionRequired === true;
  const [outcome, setOutcome] = useState<'protected' | 'skipped' | null>(null);
  return (
    <main className="stack">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeWhat')}</p>
      <section aria-labelledby="where" className="stack">
        <h2 id="where">{t('welcomeWhereHeading')}</h2>
        <ul>
          <li>{import.meta.env.FIREFOX ? t('welcomeToolbarFirefox') : t('welcomeToolbar')}</li>
          <li>{import.meta.env.FIREFOX ? t('welcomePanelFirefox') : t('welcomePanel')}</li>
          <li>{t('welcomeSettings')}</li>
        </ul>
        {/* Firefox's sidebar does not open by itself at install: here it opens with a click, which it needs. */}
        {import.meta.env.FIREFOX && (
          <p>
            <button type="button" onClick={() => void openPanel({}).catch(() => undefined)}>
              {t('welcomeOpenSidebar')}
            </button>
          </p>
        )}
      </section>
      <section aria-labelledby="protect" className="stack">
        <h2 id="protect">{t('welcomeProtectHeading')}</h2>
        {status === undefined && <p>{t('loading')}</p>}
        {status === 'off' && outcome === null && (
          <>
            <TurnOnProtection
              intro={
                required
                  ? `${t('orgProtectionRequired', { organisation: organisationSubject(effective?.policy ?? {}) })} ${t('welcomeProtectIntro')}`
                  : t('welcomeProtectIntro')
              }
              onDone={() => setOutcome('protected')}
            />
            <button type="button" onClick={() => setOutcome('skipped')}>
              {t('welcomeSkip')}
            </button>
          </>
        )}
        {(outcome === 'protected' || (outcome === null && status !== undefined && status !== 'off')) && (
          <>
            <p role="status">{t('welcomeProtected')}</p>
            <p className="muted small">{t('protectionOlderCopies')}</p>
          </>
        )}
        {outcome === 'skipped' && <p role="status">{t('welcomeSkipped')}</p>}
        {outcome !== null && (
          <button type="button" className="primary" onClick={() => void closeThisPage()}>
            {t('welcomeClose')}
          </button>
        )}
      </section>
    </main>
  );
}
