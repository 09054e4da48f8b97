import { type FormEvent, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { useEffective } from '../../components/Organisation';
import { useStored } from '../../components/useStored';
import { listen } from '../../lib/extension/listen';
import { t } from '../../lib/i18n';
import { errorDetail } from '../../lib/i18n/phrases';
import { customHostPattern, normaliseHost, platformForHost } from '../../lib/platforms';
import { settings } from '../../lib/settings';

/** The hosts added, and adding one; its heading is the Settings group's. */
export function HostsSection() {
  const id = useId();
  const effective = useEffective();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const organisationHosts = effective?.policy.callHosts ?? [];
  const hosts = (effective?.values.customHosts ?? []).filter((host) => !organisationHosts.includes(host));

  const add = (event: FormEvent) => {
    event.preventDefault();
    const host = normaliseHost(typed);
    if (!host) return setError(t('hostsInvalid'));
    if (platformForHost(host)) return setError(t('hostsKnown'));
    // Asked inside the click: the browser shows its own prompt for this one host.
    setError(null);
    setAsking(host);
    browser.permissions.request({ origins: [customHostPattern(host)] }).then(
      async (granted) => {
        setAsking(null);
        if (!granted) return setError(t('hostsDenied'));
        await settings.update((current) => ({
          ...current,
          customHosts: current.customHosts.includes(host) ? current.customHosts : [...current.customHosts, host],
        }));
        setTyped('');
        setError(null);
      },
      (failure: unknown) => {
        setAsking(null);
        setError(t('errorGeneric', { detail: errorDetail(failure) }));
      },
    );
  };
  const remove = async (host: string) => {
    await settings.update((current) => ({
      ...current,
      customHosts: current.customHosts.filter((item) => item !== host),
    }));
    await browser.permissions.remove({ origins: [customHostPattern(host)] });
  };

  return (
    <>
      {organisationHosts.length > 0 && <OrganisationHosts hosts={organisationHosts} />}
      <p>{t('hostsIntro')}</p>
      {hosts.length === 0 ? (
        <p className="muted">{t('hostsNone')}</p>
      ) : (
        <ul className="plain stack" aria-label={t('hostsHeading')}>
          {hosts.map((host) => (
            <li key={host} className="row">
              <code>{host}</code>
              <button type="button" onClick={() => void remove(host)}>
                {t('hostsRemove', { host })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="card stack" onSubmit={add} aria-label={t('hostsAdd')}>
        <div className="field">
          <label htmlFor={id}>{t('hostsLabel')}</label>
          <input
            id={id}
            type="text"
            autoComplete="off"
            value={typed}
            aria-invalid={error !== null}
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
        {asking && <p role="status">{t('hostsAsking', { host: asking })}</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t('hostsAdd')}</button>
      </form>
    </>
  );
}

/** Whether the browser lets Callcare see each host; read again when a permission is added or removed. */
function usePermitted(hosts: readonly string[]) {
  return useStored(
    async () =>
      new Set(
        (
          await Promise.all(
            hosts.map(async (host) =>
              (await browser.permissions.contains({ origins: [customHostPattern(host)] })) ? [host] : [],
            ),
          )
        ).flat(),
      ),
    (onChange) => {
      const stopAdded = listen(browser.permissions.onAdded, onChange);
      const stopRemoved = listen(browser.permissions.onRemoved, onChange);
      return () => {
        stopAdded();
        stopRemoved();
      };
    },
    hosts.join(' '),
  ).value;
}

/** The organisation's call hosts: each allowed by the practitioner, in a click, as the browser requires. */
function OrganisationHosts({ hosts }: { hosts: readonly string[] }) {
  const permitted = usePermitted(hosts);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="org-hosts" className="card stack">
      <h3 id="org-hosts">{t('orgHostsHeading')}</h3>
      <p className="muted small">{t('orgHostsIntro')}</p>
      <ul className="plain stack">
        {hosts.map((host) => (
          <li key={host} className="row">
            {permitted?.has(host) ? (
              <span>{t('orgHostAllowed', { host })}</span>
            ) : (
              <>
                <code>{host}</code>
                <button
                  type="button"
                  onClick={() =>
                    browser.permissions.request({ origins: [customHostPattern(host)] }).then(
                      (granted) => setError(granted ? null : t('hostsDenied')),
                      (failure: unknown) => setError(t('errorGeneric', { detail: errorDetail(failure) })),
                    )
                  }
                >
                  {t('orgHostAllow', { host })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
