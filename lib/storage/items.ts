/**
 * Everything Callcare stores, in one list: the key, the area, the schema and
 * its version, and when it is cleared. A new stored shape starts here.
 *
 * | what           | key                  | area    | cleared when                                   |
 * | -------------- | -------------------- | ------- | ---------------------------------------------- |
 * | sessions       | session:<id>         | local   | never by Callcare itself (later: retention)    |
 * | open sessions  | openSessions         | local   | rebuilt from the sessions at every start       |
 * | settings       | settings             | local   | never                                          |
 * | ended tabs     | endedTabs            | session | the browser closes                             |
 * | browser start  | browserSession       | session | the browser closes (marks a browser restart)   |
 * | quarantine     | quarantine:<at>:...  | local   | the practitioner deletes it in Settings        |
 */
import { z } from 'zod';
import { endedTabsSchema, openSessionsSchema, sessionSchema, settingsSchema } from '../schemas';
import { defineCollection, defineItem } from './stored';

export const sessions = defineCollection({
  prefix: 'session:',
  area: 'local',
  schema: sessionSchema,
  version: 1,
  migrations: {},
  clearedWhen: 'never by Callcare itself',
});

export const openSessions = defineItem({
  key: 'openSessions',
  area: 'local',
  schema: openSessionsSchema,
  version: 1,
  migrations: {},
  fallback: () => ({}),
  clearedWhen: 'rebuilt from the sessions whenever the background starts',
});

export const DEFAULT_SETTINGS = { openAftercareOnEnd: true, notifyOnEnd: true };

export const settings = defineItem({
  key: 'settings',
  area: 'local',
  schema: settingsSchema,
  version: 1,
  migrations: {},
  fallback: () => ({ ...DEFAULT_SETTINGS }),
  clearedWhen: 'never',
});

export const endedTabs = defineItem({
  key: 'endedTabs',
  area: 'session',
  schema: endedTabsSchema,
  version: 1,
  migrations: {},
  fallback: () => ({}),
  clearedWhen: 'the browser closes',
});

/**
 * Set once per browser run. Its absence when the service worker starts means
 * the browser itself has (re)started, so tab ids from before mean nothing now.
 */
export const browserSession = defineItem({
  key: 'browserSession',
  area: 'session',
  schema: z.object({ startedAt: z.number().int() }).nullable(),
  version: 1,
  migrations: {},
  fallback: () => null,
  clearedWhen: 'the browser closes',
});
