import { defineConfig } from 'wxt';
import { hostPermissionPatterns } from './lib/platforms';
import { localeAssets } from './scripts/locales';

export default defineConfig({
  // No webextension-polyfill: Chrome's Manifest V3 APIs return promises and Firefox has its own `browser`, so
  // `browser` from wxt/browser is the browser's own object (3 KB gzipped less in every page and the worker).
  modules: ['@wxt-dev/module-react'],
  // Manifest V3 for Firefox too: one `action` API, `storage.session`, and the same code paths as Chrome.
  manifestVersion: 3,
  zip: {
    // `npm run zip` makes three files in .output/: callcare-<version>-chrome.zip (Chrome Web Store, Edge Add-ons),
    // callcare-<version>-firefox.zip and, with the Firefox one, callcare-<version>-sources.zip for Firefox Add-ons'
    // reviewers, who rebuild the Firefox zip from it (SOURCES.md, tests/package/zip.test.ts).
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // The sources zip holds only what the build reads, and SOURCES.md at its top: everything else is excluded and
    // these are let back in (an included file wins over an excluded one). Hidden files and folders (.git, .wxt,
    // .output, .env) are never picked up by WXT's file search; tests, docs and screenshots are left out.
    excludeSources: ['**'],
    includeSources: [
      'SOURCES.md',
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'entrypoints/**',
      'lib/**',
      'components/**',
      'locales/**',
      'public/**',
      'scripts/**',
    ],
  },
  // CALLCARE_SOURCEMAP=1 adds source maps, to see what each chunk is made of (a source-map explorer reads them).
  vite: () => ({
    build: {
      sourcemap: process.env.CALLCARE_SOURCEMAP === '1',
    },
    // Messages are parsed when the extension is built (scripts/locales.ts): the formatter's parser stays out of it.
    resolve: {
      alias: [
        {
          find: /^@formatjs\/icu-messageformat-parser$/,
          replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
        },
      ],
    },
  }),
  hooks: {
    // The pages (built together, sharing chunks; the worker is one file of its own): a page fetches the extension's
    // files one after another, so a small chunk shared by a few pages is copied into each of them rather than
    // fetched on its own. React DOM and the code most pages share stay shared.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'background')) {
        config.build ??= {};
        const options = config.build.rolldownOptions ?? {};
        const output = Array.isArray(options.output) ? options.output[0] : options.output;
        config.build.rolldownOptions = {
          ...options,
          output: { ...output, codeSplitting: { experimentalInlineCommonChunks: { maxSize: 24_000 } } },
        };
      }
    },
    // A build's NODE_ENV is its mode (production, unless `--mode` says otherwise), whatever the shell or a test runner
    // has set. WXT only fills NODE_ENV in when it is unset, and Vite then takes it for the pages: with NODE_ENV=test a
    // store build held React's development bundle, and the Firefox zip no longer matched a reviewer's rebuild.
    'config:resolved': (wxt) => {
      if (wxt.config.command === 'build') process.env.NODE_ENV = wxt.config.mode;
    },
    // Each language's messages, and the browser's own `_locales` for the name, description and shortcut (scripts/locales.ts).
    // Firefox reads an organisation's policy without a schema, so its build leaves managed_schema.json out.
    'build:publicAssets': (wxt, files) => {
      files.push(...localeAssets());
      if (wxt.config.browser === 'firefox') {
        const schema = files.findIndex((file) => file.relativeDest === 'managed_schema.json');
        if (schema >= 0) files.splice(schema, 1);
      }
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
