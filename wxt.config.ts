import { defineConfig } from 'wxt';
import { hostPermissionPatterns } from './lib/platforms';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Manifest V3 for Firefox too: one `action` API, `storage.session`, and the same code paths as Chrome.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Callcare',
    description:
      'The rules-of-communication checklist beside your video call, what was agreed item by item, and an aftercare note when the call ends. Everything stays on your device.',
    // The least the extension needs: storage (unlimited, for years of
    // sessions), its own notifications, idle (to lock when away), alarms
    // (retention checks) and the call platforms' hosts, to see that a tab is a
    // call. No "tabs", no all-sites access, no content script: nothing reads
    // the call page.
    permissions: ['storage', 'unlimitedStorage', 'notifications', 'idle', 'alarms'],
    host_permissions: hostPermissionPatterns(),
    // An organisation's own call host is asked for one host at a time, when the practitioner adds it.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Callcare' },
    commands: {
      'open-checklist': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the Callcare checklist beside this tab',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'callcare@callcare.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
