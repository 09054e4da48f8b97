import { defineConfig } from 'wxt';
import { hostPermissionPatterns } from './lib/platforms';
import { localeAssets } from './scripts/locales';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Manifest V3 for Firefox too: one `action` API, `storage.session`, and the same code paths as Chrome.
  manifestVersion: 3,
  // Each language's messages, and the browser's own `_locales` for the name, description and shortcut (scripts/locales.ts).
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeAssets());
    },
    // WXT names the toolbar button and Firefox's sidebar after their pages' <title>; the browser names them in its
    // own language from _locales instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
      if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_sidebarTitle__';
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The least the extension needs: storage (unlimited, for years of
    // sessions), its own notifications, idle (to lock when away), alarms
    // (retention checks) and the call platforms' hosts, to see that a tab is a
    // call. No "tabs", no all-sites access, no content script: nothing reads
    // the call page.
    permissions: ['storage', 'unlimitedStorage', 'notifications', 'idle', 'alarms'],
    host_permissions: hostPermissionPatterns(),
    // An organisation's own call host is asked for one host at a time, when the practitioner adds it.
    optional_host_permissions: ['https://*/*'],
    commands: {
      'open-checklist': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_openChecklist__',
      },
    },
    // An organisation's policy arrives in managed storage (lib/policy.ts, docs/ADMIN.md). Chrome and Edge read
    // its shape from this schema; Firefox takes the policy from policies.json without one.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'callcare@callcare.invalid',
              // 140 is the first (ESR) version that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Callcare is made for desktop Firefox (the sidebar); should it be offered on Android, that key needs 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
