/**
 * Turns `locales/<code>.json` into what the built extension needs: the same
 * messages as `messages/<code>.json` (read by the pages and the background,
 * one language at a time) and `_locales/<code>/messages.json`, the browser's
 * own format, for the name, description and shortcut on the extensions page
 * and in the stores.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LiteralElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { CompiledMessage } from '../lib/i18n';

const LOCALES = fileURLToPath(new URL('../locales', import.meta.url));

/** The browser's message names (letters, digits and "_") for the manifest's `__MSG_…__` placeholders. */
export const MANIFEST_MESSAGES = {
  extName: 'manifest.name',
  extDescription: 'manifest.description',
  actionTitle: 'manifest.actionTitle',
  openChecklist: 'manifest.openChecklist',
  sidebarTitle: 'manifest.sidebarTitle',
} as const;

export function readLocales(): Array<{ code: string; messages: Record<string, string> }> {
  return readdirSync(LOCALES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      code: file.replace(/\.json$/, ''),
      messages: JSON.parse(readFileSync(join(LOCALES, file), 'utf8')) as Record<string, string>,
    }));
}

/** The browser's `messages.json` for one language. A "$" is doubled, as the browser's format asks. */
export function browserMessages(messages: Record<string, string>): Record<string, { message: string }> {
  return Object.fromEntries(
    Object.entries(MANIFEST_MESSAGES).map(([name, key]) => {
      const text = messages[key];
      if (typeof text !== 'string') throw new Error(`"${key}" is missing from a language file`);
      return [name, { message: text.replace(/\$/g, '$$$$') }];
    }),
  );
}

/**
 * A language's messages as the extension reads them: parsed here, at build time, so that no page or worker
 * carries the ICU parser (wxt.config.ts points the formatter at formatjs's parser-free build). A message with
 * nothing to fill in is its plain text; any other is its parsed form (lib/i18n/index.ts, `CompiledMessage`).
 */
export function compileMessages(messages: Record<string, string>): Record<string, CompiledMessage> {
  return Object.fromEntries(
    Object.entries(messages).map(([key, text]) => {
      // ignoreTag: "<" is plain text in Callcare's messages, never markup.
      const parsed = parse(text, { ignoreTag: true, shouldParseSkeletons: true });
      const literal = parsed.length === 0 || (parsed.length === 1 && parsed[0]?.type === TYPE.literal);
      return [key, literal ? ((parsed[0] as LiteralElement | undefined)?.value ?? '') : parsed];
    }),
  );
}

/** The files to add to the build, as WXT's `build:publicAssets` hook takes them. */
export function localeAssets(): Array<{ relativeDest: string; contents: string }> {
  return readLocales().flatMap(({ code, messages }) => [
    { relativeDest: `messages/${code}.json`, contents: JSON.stringify(compileMessages(messages)) },
    { relativeDest: `_locales/${code}/messages.json`, contents: JSON.stringify(browserMessages(messages), null, 2) },
  ]);
}
