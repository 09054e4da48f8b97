/**
 * The end of the workday: a notification listing the aftercare notes still
 * to write and the follow-ups still open, on working days only, snoozable once. Built on alarms, so it
 * comes with the service worker asleep.
 */
import { type Browser, browser } from 'wxt/browser';
import { dayKey } from '../../lib/days';
import { openFollowUps } from '../../lib/followUps';
import { t } from '../../lib/i18n';
import { languageReady } from '../../lib/i18n/start';
import { readReminderRows } from '../../lib/sessions/digestStore';
import { briefs } from '../../lib/sessions/openList';
import { settings } from '../../lib/settings';
import { dayMarks, openSessions } from '../../lib/storage/items';
import { vaultStatus } from '../../lib/storage/vault';
import { formatClock } from '../../lib/time';
import { nextWorkdayEnd } from '../../lib/workday';

export const WORKDAY_END_ALARM = 'workday-end';
export const WORKDAY_SNOOZE_ALARM = 'workday-end-snoozed';
export const WORKDAY_NOTIFICATION = 'workday-end';
const SNOOZE_MINUTES = 30;

/**
 * Plans the workday-end alarm from the settings. Called at every wake of the
 * worker and whenever the settings change: an alarm that still fits the
 * settings is left alone, so a wake never moves it, and one that is overdue
 * (the computer slept through it) is kept so the browser still fires it.
 * `replace` plans the next one after a reminder was shown.
 */
export async function scheduleWorkdayEnd(
  now = Date.now(),
  { replace = false }: { replace?: boolean } = {},
): Promise<number | null> {
  const { workingDays, workdayEnd } = await settings.get();
  const when = nextWorkdayEnd(now, workingDays, workdayEnd);
  const existing = await browser.alarms.get(WORKDAY_END_ALARM);
  if (existing && !replace && when !== null) {
    const planned = existing.scheduledTime;
    const overdue = planned <= now && nextWorkdayEnd(planned - 1, workingDays, workdayEnd) === planned;
    if (planned === when || overdue) return planned;
  }
  if (existing) await browser.alarms.clear(WORKDAY_END_ALARM);
  if (when !== null) await browser.alarms.create(WORKDAY_END_ALARM, { when });
  return when;
}

/** The workday has ended (or its snooze is over): say so, with the notes still to write. */
export async function remindWorkdayEnd(snoozed: boolean, now = Date.now()): Promise<void> {
  await languageReady();
  const pending = briefs(await openSessions.get())
    .filter((entry) => entry.status === 'aftercare-pending')
    .sort((a, b) => a.startedAt - b.startedAt);
  const listed = pending
    .slice(0, 4)
    .map((entry) => `• ${t(`platform.${entry.platform}`)}, ${formatClock(entry.startedAt)}`)
    .join('\n');
  const followUps = await openFollowUpsNow(now);
  const followUpLines = followUps
    .slice(0, 4)
    .map((row) => `• ${t(`platform.${row.platform}`)}, ${formatClock(row.startedAt)}`)
    .join('\n');
  const parts = [
    pending.length > 0 ? `${t('workdayEndPending', { count: pending.length })}\n${listed}` : '',
    followUps.length > 0 ? `${t('workdayEndFollowUps', { count: followUps.length })}\n${followUpLines}` : '',
  ].filter(Boolean);
  const canSnooze = !snoozed && (await dayMarks.get()).workdayEndSnoozed !== dayKey(now);
  const options: Browser.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('workdayEndTitle'),
    message: parts.length === 0 ? t('workdayEndNothingPending') : parts.join('\n'),
  };
  if (!import.meta.env.FIREFOX) {
    options.buttons = canSnooze
      ? [{ title: t('workdayEndWrite') }, { title: t('workdayEndSnooze', { minutes: SNOOZE_MINUTES }) }]
      : [{ title: t('workdayEndWrite') }];
  }
  await browser.notifications.create(WORKDAY_NOTIFICATION, options);
  if (!snoozed) await scheduleWorkdayEnd(now + 60_000, { replace: true });
}

/** The open follow-ups of today and before; none while Callcare is locked (the notes are sealed then). */
async function openFollowUpsNow(now: number) {
  if ((await vaultStatus()) === 'locked') return [];
  return openFollowUps(await readReminderRows(), now);
}

export async function snoozeWorkdayEnd(now = Date.now()): Promise<boolean> {
  const marks = await dayMarks.get();
  if (marks.workdayEndSnoozed === dayKey(now)) return false;
  await dayMarks.set({ ...marks, workdayEndSnoozed: dayKey(now) });
  await browser.notifications.clear(WORKDAY_NOTIFICATION);
  await browser.alarms.create(WORKDAY_SNOOZE_ALARM, { when: now + SNOOZE_MINUTES * 60_000 });
  return true;
}
