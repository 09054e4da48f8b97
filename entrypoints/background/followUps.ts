/**
 * Reminders of aftercare follow-ups: one alarm per open follow-up, at the time
 * the practitioner picked, and one per date of next contact (when that
 * setting is on), in the morning of that day. Built on alarms, so they fire
 * with the service worker asleep, and kept in step with the digest: a
 * follow-up done, or a session deleted, loses its alarm.
 */
import { type Browser, browser } from 'wxt/browser';
import { dateOf, nextContactReminderAt } from '../../lib/followUps';
import { t } from '../../lib/i18n';
import { languageReady } from '../../lib/i18n/start';
import type { DigestEntry } from '../../lib/sessions/digest';
import { readReminderRows } from '../../lib/sessions/digestStore';
import { settings } from '../../lib/settings';
import { vaultStatus } from '../../lib/storage/vault';
import { formatClock, formatDate, formatDateTime } from '../../lib/time';

export const FOLLOW_UP_PREFIX = 'follow-up:';
export const NEXT_CONTACT_PREFIX = 'next-contact:';
/** Alarms, and their notifications, carry the same names. */
const isOurs = (name: string) => name.startsWith(FOLLOW_UP_PREFIX) || name.startsWith(NEXT_CONTACT_PREFIX);

/** The alarms the stored notes call for: name → when. Only times still to come (a past one has fired, or is moot). */
export function wantedAlarms(
  rows: ReadonlyArray<DigestEntry & { id: string }>,
  options: { remindNextContact: boolean; workingDays: readonly number[] },
  now: number,
): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const row of rows) {
    if (row.followUp === 'open' && row.followUpAt !== null && row.followUpAt > now)
      wanted.set(`${FOLLOW_UP_PREFIX}${row.id}`, row.followUpAt);
    if (!options.remindNextContact) continue;
    const when = nextContactReminderAt(row.nextContact, options.workingDays);
    if (when !== null && when > now) wanted.set(`${NEXT_CONTACT_PREFIX}${row.id}`, when);
  }
  return wanted;
}

/**
 * Brings the alarms in step with the notes. Called at every wake, and when the
 * digest or the settings change: an alarm already at its time is left alone
 * (even one overdue, which the browser fires once it wakes), so a wake never
 * moves one; a time changed is set again; one no longer called for goes,
 * with its notification if that is still shown.
 * While Callcare is locked the notes cannot be read, and the alarms stay as
 * they are.
 */
export async function scheduleFollowUps(now = Date.now()): Promise<void> {
  if ((await vaultStatus()) === 'locked') return;
  const [rows, stored, existing] = await Promise.all([readReminderRows(), settings.get(), browser.alarms.getAll()]);
  const entries = Object.fromEntries(rows.map((row) => [row.id, row]));
  const wanted = wantedAlarms(rows, stored, now);
  // A copy: the list is not ours to iterate while clearing (WXT's fake browser hands out its own array).
  for (const alarm of [...existing]) {
    if (!isOurs(alarm.name)) continue;
    const when = wanted.get(alarm.name);
    if (when !== undefined && Math.abs(alarm.scheduledTime - when) < 1000) wanted.delete(alarm.name);
    else if (when === undefined && alarm.scheduledTime <= now && stillCalledFor(alarm.name, entries, stored))
      continue; // overdue but still wanted: the browser fires it as it wakes
    else await browser.alarms.clear(alarm.name);
  }
  for (const [name, when] of wanted) await browser.alarms.create(name, { when });
  // A follow-up done (or its session deleted) takes its notification, still on screen, with it.
  for (const name of Object.keys(await browser.notifications.getAll())) {
    const id = name.startsWith(FOLLOW_UP_PREFIX) ? name.slice(FOLLOW_UP_PREFIX.length) : null;
    if (id !== null && (Object.hasOwn(entries, id) ? entries[id]?.followUp : null) !== 'open')
      await browser.notifications.clear(name);
  }
}

/** Whether an alarm whose time has passed still belongs to an open follow-up, or a next contact to remind of. */
function stillCalledFor(
  name: string,
  entries: Record<string, DigestEntry>,
  options: { remindNextContact: boolean; workingDays: readonly number[] },
): boolean {
  const [id, kind] = name.startsWith(FOLLOW_UP_PREFIX)
    ? [name.slice(FOLLOW_UP_PREFIX.length), 'follow-up']
    : [name.slice(NEXT_CONTACT_PREFIX.length), 'next-contact'];
  const entry = Object.hasOwn(entries, id) ? entries[id] : undefined;
  if (!entry) return false;
  if (kind === 'follow-up') return entry.followUp === 'open' && entry.followUpAt !== null;
  return options.remindNextContact && nextContactReminderAt(entry.nextContact, options.workingDays) !== null;
}

/** The session an alarm or notification of ours is about, or null. */
export function sessionOfReminder(name: string): string | null {
  if (name.startsWith(FOLLOW_UP_PREFIX)) return name.slice(FOLLOW_UP_PREFIX.length);
  if (name.startsWith(NEXT_CONTACT_PREFIX)) return name.slice(NEXT_CONTACT_PREFIX.length);
  return null;
}

/** An alarm of ours has fired: the notification, unless the follow-up was done or the session deleted meanwhile. */
export async function remind(name: string, now = Date.now()): Promise<boolean> {
  await languageReady();
  const id = sessionOfReminder(name);
  if (id === null) return false;
  const followUp = name.startsWith(FOLLOW_UP_PREFIX);
  const locked = (await vaultStatus()) === 'locked';
  let title: string;
  let message: string;
  if (locked) {
    // The notes are sealed: the alarm was set while they were readable, so it still stands; say less.
    title = followUp ? t('followUpDueTitle') : t('nextContactTitleLocked');
    message = followUp ? t('followUpDueLocked') : t('nextContactLocked');
  } else {
    const entry = (await readReminderRows()).find((row) => row.id === id);
    if (!entry) return false;
    const platform = t(`platform.${entry.platform}`);
    if (followUp) {
      if (entry.followUp !== 'open') return false;
      title = t('followUpDueTitle');
      message = t('followUpDueMessage', { platform, time: formatClock(entry.startedAt) });
    } else {
      const day = dateOf(entry.nextContact);
      if (day === null) return false;
      const today = new Date(now).toDateString() === new Date(day).toDateString();
      title = today ? t('nextContactTitleToday') : t('nextContactTitleOn', { date: formatDate(day) });
      message = t('nextContactMessage', { platform, when: formatDateTime(entry.startedAt) });
    }
  }
  const options: Browser.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  };
  // A follow-up due stays on screen until seen (Firefox has no such option: clicking it opens the note there too).
  if (!import.meta.env.FIREFOX && followUp) options.requireInteraction = true;
  await browser.notifications.create(name, options);
  return true;
}
