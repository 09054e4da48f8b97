/**
 * What an organisation's policy set, where the practitioner meets it: "Set by
 * <organisation>" beside a setting (and the setting closed where the policy
 * locks it), and the request to turn protection on when the policy requires it.
 */
import { createContext, type ReactNode, useContext, useId } from 'react';
import { t } from '../lib/i18n';
import type { Policy } from '../lib/policy';
import { type Effective, type PolicySetting, readEffective, settings } from '../lib/settings';
import { useStored } from './useStored';
import { useVaultStatus } from './useVault';

const EffectiveContext = createContext<Effective | undefined>(undefined);

const nothing = () => Promise.resolve(undefined);
const noWatch = () => () => undefined;

/**
 * The settings in force with what the policy set; read again whenever either
 * changes. Under an EffectiveProvider (Settings) the page's one read is used,
 * rather than each section reading settings and policy again.
 */
export function useEffective(): Effective | undefined {
  const provided = useContext(EffectiveContext);
  const own = useStored(
    provided ? nothing : readEffective,
    provided ? noWatch : settings.watch,
    provided ? 'effective-provided' : 'effective-settings',
  );
  return provided ?? own.value;
}

export function EffectiveProvider({ value, children }: { value: Effective | undefined; children: ReactNode }) {
  return <EffectiveContext.Provider value={value}>{children}</EffectiveContext.Provider>;
}

/** The organisation's name as the policy gives it, or "your organisation". */
export const organisationName = (policy: Policy): string => policy.organisationName ?? t('orgUnnamed');

/** The same, where it opens a sentence ("Your organisation asks …"). */
export const organisationSubject = (policy: Policy): string => policy.organisationName ?? t('orgUnnamedStart');

export interface PolicyControl {
  /** The practitioner cannot change it. */
  locked: boolean;
  /** "Set by <organisation>", with why it cannot be changed where it is locked; null when the policy leaves it alone. */
  note: ReactNode;
  /** The id of the note, for the control's aria-describedby. */
  noteId: string | undefined;
}

/** How the policy touches one setting, for the control that shows it. */
export function usePolicyControl(setting: PolicySetting): PolicyControl {
  const effective = useContext(EffectiveContext);
  const id = useId();
  if (!effective?.fromPolicy.has(setting)) return { locked: false, note: null, noteId: undefined };
  const locked = effective.locked.has(setting);
  const name = organisationName(effective.policy);
  return {
    locked,
    noteId: id,
    note: (
      <p id={id} className="set-by small">
        {locked ? t('orgSetByLocked', { organisation: name }) : t('orgSetBy', { organisation: name })}
      </p>
    ),
  };
}

/**
 * When the organisation requires protection and it is off: says so and why, with the way to turn it on
 * (`href`: Settings' protection, in this page or another). Nothing otherwise.
 */
export function ProtectionRequired({ href, newTab = false }: { href: string; newTab?: boolean }) {
  const effective = useEffective();
  const status = useVaultStatus();
  if (!effective?.policy.protectionRequired || status !== 'off') return null;
  return (
    <div className="notice stack">
      <p>
        <strong>{t('orgProtectionHeading')}</strong>{' '}
        {t('orgProtectionRequired', { organisation: organisationSubject(effective.policy) })}
      </p>
      <p>
        <a href={href} {...(newTab ? { target: '_blank', rel: 'noreferrer' } : {})}>
          {t('orgProtectionTurnOn')}
        </a>
      </p>
    </div>
  );
}
