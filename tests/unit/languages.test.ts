/**
 * Every language file says what English says: the same keys, the same
 * placeholders, plurals that fit the language. And every message the code asks
 * for exists and gets exactly the values it names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { makeCatalogue } from '../../lib/i18n';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../lib/i18n/languages';
import { formatDate } from '../../lib/time';
import { browserMessages, MANIFEST_MESSAGES } from '../../scripts/locales';
import { compiledMessagesOf, messagesOf } from './setup';

const ROOT = join(import.meta.dirname, '..', '..');
const english = messagesOf('en');
const others = LANGUAGES.filter((language) => language !== 'en');

interface Shape {
  /** Each placeholder with its kind: "count:plural", "date:argument", "kind:select(change-passphrase,turn-off,other)". */
  arguments: string[];
  /** Plural placeholders and the categories their branches use. */
  plurals: Array<{ name: string; categories: string[] }>;
}

function shapeOf(text: string): Shape {
  const found = new Set<string>();
  const plurals: Shape['plurals'] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
          found.add(`${element.value}:argument`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          found.add(`${element.value}:${TYPE[element.type]}`);
          break;
        case TYPE.select:
          found.add(`${element.value}:select(${Object.keys(element.options).sort().join(',')})`);
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        case TYPE.plural:
          found.add(`${element.value}:plural`);
          plurals.push({ name: element.value, categories: Object.keys(element.options) });
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        default:
          break;
      }
    }
  };
  walk(parse(text, { ignoreTag: true }));
  return { arguments: [...found].sort(), plurals };
}

describe('the language files', () => {
  it('are the languages Callcare lists, each named in itself', () => {
    const files = readdirSync(join(ROOT, 'locales'))
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) expect(messagesOf(language).languageName).toBe(LANGUAGE_NAMES[language]);
  });

  it('every English message parses', () => {
    for (const [key, text] of Object.entries(english)) expect(() => shapeOf(text), key).not.toThrow();
  });

  describe.each(others)('%s', (language) => {
    const messages = messagesOf(language);

    it('has exactly the keys of English, each a string', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(messages)) expect(typeof text, key).toBe('string');
    });

    it('has the same placeholders as English in every message, and every message parses', () => {
      const differ: string[] = [];
      for (const [key, text] of Object.entries(english)) {
        const theirs = messages[key];
        if (theirs === undefined) continue;
        let shape: Shape;
        try {
          shape = shapeOf(theirs);
        } catch (error) {
          differ.push(`${key}: does not parse (${String(error)})`);
          continue;
        }
        const expected = shapeOf(text).arguments.join(' ');
        if (shape.arguments.join(' ') !== expected) differ.push(`${key}: ${shape.arguments.join(' ')} ≠ ${expected}`);
      }
      expect(differ).toEqual([]);
    });

    it("uses the language's own plural categories, always with 'other'", () => {
      const categories = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
      const wrong: string[] = [];
      for (const [key, text] of Object.entries(messages)) {
        const englishPlurals = shapeOf(english[key] ?? '').plurals;
        for (const plural of shapeOf(text).plurals) {
          const used = plural.categories.filter((category) => !category.startsWith('='));
          if (!used.includes('other')) wrong.push(`${key}: no "other"`);
          for (const category of used) if (!categories.has(category)) wrong.push(`${key}: "${category}"`);
          const inEnglish = englishPlurals.find((candidate) => candidate.name === plural.name)?.categories ?? [];
          if (inEnglish.includes('one') && categories.has('one') && !used.includes('one')) {
            wrong.push(`${key}: no "one"`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });

    it('opens with the organisation where Callcare writes "Your organisation" capitalised', () => {
      const opening = [
        'orgIntro',
        'orgProtectionRequired',
        'orgTemplateReadOnly',
        'orgCsvNotAllowed',
        'orgBackupNeedsProtection',
        'orgProtectionStaysOn',
      ];
      expect(opening.filter((key) => !messages[key]?.startsWith('{organisation}'))).toEqual([]);
    });

    it('never puts a plain apostrophe where ICU would read it as a quote', () => {
      const quoting = Object.entries(messages).filter(([, text]) => /'[{}#|']/.test(text));
      expect(quoting.map(([key]) => key)).toEqual([]);
    });
  });

  it.each(LANGUAGES)('%s gives the browser a name and a description within the stores’ limits', (language) => {
    const messages = messagesOf(language);
    const forBrowser = browserMessages(messages);
    expect(Object.keys(forBrowser).sort()).toEqual(Object.keys(MANIFEST_MESSAGES).sort());
    expect(messages['manifest.name']?.length).toBeLessThanOrEqual(45);
    expect(messages['manifest.description']?.length).toBeLessThanOrEqual(132);
  });
});

describe('in each language', () => {
  const moment = new Date(2026, 10, 21, 14, 5).getTime();

  it('a date is written in that language', () => {
    expect(formatDate(moment, 'en-GB')).toBe('Sat, 21 Nov 2026');
    expect(formatDate(moment, 'nl')).toBe('za 21 nov 2026');
    expect(formatDate(moment, 'de')).toBe('Sa., 21. Nov. 2026');
    expect(formatDate(moment, 'fr')).toBe('sam. 21 nov. 2026');
  });

  it.each(LANGUAGES)(
    '%s: a count takes the form its language gives it (French 0 is singular)',
    (language: Language) => {
      const catalogue = makeCatalogue(language, compiledMessagesOf(language), language);
      const deleted = (count: number) => catalogue.t('retentionDeleted', { count });
      const sameFormAs = (count: number, other: number) =>
        deleted(count).replace(String(count), '#') === deleted(other).replace(String(other), '#');
      expect(sameFormAs(1, 2)).toBe(false);
      expect(sameFormAs(0, 1)).toBe(language === 'fr');
      expect(sameFormAs(0, 2)).toBe(language !== 'fr');
      expect(deleted(12_500)).toContain(new Intl.NumberFormat(language).format(12_500));
    },
  );
});

/** Every `t('key', { ... })` in the code: the key exists and the values named are exactly the message's placeholders. */
describe('the code', () => {
  const files = ['lib', 'components', 'entrypoints'].flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => join(folder, file)),
  );

  it('asks only for messages that exist, with exactly their placeholders', () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (
          ts.isCallExpression(node) &&
          ((ts.isIdentifier(node.expression) && node.expression.text === 't') ||
            (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't'))
        ) {
          const [key, values] = node.arguments;
          let keys: string[] = [];
          if (key && ts.isStringLiteral(key)) keys = [key.text];
          else if (key && ts.isTemplateExpression(key)) {
            const pattern = new RegExp(
              `^${[key.head.text, ...key.templateSpans.map((span) => span.literal.text)]
                .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                .join('[^.]+')}$`,
            );
            keys = Object.keys(english).filter((candidate) => pattern.test(candidate));
            if (keys.length === 0) wrong.push(`${file}: no message matches ${key.getText()}`);
          }
          const given =
            values && ts.isObjectLiteralExpression(values)
              ? values.properties.map((property) => property.name?.getText() ?? '?').sort()
              : values
                ? null // values built elsewhere: not checked here
                : [];
          for (const found of keys) {
            calls++;
            const text = english[found];
            if (text === undefined) {
              wrong.push(`${file}: "${found}" is not a message`);
              continue;
            }
            const wanted = [...new Set(shapeOf(text).arguments.map((argument) => argument.split(':')[0]))].sort();
            if (given && given.join() !== wanted.join()) {
              wrong.push(`${file}: "${found}" gets {${given.join(', ')}}, wants {${wanted.join(', ')}}`);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(500);
  });
});
