/**
 * The background only wires browser events to the lifecycle (lib/sessions/lifecycle.ts)
 * and its effects. It keeps nothing in memory: the service worker can be
 * stopped between any two events and storage still says everything.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openPanel } from '../../lib/extension/panel';
import { sessionIdOfNotification } from '../../lib/extension/prompts';
import { onLanguageChange } from '../../lib/i18n';
import { recordOrgTemplateVersions } from '../../lib/orgTemplates';
import { type LifecycleEvent, observeTab, recover, tabClosed, writePending } from '../../lib/sessions/lifecycle';
import { moveChecklistsOut, repairLists, storeWaitingEdits } from '../../lib/sessions/store';
import { readPolicy, settings } from '../../lib/settings';
import { digestIndex, openSessions } from '../../lib/storage/items';
import { vaultStatus, watchVault } from '../../lib/storage/vault';
import { openAftercarePage } from './aftercarePrompt';
import { applyAutoLockSetting, whenIdle } from './autoLock';
import { showBadges } from './badge';
import { handleCommand, isFromThisExtension } from './commandHandler';
import { applyLifecycleEvents } from './effects';
import { remind, scheduleFollowUps, sessionOfReminder } from './followUps';
import { setupProtection } from './protection';
import { checkRetention, RETENTION_ALARM, RETENTION_NOTIFICATION, scheduleRetentionCheck } from './retentionCheck';
import { watchStartKind } from './startKind';
import { deferUpdates } from './updates';
import {
  remindWorkdayEnd,
  scheduleWorkdayEnd,
  snoozeWorkdayEnd,
  WORKDAY_END_ALARM,
  WORKDAY_NOTIFICATION,
  WORKDAY_SNOOZE_ALARM,
} from './workdayEnd';

function report(error: unknown) {
  console.error('Callcare:', error);
}

function follow(work: Promise<LifecycleEvent[]>) {
  work.then(applyLifecycleEvents).catch(report);
}

export default defineBackground(() => {
  const startKind = watchStartKind();
  const recovered = recover({
    listTabs: async () =>
      (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [{ id: tab.id, url: tab.url }])),
    startKind,
  }).then(applyLifecycleEvents);
  recovered.catch(report);
  /**
   * Upkeep that can wait until the start's own work is done: a worker woken
   * by a call's tab closing prompts for the note first, with storage to
   * itself, and only then sets its alarms and badges again.
   */
  const afterRecovery = (work: () => Promise<unknown> | undefined) => {
    recovered
      .then(
        () => work(),
        () => work(),
      )
      .catch(report);
  };
  deferUpdates(report);
  // After an update, sessions written before checklists were stored once are made small, outside the lifecycle's lock.
  afterRecovery(() => startKind().then((kind) => (kind === 'wake' ? 0 : moveChecklistsOut())));
  afterRecovery(() => openSessions.get().then(showBadges));
  openSessions.watch(() => openSessions.get().then(showBadges).catch(report));
  // An organisation's templates get a new version whenever its policy changes them.
  const recordPolicy = () =>
    readPolicy()
      .then(({ policy }) => recordOrgTemplateVersions(policy))
      .catch(report);
  afterRecovery(recordPolicy);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') recordPolicy();
  });
  // The badge's titles follow a language chosen in Settings; notifications take it when they are made.
  onLanguageChange(() => openSessions.get().then(showBadges).catch(report));

  // Records that waited while Callcare was locked are written as soon as it is unlocked.
  watchVault(() => {
    vaultStatus()
      .then(async (status) => {
        if (status !== 'unlocked') return;
        await writePending();
        await storeWaitingEdits();
        await repairLists();
        await moveChecklistsOut();
        await scheduleFollowUps();
      })
      .catch(report);
  });
  setupProtection(report);
  afterRecovery(applyAutoLockSetting);
  afterRecovery(scheduleWorkdayEnd);
  afterRecovery(scheduleFollowUps);
  // The reminders are in the digest's index, which every change to one of them rewrites.
  digestIndex.watch(() => scheduleFollowUps().catch(report));
  settings.watch(() => {
    applyAutoLockSetting().catch(report);
    scheduleWorkdayEnd().catch(report);
    scheduleFollowUps().catch(report);
  });
  browser.idle.onStateChanged.addListener((state) => {
    whenIdle(state).catch(report);
  });
  afterRecovery(scheduleRetentionCheck);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) checkRetention().catch(report);
    if (alarm.name === WORKDAY_END_ALARM) remindWorkdayEnd(false).catch(report);
    if (alarm.name === WORKDAY_SNOOZE_ALARM) remindWorkdayEnd(true).catch(report);
    if (sessionOfReminder(alarm.name) !== null) remind(alarm.name).catch(report);
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status === undefined) return;
    follow(observeTab(tabId, tab.url));
  });
  browser.tabs.onRemoved.addListener((tabId) => follow(tabClosed(tabId)));

  // Answered through sendResponse, which Chrome and Firefox both keep open when the listener returns true (a
  // returned promise is Firefox's and the polyfill's way, not Chrome's).
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isFromThisExtension(sender)) return undefined;
    handleCommand(message, follow).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: String(error) }),
    );
    return true;
  });

  const openNote = (notificationId: string) => {
    if (notificationId === WORKDAY_NOTIFICATION) {
      browser.tabs.create({ url: browser.runtime.getURL('/aftercare.html') }).catch(report);
      return;
    }
    if (notificationId === RETENTION_NOTIFICATION) {
      browser.tabs.create({ url: browser.runtime.getURL('/options.html#settings') }).catch(report);
      return;
    }
    const sessionId = sessionIdOfNotification(notificationId) ?? sessionOfReminder(notificationId);
    if (sessionId === null) return;
    openAftercarePage(sessionId)
      .then(() => browser.notifications.clear(notificationId))
      .catch(report);
  };
  browser.notifications.onClicked.addListener(openNote);
  // Firefox's notifications have no buttons (and it warns of a listener for them): there a click on the
  // notification itself does what its first button does; the workday notice has no snooze.
  if (!import.meta.env.FIREFOX) {
    browser.notifications.onButtonClicked.addListener((notificationId, button) => {
      if (notificationId === WORKDAY_NOTIFICATION && button === 1) snoozeWorkdayEnd().catch(report);
      else openNote(notificationId);
    });
  }

  browser.commands.onCommand.addListener((command, tab) => {
    // Opening the panel must happen now, inside the keyboard gesture.
    if (command === 'open-checklist') openPanel({ tabId: tab?.id, windowId: tab?.windowId }).catch(report);
  });
});
