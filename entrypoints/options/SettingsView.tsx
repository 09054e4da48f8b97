import { useId, useState } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { useOptimistic } from '../../components/useOptimistic';
import { useShortcut } from '../../components/useShortcut';
import { useStored } from '../../components/useStored';
import { m } from '../../lib/messages';
import type { Settings } from '../../lib/schemas';
import { settings } from '../../lib/storage/items';
import { type QuarantineRecord, quarantined } from '../../lib/storage/stored';
import { formatDateTime } from '../../lib/time';
import { DataSection } from './DataSection';
import { HostsSection } from './HostsSection';
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
  if (!records.value) return <p>{m.loading}</p>;
  if (records.value.length === 0) return <p className="muted">{m.optionsQuarantineNone}</p>;
  return (
    <>
      <p>{m.optionsQuarantineIntro}</p>
      <ul className="plain">
        {records.value.map((record) => (
          <li key={record.storageKey} className="card stack">
            <p>
              <strong>
                {record.entry
                  ? m.optionsQuarantineItem(record.entry.key, formatDateTime(record.entry.at))
                  : record.storageKey}
              </strong>
            </p>
            {record.entry && <p className="small">{m.optionsQuarantineReason(record.entry.reason)}</p>}
            {record.locked && <p className="small muted">{m.optionsQuarantineLocked}</p>}
            <div className="row">
              <button type="button" onClick={() => download(record)}>
                {m.optionsQuarantineDownload}
              </button>
              {confirming === record.storageKey ? (
                <>
                  <span role="alert">{m.optionsQuarantineDeleteConfirm}</span>
                  <button type="button" className="danger" onClick={() => quarantined.remove(record.storageKey)}>
                    {m.optionsQuarantineDelete}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {m.panelEndNo}
                  </button>
                </>
              ) : (
                <button type="button" className="danger" onClick={() => setConfirming(record.storageKey)}>
                  {m.optionsQuarantineDelete}
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

function AutoLock({ minutes, onChange }: { minutes: number | null; onChange: (minutes: number | null) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{m.autoLockLabel}</label>
      <select
        id={id}
        value={minutes ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        {AUTO_LOCK_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {m.autoLockMinutes(choice)}
          </option>
        ))}
        <option value="">{m.autoLockNever}</option>
      </select>
    </div>
  );
}

export function SettingsView() {
  const loaded = useStored(() => settings.get(), settings.watch, 'settings');
  if (!loaded.value) return <p>{m.loading}</p>;
  return <SettingsBody stored={loaded.value} />;
}

function SettingsBody({ stored: saved }: { stored: Settings }) {
  const [status, setStatus] = useState('');
  const shortcut = useShortcut();
  // Shown at once, then saved: a box ticked stays ticked while storage catches up.
  const { value, save, error } = useOptimistic(saved, (patch) =>
    settings.update((current) => patch(current, Date.now())),
  );
  const stored = { value };
  const change = (patch: Partial<Settings>) => {
    save((current) => ({ ...current, ...patch })).then(() => setStatus(error ?? m.optionsSaved));
  };
  return (
    <>
      <h1>{m.optionsTitle}</h1>
      <section aria-labelledby="when-ends">
        <h2 id="when-ends">{m.optionsWhenCallEnds}</h2>
        {stored.value ? (
          <>
            <Checkbox
              label={m.optionsOpenAftercare}
              checked={stored.value.openAftercareOnEnd}
              onChange={(value) => change({ openAftercareOnEnd: value })}
            />
            <Checkbox
              label={m.optionsNotify}
              checked={stored.value.notifyOnEnd}
              onChange={(value) => change({ notifyOnEnd: value })}
            />
            <p role="status" className="muted small">
              {status}
            </p>
          </>
        ) : (
          <p>{m.loading}</p>
        )}
      </section>
      {stored.value && <WellbeingSection stored={stored.value} change={change} />}
      <ProtectionSection
        autoLock={
          stored.value && (
            <AutoLock
              minutes={stored.value.autoLockMinutes}
              onChange={(autoLockMinutes) => change({ autoLockMinutes })}
            />
          )
        }
      />
      <DataSection />
      <HostsSection />
      <section aria-labelledby="shortcut">
        <h2 id="shortcut">{m.optionsShortcut}</h2>
        <p>
          <kbd>{shortcut ?? '—'}</kbd> <span className="muted small">{m.optionsShortcutChange}</span>
        </p>
      </section>
      <section aria-labelledby="privacy">
        <h2 id="privacy">{m.optionsPrivacyHeading}</h2>
        <p>{m.optionsPrivacy}</p>
      </section>
      <section aria-labelledby="quarantine">
        <h2 id="quarantine">{m.optionsQuarantineHeading}</h2>
        <Quarantine />
      </section>
    </>
  );
}
