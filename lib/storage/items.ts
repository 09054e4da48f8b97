/**
 * Everything Callcare stores, in one list: the key, the area, the schema and
 * its version, and when it is cleared. A new stored shape starts here.
 *
 * | what           | key                  | area    | cleared when                                   |
 * | -------------- | -------------------- | ------- | ---------------------------------------------- |
 * | sessions       | session:<id>         | local   | deleted by the practitioner, or by retention   |
 * | checklists     | checklist:<hash>     | local   | everything is deleted                          |
 * | checklists out | checklistsMovedOut   | local   | everything is deleted                          |
 * | clients        | client:<id>          | local   | the practitioner deletes the client            |
 * | templates      | template:<id>        | local   | the practitioner deletes the template          |
 * | open sessions  | openSessions         | local   | kept with the sessions (lib/sessions/store.ts) |
 * | digest index   | digestIndex          | local   | kept with the sessions (lib/sessions/store.ts) |
 * | digest weeks   | digest:<monday>      | local   | kept with the sessions (lib/sessions/store.ts) |
 * | old digest     | sessionDigest        | local   | split into the two above, then removed         |
 * | settings       | settings             | local   | never                                          |
 * | day marks      | dayMarks             | local   | overwritten the next day it is used            |
 * | day counts     | dayCounts            | local   | kept with the sessions; older than 60 days go  |
 * | summary offer  | summaryOffer         | local   | overwritten by the next month's answer         |
 * | ended tabs     | endedTabs            | local   | the browser starts again                       |
 * | browser start  | browserSession       | session | the browser closes (marks a browser restart)   |
 * | update waiting | updateWaiting        | session | the update is applied                          |
 * | waiting edits  | waitingEdits         | session | stored once unlocked, or the browser closes    |
 * | welcome shown  | welcomeOffered       | local   | never (removing Callcare clears it)            |
 * | quarantine     | quarantine:<at>:...  | local   | the practitioner deletes it in Settings        |
 * | protection     | protection           | local   | protection is turned off (vault.ts)            |
 * | unlocked key   | unlockedKey          | session | locked, or the browser closes (vault.ts)       |
 *
 * Only lib/sessions/store.ts writes sessions and the three lists derived from
 * them (open sessions, digest index and weeks, day counts), each record in the same storage
 * write as its lists, so they never disagree.
 *
 * Sessions, checklists, clients and templates are `sealed`: encrypted while protection is
 * on. So are quarantine records (lib/storage/stored.ts), which can hold any of
 * them. The rest holds no client text and stays readable while locked.
 */

import {
  checklistSchema,
  clientSchema,
  endedTabsSchema,
  openSessionsSchema,
  type Settings,
  settingsSchema,
  storedSessionSchema,
  templateSchema,
} from '../schemas';
import { digestIndexSchema, digestSchema, digestWeekSchema, EMPTY_INDEX } from '../sessions/digest';
import { editsSchema } from '../sessions/edits';
import { z } from '../zod';
import {
  clientMigrations,
  digestMigrations,
  openSessionsMigrations,
  sessionMigrations,
  settingsMigrations,
} from './migrations';
import { defineCollection, defineItem } from './stored';

/** Sessions as stored; read them through lib/sessions/records.ts, which puts their checklist back in. */
export const storedSessions = defineCollection({
  prefix: 'session:',
  area: 'local',
  schema: storedSessionSchema,
  version: 5,
  migrations: sessionMigrations,
  clearedWhen: 'the practitioner deletes it, its client, or everything; or the retention period passes',
  sealed: true,
});

/** Set once every session written before checklists were stored once has been moved to a reference. */
export const checklistsMovedOut = defineItem({
  key: 'checklistsMovedOut',
  area: 'local',
  schema: z.boolean(),
  version: 1,
  migrations: {},
  fallback: () => false,
  clearedWhen: 'everything is deleted',
});

/** Each checklist sessions ran with, stored once, under a hash of its items. */
export const checklists = defineCollection({
  prefix: 'checklist:',
  area: 'local',
  schema: checklistSchema,
  version: 1,
  migrations: {},
  clearedWhen: 'the practitioner deletes everything (a checklist is kept while any session may refer to it)',
  sealed: true,
});

export const clients = defineCollection({
  prefix: 'client:',
  area: 'local',
  schema: clientSchema,
  version: 2,
  migrations: clientMigrations,
  clearedWhen: 'the practitioner deletes the client (and with them all their sessions)',
  sealed: true,
});

/** The practitioner's checklist templates. With none stored, the built-in default is used. */
export const templates = defineCollection({
  prefix: 'template:',
  area: 'local',
  schema: templateSchema,
  version: 1,
  migrations: {},
  clearedWhen: 'the practitioner deletes the template',
  sealed: true,
});

export const openSessions = defineItem({
  key: 'openSessions',
  area: 'local',
  schema: openSessionsSchema,
  version: 3,
  migrations: openSessionsMigrations,
  fallback: () => ({}),
  clearedWhen: 'rebuilt from the sessions whenever the background starts',
});

/**
 * A few facts about every session, for the history and the overview
 * (lib/sessions/digest.ts), kept by week: each week's part, and the index
 * beside them. Sealed: they say who was seen when.
 */
export const digestIndex = defineItem({
  key: 'digestIndex',
  area: 'local',
  schema: digestIndexSchema,
  version: 1,
  migrations: {},
  fallback: () => structuredClone(EMPTY_INDEX),
  clearedWhen: 'rebuilt from the sessions whenever it is missing or out of step',
  sealed: true,
});

export const digestWeeks = defineCollection({
  prefix: 'digest:',
  area: 'local',
  schema: digestWeekSchema,
  version: 1,
  migrations: {},
  clearedWhen: 'rebuilt from the sessions whenever it is missing or out of step',
  sealed: true,
});

/** The digest as one value, as Callcare kept it before it was kept by week: read once, to be split (store.ts). */
export const oldDigest = defineItem({
  key: 'sessionDigest',
  area: 'local',
  schema: digestSchema,
  version: 3,
  migrations: digestMigrations,
  fallback: () => ({ entries: {}, orders: {}, texts: {} }),
  clearedWhen: 'split into the digest index and weeks at the first start after the update, then removed',
  sealed: true,
});

export const DEFAULT_SETTINGS: Settings = {
  openAftercareOnEnd: true,
  notifyOnEnd: true,
  defaultTemplateId: 'default',
  autoLockMinutes: 15,
  retentionDays: null,
  customHosts: [],
  maxSessionsPerDay: null,
  workingDays: [1, 2, 3, 4, 5],
  workdayEnd: null,
  wellbeingView: true,
  remindNextContact: true,
  language: 'auto',
  chosen: [],
};

/** The practitioner's own settings. Read them through lib/settings.ts, which lays an organisation's policy over them. */
export const ownSettings = defineItem({
  key: 'settings',
  area: 'local',
  schema: settingsSchema,
  version: 7,
  migrations: settingsMigrations,
  fallback: () => ({ ...DEFAULT_SETTINGS }),
  clearedWhen: 'never',
});

/** The day ("YYYY-MM-DD") the practitioner last dismissed the over-the-limit notice, and the day the workday-end reminder was snoozed. */
export const dayMarks = defineItem({
  key: 'dayMarks',
  area: 'local',
  schema: z.object({ limitNoticeDismissed: z.nullable(z.string()), workdayEndSnoozed: z.nullable(z.string()) }),
  version: 1,
  migrations: {},
  fallback: () => ({ limitNoticeDismissed: null, workdayEndSnoozed: null }),
  clearedWhen: 'overwritten the next day it is used',
});

/** How many sessions started on each recent local day ("YYYY-MM-DD"): no client text, so it counts while locked too. */
export const dayCounts = defineItem({
  key: 'dayCounts',
  area: 'local',
  schema: z.record(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), z.int().check(z.nonnegative())),
  version: 1,
  migrations: {},
  fallback: () => ({}),
  clearedWhen: 'days older than 60 are dropped as new ones are counted',
});

/**
 * The last month ("YYYY-MM") whose practice summary the practitioner downloaded,
 * printed or said no to, so the monthly offer an organisation's policy asks for
 * is made once per month (lib/summaryOffer.ts). No client text.
 */
export const summaryOffer = defineItem({
  key: 'summaryOffer',
  area: 'local',
  schema: z.object({
    handledMonth: z.nullable(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/))),
  }),
  version: 1,
  migrations: {},
  fallback: () => ({ handledMonth: null }),
  clearedWhen: 'overwritten when the next month’s summary is downloaded, printed or dismissed; everything is deleted',
});

/** In local storage, not session storage: an extension update clears session storage, and the call tabs stay open. */
export const endedTabs = defineItem({
  key: 'endedTabs',
  area: 'local',
  schema: endedTabsSchema,
  version: 1,
  migrations: {},
  fallback: () => ({}),
  clearedWhen: 'the browser starts again (tab ids then mean nothing)',
});

/**
 * Set once per browser run. Its absence when the service worker starts means
 * the browser itself has (re)started, so tab ids from before mean nothing now.
 */
export const browserSession = defineItem({
  key: 'browserSession',
  area: 'session',
  schema: z.nullable(z.object({ startedAt: z.int() })),
  version: 1,
  migrations: {},
  fallback: () => null,
  clearedWhen: 'the browser closes',
});

/** An update of Callcare is waiting to be applied once no call runs (entrypoints/background/updates.ts). */
export const updateWaiting = defineItem({
  key: 'updateWaiting',
  area: 'session',
  schema: z.boolean(),
  version: 1,
  migrations: {},
  fallback: () => false,
  clearedWhen: 'the update is applied, or the browser closes (which applies it)',
});

/**
 * Set when the welcome page is opened on the first install. A browser may
 * report an extension loaded from its command line as installed again at every
 * start; this keeps the welcome to once.
 */
export const welcomeOffered = defineItem({
  key: 'welcomeOffered',
  area: 'local',
  schema: z.nullable(z.object({ at: z.int() })),
  version: 1,
  migrations: {},
  fallback: () => null,
  clearedWhen: 'never (removing Callcare clears it)',
});

/**
 * Edits a page handed to the background while Callcare was locked
 * (lib/sessions/writer.ts), by session: kept in memory only, and stored in
 * their records as soon as Callcare is unlocked (lib/sessions/store.ts).
 */
export const waitingEdits = defineItem({
  key: 'waitingEdits',
  area: 'session',
  schema: z.record(z.string(), editsSchema),
  version: 1,
  migrations: {},
  fallback: () => ({}),
  clearedWhen: 'stored in their sessions once unlocked, or the browser closes',
});

/** The version of each template an organisation's policy gives (lib/orgTemplates.ts), and the content it had then. */
export const orgTemplateVersions = defineItem({
  key: 'orgTemplateVersions',
  area: 'local',
  schema: z.record(z.string(), z.object({ version: z.int().check(z.minimum(1)), hash: z.string() })),
  version: 1,
  migrations: {},
  fallback: () => ({}),
  clearedWhen: 'never: a template that comes back to the policy goes on from its last version',
});

/**
 * The organisation's policy as last read from managed storage, as the browser handed it over. The first read
 * after the browser starts can take seconds; meanwhile Callcare goes on with this copy (lib/settings.ts).
 */
export const policyCache = defineItem({
  key: 'policyCache',
  area: 'local',
  schema: z.nullable(z.record(z.string(), z.unknown())),
  version: 1,
  migrations: {},
  fallback: () => null,
  clearedWhen: 'replaced by each read of the policy that differs from it',
});
