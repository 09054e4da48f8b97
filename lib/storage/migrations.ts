/**
 * How stored values of an older format are upgraded, one format at a time.
 * Each step checks the fields it relies on and adds what the newer format
 * needs; the item's own schema then checks the whole result on read.
 */
import { z } from '../zod';
import type { Migrations } from './stored';

const sessionV1 = z.looseObject({
  template: z.looseObject({}),
  agreements: z.record(z.string(), z.looseObject({})),
});

export const sessionMigrations: Migrations = {
  // v2 (caseload): sessions can be linked to a client, keep the template's version, and record re-confirmations.
  2: (previous) => {
    const session = sessionV1.parse(previous);
    const agreements: Record<string, object> = {};
    for (const [itemId, record] of Object.entries(session.agreements)) {
      agreements[itemId] = { ...record, confirmedFrom: null };
    }
    return { ...session, clientId: null, template: { ...session.template, version: 1 }, agreements };
  },
  // v3 (wellbeing): the practitioner's own rating after the session.
  3: (previous) => {
    const session = z.looseObject({ aftercare: z.looseObject({}) }).parse(previous);
    return { ...session, aftercare: { ...session.aftercare, selfRating: null } };
  },
  // v4: the checklist may be a reference to one stored once (lib/sessions/records.ts); a copy inside the record
  // still reads, and is moved out the next time the record is written or the lists are repaired.
  4: (previous) => previous,
  // v5 (follow-up): a follow-up flagged today gets a reminder time and can be marked done. One flagged before has
  // no time (no reminder comes for it) and stays open until marked done.
  // A record without a note is left as it is, for the schema to report where its shape is wrong.
  5: (previous) => {
    const session = z.looseObject({ aftercare: z.looseObject({}) }).safeParse(previous);
    if (!session.success) return previous;
    return { ...session.data, aftercare: { ...session.data.aftercare, followUpAt: null, followUpDoneAt: null } };
  },
};

export const settingsMigrations: Migrations = {
  // v2 (caseload): the template new sessions start with.
  2: (previous) => ({ ...z.looseObject({}).parse(previous), defaultTemplateId: 'default' }),
  // v3 (protection): auto-lock, retention and an organisation's own call hosts, all off to begin with.
  3: (previous) => ({
    ...z.looseObject({}).parse(previous),
    autoLockMinutes: 15,
    retentionDays: null,
    customHosts: [],
  }),
  // v4 (wellbeing): no daily maximum and no workday end until the practitioner sets them; Monday to Friday.
  4: (previous) => ({
    ...z.looseObject({}).parse(previous),
    maxSessionsPerDay: null,
    workingDays: [1, 2, 3, 4, 5],
    workdayEnd: null,
    wellbeingView: true,
  }),
  // v5 (follow-up): a reminder on the day of a session's next contact, on unless turned off.
  5: (previous) => ({ ...z.looseObject({}).parse(previous), remindNextContact: true }),
  // v6 (languages): Callcare follows the browser's language until the practitioner chooses one.
  6: (previous) => ({ ...z.looseObject({}).parse(previous), language: 'auto' }),
  // v7 (organisations): which settings the practitioner chose, so an organisation's value does not override them.
  // Before, any value other than Callcare's own default was a choice.
  7: (previous) => {
    const settings = z.looseObject({}).parse(previous);
    const defaults: Record<string, unknown> = {
      defaultTemplateId: 'default',
      maxSessionsPerDay: null,
      workingDays: [1, 2, 3, 4, 5],
      workdayEnd: null,
      retentionDays: null,
      autoLockMinutes: 15,
      language: 'auto',
    };
    const chosen = Object.keys(defaults).filter(
      (key) => key in settings && JSON.stringify(settings[key]) !== JSON.stringify(defaults[key]),
    );
    return { ...settings, chosen };
  },
};

export const clientMigrations: Migrations = {
  // v2 (languages): no preferred language yet; text for the client is written in the practitioner's until one is set.
  2: (previous) => ({ ...z.looseObject({}).parse(previous), language: null }),
};

export const openSessionsMigrations: Migrations = {
  // v2: the lifecycle is decided on this list, so it keeps the host, the origin, the end reason and what is pending.
  2: (previous) => {
    const entries = z.record(z.string(), z.looseObject({ tabId: z.nullable(z.number()) })).parse(previous);
    const upgraded: Record<string, object> = {};
    for (const [id, entry] of Object.entries(entries)) {
      upgraded[id] = {
        ...entry,
        origin: entry.tabId === null ? 'manual' : 'tab',
        host: null,
        endReason: null,
        pending: null,
      };
    }
    return upgraded;
  },
  // v3: whether an ended session's aftercare prompt was shown; entries from before were prompted when they ended.
  3: (previous) => {
    const entries = z.record(z.string(), z.looseObject({})).parse(previous);
    return Object.fromEntries(Object.entries(entries).map(([id, entry]) => [id, { ...entry, prompted: true }]));
  },
};

export const digestMigrations: Migrations = {
  // v2: digests kept by the old background could disagree with their sessions; this one is rebuilt from them.
  2: () => ({ entries: {}, orders: {}, texts: {} }),
  // v3: entries say whether a follow-up is open, when it is due, and the date of next contact; rebuilt from the sessions.
  3: () => ({ entries: {}, orders: {}, texts: {} }),
};
