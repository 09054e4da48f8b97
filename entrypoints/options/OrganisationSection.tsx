/** "Your organisation": everything an organisation's policy set, its terms, and any value Callcare did not take. */
import { organisationSubject } from '../../components/Organisation';
import { templateName } from '../../lib/checklist';
import { t } from '../../lib/i18n';
import { LANGUAGE_NAMES } from '../../lib/i18n/languages';
import { retentionPeriodText } from '../../lib/i18n/phrases';
import type { IgnoredValue, Policy } from '../../lib/policy';
import type { Effective } from '../../lib/settings';
import { formatList, weekdayName } from '../../lib/time';

/** Whether the browser handed Callcare any policy at all (valid or not). */
export const hasPolicy = (effective: Effective): boolean =>
  Object.keys(effective.policy).length > 0 || effective.ignored.length > 0;

const yes = (value: boolean) => (value ? 'yes' : 'no');

/** Each value the policy set, as a line in words. */
function lines(policy: Policy): string[] {
  const found: string[] = [];
  const templateNames = new Map((policy.templates ?? []).map((template) => [template.id, template.name]));
  if (policy.templates)
    found.push(t('orgValueTemplates', { names: formatList(policy.templates.map((template) => template.name)) }));
  if (policy.defaultTemplate) {
    const name = templateNames.get(policy.defaultTemplate) ?? templateName({ id: 'default', name: '', version: 1 });
    found.push(t('orgValueDefaultTemplate', { name }));
  }
  if (policy.maxSessionsPerDay !== undefined) found.push(t('orgValueMaxSessions', { count: policy.maxSessionsPerDay }));
  if (policy.workingDays) {
    found.push(
      t('orgValueWorkingDays', { days: formatList([...policy.workingDays].sort().map((day) => weekdayName(day))) }),
    );
  }
  if (policy.workdayEnd) found.push(t('orgValueWorkdayEnd', { time: policy.workdayEnd }));
  if (policy.protectionRequired !== undefined)
    found.push(t('orgValueProtection', { required: yes(policy.protectionRequired) }));
  if (policy.maxAutoLockMinutes !== undefined) {
    found.push(t('orgValueMaxAutoLock', { minutes: t('autoLockMinutes', { minutes: policy.maxAutoLockMinutes }) }));
  }
  if (policy.retentionDays !== undefined)
    found.push(t('orgValueRetention', { period: retentionPeriodText(policy.retentionDays) }));
  if (policy.maxRetentionDays !== undefined) {
    found.push(t('orgValueMaxRetention', { period: retentionPeriodText(policy.maxRetentionDays) }));
  }
  if (policy.callHosts && policy.callHosts.length > 0)
    found.push(t('orgValueCallHosts', { hosts: formatList(policy.callHosts) }));
  if (policy.allowCsvExport !== undefined) found.push(t('orgValueCsv', { allowed: yes(policy.allowCsvExport) }));
  if (policy.allowUnprotectedBackups !== undefined) {
    found.push(t('orgValueBackups', { allowed: yes(policy.allowUnprotectedBackups) }));
  }
  if (policy.language) found.push(t('orgValueLanguage', { language: LANGUAGE_NAMES[policy.language] }));
  if (policy.supportLine) found.push(t('orgValueSupportLine', { line: policy.supportLine }));
  if (policy.offerSummaryMonthly !== undefined)
    found.push(t('orgValueSummary', { offered: yes(policy.offerSummaryMonthly) }));
  if (policy.locked && policy.locked.length > 0) {
    found.push(t('orgValueLocked', { settings: formatList(policy.locked.map((name) => t(`orgLockName.${name}`))) }));
  }
  return found;
}

const REASONS = {
  'unknown-key': 'orgIgnoredReason.unknown-key',
  invalid: 'orgIgnoredReason.invalid',
} as const;

function ignoredText(value: IgnoredValue): string {
  const reason =
    value.reason === 'unknown-template'
      ? t('orgIgnoredReason.unknown-template', { id: value.detail ?? '' })
      : t(REASONS[value.reason]);
  const located =
    value.reason !== 'invalid' || !value.detail
      ? reason
      : value.path
        ? t('orgIgnoredAt', { reason, path: value.path, detail: value.detail })
        : t('setAsideDetail', { reason, detail: value.detail });
  return t('orgIgnored', { key: value.key, reason: located });
}

export function OrganisationSection({ effective }: { effective: Effective }) {
  const { policy, ignored } = effective;
  const set = lines(policy);
  return (
    <div className="stack">
      <p>{t('orgIntro', { organisation: organisationSubject(policy) })}</p>
      {policy.terms && (
        <section aria-labelledby="org-terms" className="card">
          <h3 id="org-terms">{t('orgTermsHeading')}</h3>
          <p className="pre-wrap">{policy.terms}</p>
        </section>
      )}
      {set.length > 0 && (
        <section aria-labelledby="org-policy">
          <h3 id="org-policy">{t('orgPolicyHeading')}</h3>
          <ul>
            {set.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {ignored.length > 0 && (
        <section aria-labelledby="org-ignored" className="notice">
          <h3 id="org-ignored">{t('orgIgnoredHeading')}</h3>
          <p className="small">{t('orgIgnoredIntro')}</p>
          <ul>
            {ignored.map((value, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one key can be ignored for several reasons, in order.
              <li key={`${value.key}-${index}`}>{ignoredText(value)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
