/** No module asks for a message when it is loaded: the language is loaded after the code, before anything is shown. */
import { describe, expect, it, vi } from 'vitest';

const modules = import.meta.glob([
  '../../lib/**/*.ts',
  '../../components/**/*.{ts,tsx}',
  '../../entrypoints/**/*.{ts,tsx}',
  // A page's main module draws the page as it loads.
  '!../../entrypoints/**/main.tsx',
]);

describe('loading the code', () => {
  it.each(Object.keys(modules))('%s asks for no message before the language is loaded', async (path) => {
    vi.resetModules();
    // A fresh copy of the messages module, with no language in use, is what this module meets.
    const i18n = await import('../../lib/i18n');
    expect(i18n.hasLanguage()).toBe(false);
    await expect(modules[path]?.()).resolves.toBeDefined();
  });
});
