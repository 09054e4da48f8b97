/**
 * The settings Callcare runs by: the organisation's policy laid over the
 * practitioner's own (`policy ⊕ own`). Every reader of settings reads them
 * here; nothing reads the stored settings and the policy apart.
 *
 * For each setting a policy can give:
 * - not in the policy: the practitioner's own value;
 * - in the policy and locked: the policy's value, whatever the practitioner chose;
 * - in the policy, not locked: the policy's value until the practitioner
 *   chooses their own (settings remember which ones they chose);
 * - a maximum (auto-lock, retention): the practitioner's value, or the
 *   maximum when theirs is longer or "never".
 * The practitioner's own values stay stored as they were, so a policy that
 * goes away gives them back.
 */
import { browser } from 'wxt/browser';
import { type IgnoredValue, type Lockable, orgTemplateId, type Policy, parsePolicy, type ReadPolicy } from './policy';
import type { policySettingSchema, Settings } from './schemas';
import { onStorageChange } from './storage/changes';
import { ownSettings, policyCache } from './storage/items';
import type { z } from './zod';

/** The settings a policy can give a value to, by their names in Settings. */
export type PolicySetting = z.infer<typeof policySettingSchema>;

/** The name in the policy's `locked` list of each setting it can give; auto-lock has a maximum instead. */
const LOCK_NAMES: Record<PolicySetting, Lockable | null> = {
  defaultTemplateId: 'defaultTemplate',
  maxSessionsPerDay: 'maxSessionsPerDay',
  workingDays: 'workingDays',
  workdayEnd: 'workdayEnd',
  retentionDays: 'retentionDays',
  autoLockMinutes: null,
  language: 'language',
};

export interface Effective {
  values: Settings;
  /** Settings whose value comes from the policy. */
  fromPolicy: ReadonlySet<PolicySetting>;
  /** Settings the practitioner cannot change. */
  locked: ReadonlySet<PolicySetting>;
  policy: Policy;
  ignored: readonly IgnoredValue[];
}

/** The policy's own value for a setting, in the settings' terms; undefined where it gives none. */
function policyValue(policy: Policy, setting: PolicySetting): Settings[PolicySetting] | undefined {
  switch (setting) {
    case 'defaultTemplateId':
      return policy.defaultTemplate === undefined
        ? undefined
        : policy.defaultTemplate === 'default'
          ? 'default'
          : orgTemplateId(policy.defaultTemplate);
    case 'maxSessionsPerDay':
    case 'workingDays':
    case 'workdayEnd':
    case 'retentionDays':
    case 'language':
      return policy[setting];
    case 'autoLockMinutes':
      return undefined;
  }
}

/** Pure: the settings in force, from the practitioner's own and a read policy. */
export function effectiveSettings(own: Settings, read: ReadPolicy): Effective {
  const { policy } = read;
  // The organisation's call hosts join the practitioner's own (each still needs the browser's permission).
  const values: Settings = {
    ...own,
    workingDays: [...own.workingDays],
    customHosts: [...new Set([...own.customHosts, ...(policy.callHosts ?? [])])],
  };
  const fromPolicy = new Set<PolicySetting>();
  const locked = new Set<PolicySetting>();
  const lockedNames = new Set(policy.locked ?? []);
  const chosen = new Set(own.chosen);
  for (const setting of Object.keys(LOCK_NAMES) as PolicySetting[]) {
    const given = policyValue(policy, setting);
    const lockName = LOCK_NAMES[setting];
    const isLocked = lockName !== null && lockedNames.has(lockName);
    if (given === undefined) continue;
    if (isLocked) locked.add(setting);
    if (isLocked || !chosen.has(setting)) {
      (values as Record<PolicySetting, unknown>)[setting] = given;
      fromPolicy.add(setting);
    }
  }
  // Maxima: the practitioner may choose less, never more (and not "never").
  const capped = (setting: 'autoLockMinutes' | 'retentionDays', maximum: number | undefined) => {
    if (maximum === undefined) return;
    const current = values[setting];
    if (current === null || current > maximum) {
      values[setting] = maximum;
      fromPolicy.add(setting);
    }
  };
  capped('autoLockMinutes', policy.maxAutoLockMinutes);
  capped('retentionDays', policy.maxRetentionDays);
  return { values, fromPolicy, locked, policy, ignored: read.ignored };
}

/** How long a read of the policy may take before the copy from the last read stands in for it. */
const SLOW_POLICY_MS = 300;

/** The copy this page or worker last saw kept, as JSON, so an unchanged policy costs no storage read. */
let keptJson: string | null = null;

/** What the browser's managed storage holds for Callcare, kept as the latest copy when it differs. */
async function readManaged(): Promise<Record<string, unknown>> {
  // The kept copy is read beside the policy, not after it: a page's first settings read waits for both.
  const keptRead = keptJson === null ? policyCache.get().catch(() => null) : null;
  let raw: Record<string, unknown>;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    // Firefox rejects when no policy names Callcare; a browser without managed storage has none either.
    raw = {};
  }
  const json = JSON.stringify(raw);
  if (json === keptJson) return raw;
  const kept = await (keptRead ?? policyCache.get().catch(() => null));
  if (JSON.stringify(kept) !== json) await policyCache.set(raw).catch(() => undefined);
  keptJson = json;
  return raw;
}

/**
 * The organisation's policy, from the browser's managed storage. Chromium's first
 * read after it starts can take seconds: past SLOW_POLICY_MS the copy from the
 * last read stands in, so a call opened at once is still recognised at once.
 * When the read arrives and differs, the copy changes, and everything that
 * watches settings reads them again.
 */
export async function readPolicy(): Promise<ReadPolicy> {
  const fresh = freshRead();
  // A read already known to be slow: every reader takes the copy at once, rather than each waiting in turn.
  if (slow) return parsePolicy((await keptCopy()) ?? (await fresh));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Record<string, unknown> | null>((resolve) => {
    timer = setTimeout(() => {
      slow = true;
      keptCopy().then(resolve);
    }, SLOW_POLICY_MS);
  });
  const first = await Promise.race([fresh, late]);
  clearTimeout(timer);
  // With no copy yet (the first start after installing), the policy is waited for: an organisation's
  // template and requirements apply from the very first session.
  return parsePolicy(first ?? (await fresh));
}

/** The one read of managed storage under way, shared by every reader meanwhile. */
let pending: Promise<Record<string, unknown>> | null = null;
let slow = false;
/**
 * What the last read found, used until the browser says the policy changed:
 * a read of managed storage can take tens of milliseconds, and every setting
 * read asks for the policy.
 */
let known: Record<string, unknown> | null = null;
/** Goes up at each change of the policy, so a read that began before one is not kept. */
let generation = 0;
let following = false;

/** Forgets the policy last read: it changed (or, in tests, the fake browser starts afresh). */
export function forgetPolicy(): void {
  known = null;
  generation++;
  // A read that began before the change is not handed to those who ask after it.
  pending = null;
  // Listening again at the next read: the tests' fake browser forgets its listeners.
  following = false;
}

const onPolicyChange = (_changes: unknown, areaName: string, missed: boolean) => {
  if (areaName === 'managed' || missed) forgetPolicy();
};

function freshRead(): Promise<Record<string, unknown>> {
  if (known !== null) return Promise.resolve(known);
  if (!following) {
    following = true;
    onStorageChange(onPolicyChange);
  }
  if (pending === null) {
    const began = generation;
    const reading: Promise<Record<string, unknown>> = readManaged().finally(() => {
      if (pending === reading) {
        pending = null;
        slow = false;
      }
    });
    pending = reading;
    reading.then(
      (raw) => {
        if (generation === began) known = raw;
      },
      () => undefined,
    );
  }
  return pending;
}

const keptCopy = (): Promise<Record<string, unknown> | null> =>
  policyCache.get().then(
    (kept) => kept,
    () => null,
  );

export async function readEffective(): Promise<Effective> {
  const [own, read] = await Promise.all([ownSettings.get(), readPolicy()]);
  return effectiveSettings(own, read);
}

function watchAll(onChange: () => void): () => void {
  const stopOwn = ownSettings.watch(onChange);
  const stopCopy = policyCache.watch(onChange);
  // The settings' own watchers read again after a missed while (lib/storage/changes.ts); so does the policy's.
  const stopManaged = onStorageChange((_changes, areaName, missed) => {
    if (areaName !== 'managed' && !missed) return;
    // Forgotten here too, before the watcher reads again: its listener may be called before the policy's own.
    forgetPolicy();
    onChange();
  });
  return () => {
    stopOwn();
    stopCopy();
    stopManaged();
  };
}

/**
 * The settings as every part of Callcare reads and changes them. `update`
 * stores only what the practitioner changed, marks it as their own choice, and
 * leaves a locked setting as the policy has it.
 */
export const settings = {
  get: async (): Promise<Settings> => (await readEffective()).values,
  watch: watchAll,
  async update(change: (current: Settings) => Settings): Promise<Settings> {
    const read = await readPolicy();
    // The change is made to the settings as stored now, inside the settings' own update: two pages changing the
    // same setting at once both count.
    const stored = await ownSettings.update((own) => {
      const before = effectiveSettings(own, read);
      const next = change(before.values);
      const updated: Settings = { ...own };
      const chosen = new Set(own.chosen);
      for (const key of Object.keys(next) as Array<keyof Settings>) {
        if (key === 'chosen') continue;
        if (JSON.stringify(next[key]) === JSON.stringify(before.values[key])) continue;
        if (before.locked.has(key as PolicySetting)) continue;
        if (key === 'customHosts') {
          // Only what changed: a host added is the practitioner's own unless the organisation lists it already;
          // a host removed leaves their list. Their own hosts that the organisation also lists are kept.
          const organisation = new Set(read.policy.callHosts ?? []);
          const removed = new Set(before.values.customHosts.filter((host) => !next.customHosts.includes(host)));
          const added = next.customHosts.filter(
            (host) => !before.values.customHosts.includes(host) && !organisation.has(host),
          );
          updated.customHosts = [...own.customHosts.filter((host) => !removed.has(host)), ...added];
          continue;
        }
        (updated as Record<string, unknown>)[key] = next[key];
        if (Object.hasOwn(LOCK_NAMES, key)) chosen.add(key as PolicySetting);
      }
      return { ...updated, chosen: [...chosen] };
    });
    return effectiveSettings(stored, read).values;
  },
  /** Lets the organisation's value (or Callcare's default) apply again to a setting the practitioner had chosen. */
  async forget(setting: PolicySetting, fallback: Settings[PolicySetting]): Promise<void> {
    await ownSettings.update((own) => ({
      ...own,
      [setting]: fallback,
      chosen: own.chosen.filter((name) => name !== setting),
    }));
  },
};
