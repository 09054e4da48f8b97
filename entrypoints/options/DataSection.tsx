import { type FormEvent, useId, useState } from 'react';
import { JsonFileField } from '../../components/JsonFileField';
import { organisationSubject, useEffective, usePolicyControl } from '../../components/Organisation';
import { useStored } from '../../components/useStored';
import { useVaultStatus } from '../../components/useVault';
import {
  type BackupContents,
  type BackupFile,
  type MergePlan,
  makeBackup,
  mergePlan,
  openBackup,
  readBackupFile,
  restore,
  type SetAsideRecord,
  setAsideCounts,
} from '../../lib/backup';
import { deleteEverything, deleteSessions } from '../../lib/caseload';
import { sessionsToCsv } from '../../lib/csv';
import { CallcareError } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { countRecords, errorDetail, retentionPeriodText, setAsideReasonText } from '../../lib/i18n/phrases';
import { dueForDeletion } from '../../lib/retention';
import { rowsOf } from '../../lib/sessions/digest';
import { readDigest, watchDigest } from '../../lib/sessions/digestStore';
import { sessions } from '../../lib/sessions/records';
import { readEffective, settings } from '../../lib/settings';
import { vaultStatus } from '../../lib/storage/vault';
import { formatDate } from '../../lib/time';
import { saveFile, today } from './download';

/** Whether the organisation lets a backup be made now: without protection only if its policy allows it. */
async function backupAllowed(): Promise<boolean> {
  const [effective, vault] = await Promise.all([readEffective(), vaultStatus()]);
  return effective.policy.allowUnprotectedBackups !== false || vault !== 'off';
}

export async function downloadBackup() {
  if (!(await backupAllowed())) throw new CallcareError('not-allowed-by-organisation');
  saveFile(`callcare-backup-${today()}.json`, await makeBackup(), 'application/json');
}

async function downloadCsv() {
  if ((await readEffective()).policy.allowCsvExport === false) throw new CallcareError('not-allowed-by-organisation');
  saveFile(`callcare-sessions-${today()}.csv`, sessionsToCsv(await sessions.all()), 'text/csv');
}

type Status = { text: string; error: boolean; setAside?: SetAsideRecord[] } | null;

/** The records of a backup that were set aside, each with why, in words. */
function SetAsideList({ records }: { records: readonly SetAsideRecord[] }) {
  if (records.length === 0) return null;
  return (
    <details open>
      <summary>{t('dataRestoreSetAsideList')}</summary>
      <ul>
        {records.map((record) => (
          <li key={record.key}>
            {t('backupSetAsideItem', { key: record.key, reason: setAsideReasonText(record.reason) })}
          </li>
        ))}
      </ul>
    </details>
  );
}

function StatusLine({ status }: { status: Status }) {
  if (!status) return null;
  return (
    <div role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : 'muted'}>
      <p>{status.text}</p>
      {status.setAside && status.setAside.length > 0 && (
        <>
          <p>{t('dataRestoredSetAside', { records: countRecords(setAsideCounts(status.setAside)) })}</p>
          <SetAsideList records={status.setAside} />
        </>
      )}
    </div>
  );
}

const fail = (failure: unknown): Status => ({
  text: errorDetail(failure),
  error: true,
});

function Restore() {
  const ids = { passphrase: useId() };
  const [file, setFile] = useState<BackupFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [opened, setOpened] = useState<{
    contents: BackupContents;
    setAside: SetAsideRecord[];
    plan: Record<string, MergePlan>;
  } | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const open = async (backup: BackupFile, secret: string | null) => {
    const result = await openBackup(backup, secret);
    if (!result.ok) return setStatus({ text: result.error, error: true });
    const plan = await mergePlan(result.contents);
    setOpened({
      contents: result.contents,
      setAside: result.setAside,
      plan: { sessions: plan.sessions.counts, clients: plan.clients.counts, templates: plan.templates.counts },
    });
    setStatus(null);
  };
  const choose = async (text: string) => {
    setOpened(null);
    setFile(null);
    const read = readBackupFile(text);
    if (!read.ok) return setStatus({ text: read.error, error: true });
    setFile(read.backup);
    if (!read.needsPassphrase) await open(read.backup, null).catch((failure) => setStatus(fail(failure)));
  };
  const total = (key: keyof MergePlan) => Object.values(opened?.plan ?? {}).reduce((sum, plan) => sum + plan[key], 0);

  return (
    <div className="card stack">
      <JsonFileField label={t('dataRestore')} hint={t('dataRestoreHint')} onText={(text) => void choose(text)} />
      {file?.encryption && !opened && (
        <form
          className="stack"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void open(file, passphrase).catch((failure) => setStatus(fail(failure)));
          }}
        >
          <div className="field">
            <label htmlFor={ids.passphrase}>{t('dataRestorePassphrase')}</label>
            <input
              id={ids.passphrase}
              type="password"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          </div>
          <button type="submit">{t('dataRestoreOpen')}</button>
        </form>
      )}
      {file && opened && (
        <div className="notice stack" role="status">
          <p>
            {t('dataRestoreSummary', {
              sessions: opened.contents.sessions.length,
              clients: opened.contents.clients.length,
              templates: opened.contents.templates.length,
              date: formatDate(file.createdAt),
            })}
          </p>
          <p>{t('dataRestorePlan', { add: total('add'), replace: total('replace'), keep: total('keep') })}</p>
          {opened.setAside.length > 0 && (
            <>
              <p>{t('dataRestoreSetAside', { records: countRecords(setAsideCounts(opened.setAside)) })}</p>
              <SetAsideList records={opened.setAside} />
            </>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={async () => {
                try {
                  const result = await restore(opened.contents);
                  const added = result.sessions.add + result.clients.add + result.templates.add;
                  const replaced = result.sessions.replace + result.clients.replace + result.templates.replace;
                  setStatus({
                    text: t('dataRestored', { add: added, replace: replaced }),
                    error: false,
                    setAside: opened.setAside,
                  });
                } catch (failure) {
                  setStatus(fail(failure));
                }
                setOpened(null);
                setFile(null);
              }}
            >
              {t('dataRestoreConfirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpened(null);
                setFile(null);
              }}
            >
              {t('dataRestoreCancel')}
            </button>
          </div>
        </div>
      )}
      <StatusLine status={status} />
    </div>
  );
}

/** The one destructive action on Settings, shown alone in its danger zone at the end. */
export function DeleteEverything() {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<Status>(null);
  return (
    <form
      className="card stack"
      aria-label={t('dataDeleteAll')}
      onSubmit={async (event) => {
        event.preventDefault();
        if (typed !== t('dataDeleteAllWord')) return;
        await deleteEverything();
        setTyped('');
        setStatus({ text: t('dataDeletedAll'), error: false });
      }}
    >
      <h3 style={{ margin: 0 }}>{t('dataDeleteAll')}</h3>
      <p className="muted small">{t('dataDeleteAllHint')}</p>
      <div className="field">
        <label htmlFor={id}>{t('dataDeleteAllConfirmLabel')}</label>
        <input
          id={id}
          type="text"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      <button type="submit" className="danger" disabled={typed !== t('dataDeleteAllWord')}>
        {t('dataDeleteAllYes')}
      </button>
      <StatusLine status={status} />
    </form>
  );
}

const RETENTION_CHOICES = [30, 90, 180, 365, 730, 1825];

function Retention({ maximum }: { maximum: number | undefined }) {
  const id = useId();
  const control = usePolicyControl('retentionDays');
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  // The digest, not every session: decoding thousands of sessions on each change would freeze every extension page.
  const digest = useStored(readDigest, watchDigest, 'sessionDigest');
  const [status, setStatus] = useState<Status>(null);
  if (!stored.value) return <p>{t('loading')}</p>;
  const days = stored.value.retentionDays;
  const due = digest.value ? dueForDeletion(rowsOf(digest.value), days, Date.now()) : null;
  return (
    <section aria-labelledby="retention" className="stack">
      <h3 id="retention">{t('retentionHeading')}</h3>
      <div className="card stack">
        <div className="field">
          <label htmlFor={id}>{t('retentionLabel')}</label>
          <select
            id={id}
            value={days ?? ''}
            aria-describedby={control.noteId}
            disabled={control.locked}
            onChange={(event) => {
              // Read now: by the time the update runs, React has put the controlled select back to its stored value.
              const retentionDays = event.target.value === '' ? null : Number(event.target.value);
              settings
                .update((current) => ({ ...current, retentionDays }))
                .catch((failure) => setStatus(fail(failure)));
            }}
          >
            {maximum === undefined && <option value="">{t('retentionOff')}</option>}
            {[
              ...new Set([
                ...RETENTION_CHOICES.filter((choice) => maximum === undefined || choice <= maximum),
                ...(days === null ? [] : [days]),
              ]),
            ]
              .sort((a, b) => a - b)
              .map((choice) => (
                <option key={choice} value={choice}>
                  {retentionPeriodText(choice)}
                </option>
              ))}
          </select>
          {control.note ??
            (maximum !== undefined && (
              <p className="set-by small">{t('orgValueMaxRetention', { period: retentionPeriodText(maximum) })}</p>
            ))}
        </div>
        {days !== null && due && (
          <div role="status">
            {due.ids.length === 0 || due.oldest === null || due.newest === null ? (
              <p className="muted">{t('retentionNoneDue')}</p>
            ) : (
              <div className="notice stack">
                <p>
                  {t('retentionDue', {
                    count: due.ids.length,
                    oldest: formatDate(due.oldest),
                    newest: formatDate(due.newest),
                  })}
                </p>
                <button
                  type="button"
                  className="danger"
                  onClick={async () =>
                    setStatus({ text: t('retentionDeleted', { count: await deleteSessions(due.ids) }), error: false })
                  }
                >
                  {t('retentionDelete', { count: due.ids.length })}
                </button>
              </div>
            )}
          </div>
        )}
        <StatusLine status={status} />
      </div>
    </section>
  );
}

/** Backups, restoring one, retention and the CSV: each its own headed part of "Protection and data". */
export function DataSection() {
  const vault = useVaultStatus();
  const effective = useEffective();
  const [status, setStatus] = useState<Status>(null);
  if (vault === 'locked') return <p className="muted">{t('dataNeedsUnlock')}</p>;
  const policy = effective?.policy ?? {};
  const subject = organisationSubject(policy);
  const backupBlocked = policy.allowUnprotectedBackups === false && vault === 'off';
  return (
    <>
      <section aria-labelledby="backups" className="stack">
        <h3 id="backups">{t('dataBackupsHeading')}</h3>
        <div className="card stack">
          <p className="muted small">{t('dataBackupHint')}</p>
          {backupBlocked && (
            <p id="backup-blocked" className="set-by small">
              {t('orgBackupNeedsProtection', { organisation: subject })}
            </p>
          )}
          <button
            type="button"
            disabled={backupBlocked}
            aria-describedby={backupBlocked ? 'backup-blocked' : undefined}
            onClick={() =>
              downloadBackup().then(
                () => setStatus({ text: t('dataBackupDone'), error: false }),
                (failure) => setStatus(fail(failure)),
              )
            }
          >
            {t('dataBackup')}
          </button>
          <StatusLine status={status} />
        </div>
        <Restore />
      </section>
      <Retention maximum={policy.maxRetentionDays} />
      <section aria-labelledby="csv" className="stack">
        <h3 id="csv">{t('dataCsvHeading')}</h3>
        <div className="card stack">
          {policy.allowCsvExport === false ? (
            <p className="set-by small">{t('orgCsvNotAllowed', { organisation: subject })}</p>
          ) : (
            <>
              <p className="muted small">{t('dataCsvHint')}</p>
              <button type="button" onClick={() => downloadCsv().catch((failure) => setStatus(fail(failure)))}>
                {t('dataCsv')}
              </button>
            </>
          )}
        </div>
      </section>
    </>
  );
}
