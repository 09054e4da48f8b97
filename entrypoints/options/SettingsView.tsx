import { useEffect, useId, useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { LanguageOptions } from '../../components/ClientLanguage';
import { EffectiveProvider, ProtectionRequired, useEffective, usePolicyControl } from '../../components/Organisation';
import { useOptimistic } from '../../components/useOptimistic';
import { useShortcut } from '../../components/useShortcut';
import { useStored } from '../../components/useStored';
import { browserLanguageTag, type MessageKey, t } from '../../lib/i18n';
import { LANGUAGE_NAMES, type LanguageChoice, languageChoiceSchema, resolveLanguage } from '../../lib/i18n/languages';
import { quarantineReasonText } from '../../lib/i18n/phrases';
import type { Settings } from '../../lib/schemas';
import type { Effective } from '../../lib/settings';
import { settings } from '../../lib/settings';
import { type QuarantineRecord, quarantined } from '../../lib/storage/stored';
import { formatDateTime } from '../../lib/time';
import { DataSection, DeleteEverything } from './DataSection';
import { HostsSection } from './HostsSection';
import { hasPolicy, OrganisationSection } from './OrganisationSection';
import { ProtectionSection } from './ProtectionSection';
import { WellbeingSection } from './WellbeingSection';

function download(record: QuarantineRecord) {
  const blob = new Blob([record.text], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `callcare-set-aside-${record.entry?.at ?? 'record'}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function Quarantine() {
  const records = useStored(() => quarantined.all(), quarantined.watch, 'quarantine');
  const [confirming, setConfirming] = useState<string | null>(null);
  if (!records.value) return <p>{t('loading')}</p>;
  if (records.value.length === 0) return <p className="muted">{t('optionsQuarantineNone')}</p>;
  return (
    <>
      <p>{t('optionsQuarantineIntro')}</p>
      <ul className="plain">
        {records.value.map((record) => (
          <li key={record.storageKey} className="card stack">
            <p>
              <strong>
                {record.entry
                  ? t('optionsQuarantineItem', { key: record.entry.key, when: formatDateTime(record.entry.at) })
                  : record.storageKey}
              </strong>
            </p>
            {record.entry && (
              <p className="small">
                {t('optionsQuarantineReason', { reason: quarantineReasonText(record.entry.reason) })}
              </p>
            )}
            {record.locked && <p className="small muted">{t('optionsQuarantineLocked')}</p>}
            <div className="row">
              <button type="button" onClick={() => download(record)}>
                {t('optionsQuarantineDownload')}
              </button>
              {confirming === record.storageKey ? (
                <>
                  <span role="alert">{t('optionsQuarantineDeleteConfirm')}</span>
                  <button type="button" className="danger" onClick={() => quarantined.remove(record.storageKey)}>
                    {t('optionsQuarantineDelete')}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('cancel')}
                  </button>
                </>
              ) : (
                <button type="button" className="danger" onClick={() => setConfirming(record.storageKey)}>
                  {t('optionsQuarantineDelete')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

const AUTO_LOCK_CHOICES = [5, 15, 30, 60, 120];

function AutoLock({
  minutes,
  maximum,
  onChange,
}: {
  minutes: number | null;
  /** The longest the organisation allows; no "never" then. */
  maximum: number | undefined;
  onChange: (minutes: number | null) => void;
}) {
  const id = useId();
  const control = usePolicyControl('autoLockMinutes');
  const choices = [
    ...new Set([
      ...AUTO_LOCK_CHOICES.filter((choice) => maximum === undefined || choice <= maximum),
      ...(minutes ? [minutes] : []),
    ]),
  ].sort((a, b) => a - b);
  return (
    <div className="field">
      <label htmlFor={id}>{t('autoLockLabel')}</label>
      <select
        id={id}
        value={minutes ?? ''}
        aria-describedby={control.noteId}
        disabled={control.locked}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {t('autoLockMinutes', { minutes: choice })}
          </option>
        ))}
        {maximum === undefined && <option value="">{t('autoLockNever')}</option>}
      </select>
      {control.note ??
        (maximum !== undefined && (
          <p className="set-by small">
            {t('orgValueMaxAutoLock', { minutes: t('autoLockMinutes', { minutes: maximum }) })}
          </p>
        ))}
    </div>
  );
}

export function SettingsView() {
  const effective = useEffective();
  if (!effective) return <p>{t('loading')}</p>;
  return (
    <EffectiveProvider value={effective}>
      <SettingsBody stored={effective.values} effective={effective} />
    </EffectiveProvider>
  );
}

/** The groups of Settings, in the order they are shown and listed in the index at the top. */
const GROUP_TITLES = {
  'settings-organisation': 'orgHeading',
  'settings-language': 'settingsLanguageHeading',
  'settings-call': 'settingsGroupCall',
  'settings-wellbeing': 'wellbeingHeading',
  'settings-data': 'settingsGroupData',
  'settings-hosts': 'hostsHeading',
  'settings-privacy': 'optionsPrivacyHeading',
  'settings-danger': 'settingsDangerHeading',
} as const satisfies Record<string, MessageKey>;
type GroupId = keyof typeof GROUP_TITLES;
const GROUPS = (Object.keys(GROUP_TITLES) as GroupId[]).map((id) => ({ id, title: GROUP_TITLES[id] }));

/** Moves the focus to a group's heading, so the next Tab goes on from there and a screen reader reads where it landed. */
function focusGroup(id: GroupId) {
  document.getElementById(id)?.focus();
}

/** A short index of the groups: links to their headings, followed by keyboard or pointer alike. */
function SettingsIndex({ groups }: { groups: ReadonlyArray<{ id: GroupId; title: MessageKey }> }) {
  return (
    <nav aria-label={t('settingsIndexLabel')} className="page-index">
      <ul className="plain row">
        {groups.map((group) => (
          <li key={group.id}>
            <a href={`#${group.id}`} onClick={() => focusGroup(group.id)}>
              {t(group.title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Group({ id, children, className }: { id: GroupId; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={className ? `settings-group ${className}` : 'settings-group'}>
      <h2 id={id} tabIndex={-1}>
        {t(GROUP_TITLES[id])}
      </h2>
      {children}
    </section>
  );
}

/** The language Callcare is shown in: the browser's (named, so the practitioner knows which it is) or one chosen here. */
function LanguagePicker({ choice, onChange }: { choice: LanguageChoice; onChange: (choice: LanguageChoice) => void }) {
  const id = useId();
  const hint = useId();
  const control = usePolicyControl('language');
  const browserLanguage = resolveLanguage('auto', browserLanguageTag());
  return (
    <div className="field">
      <label htmlFor={id}>{t('settingsLanguageLabel')}</label>
      <select
        id={id}
        aria-describedby={control.noteId ? `${hint} ${control.noteId}` : hint}
        disabled={control.locked}
        value={choice}
        onChange={(event) => onChange(languageChoiceSchema.parse(event.target.value))}
      >
        <option value="auto">{t('settingsLanguageAuto', { language: LANGUAGE_NAMES[browserLanguage] })}</option>
        <LanguageOptions />
      </select>
      {control.note}
      <p id={hint} className="muted small">
        {t('settingsLanguageHint')}
      </p>
    </div>
  );
}

function SettingsBody({ stored: saved, effective }: { stored: Settings; effective: Effective }) {
  const organisation = hasPolicy(effective);
  // "Your organisation" is there only when a policy is.
  const groups = GROUPS.filter((group) => organisation || group.id !== 'settings-organisation');
  const [status, setStatus] = useState('');
  const shortcut = useShortcut();
  // Shown at once, then saved: a box ticked stays ticked while storage catches up.
  const { value, save, error } = useOptimistic(saved, (patch) =>
    settings.update((current) => patch(current, Date.now())),
  );
  const change = (patch: Partial<Settings>) => {
    save((current) => ({ ...current, ...patch })).then(() => setStatus(error ?? t('optionsSaved')));
  };
  // Opened at a group's address (options.html#settings-data): its heading was not there yet when the page loaded.
  useEffect(() => {
    const group = GROUPS.find((entry) => `#${entry.id}` === location.hash);
    if (group) focusGroup(group.id);
  }, []);
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <SettingsIndex groups={groups} />
      <ProtectionRequired href="#settings-data" />
      {organisation && (
        <Group id="settings-organisation">
          <OrganisationSection effective={effective} />
        </Group>
      )}
      <Group id="settings-language">
        <LanguagePicker choice={value.language} onChange={(language) => change({ language })} />
      </Group>
      <Group id="settings-call">
        <section aria-labelledby="when-ends">
          <h3 id="when-ends">{t('optionsWhenCallEnds')}</h3>
          <Checkbox
            label={t('optionsOpenAftercare')}
            checked={value.openAftercareOnEnd}
            onChange={(checked) => change({ openAftercareOnEnd: checked })}
          />
          <Checkbox
            label={t('optionsNotify')}
            checked={value.notifyOnEnd}
            onChange={(checked) => change({ notifyOnEnd: checked })}
          />
          <p role="status" className="muted small">
            {status}
          </p>
        </section>
        <section aria-labelledby="shortcut">
          <h3 id="shortcut">{t('optionsShortcut')}</h3>
          <p>
            <kbd>{shortcut ?? '—'}</kbd> <span className="muted small">{t('optionsShortcutChange')}</span>
          </p>
        </section>
      </Group>
      <Group id="settings-wellbeing">
        <WellbeingSection stored={value} change={change} />
        {/* More wellbeing settings (follow-up reminders, …) go here, each a section with its own h3. */}
      </Group>
      <Group id="settings-data">
        <ProtectionSection
          autoLock={
            <AutoLock
              minutes={value.autoLockMinutes}
              maximum={effective.policy.maxAutoLockMinutes}
              onChange={(autoLockMinutes) => change({ autoLockMinutes })}
            />
          }
        />
        <DataSection />
        <section aria-labelledby="quarantine">
          <h3 id="quarantine">{t('optionsQuarantineHeading')}</h3>
          <Quarantine />
        </section>
      </Group>
      <Group id="settings-hosts">
        <HostsSection />
      </Group>
      <Group id="settings-privacy">
        <p>{t('optionsPrivacy')}</p>
      </Group>
      {/* Last, and alone: nothing everyday sits beside what cannot be undone. */}
      <Group id="settings-danger" className="danger-zone">
        <p>{t('settingsDangerIntro')}</p>
        <DeleteEverything />
      </Group>
    </>
  );
}
