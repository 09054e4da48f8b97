/**
 * The files an administrator works from: the schema Chrome and Edge check a
 * policy against (public/managed_schema.json) and the examples in docs/policy/
 * (docs/ADMIN.md). The schema follows Chrome's rules and declares exactly the
 * keys lib/policy.ts reads, with the JSON types it reads them as; every
 * example is the same policy, fits the schema, and Callcare takes all of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_FIELDS, type PolicyKey, parsePolicy, policyTemplateFields } from '../../lib/policy';

/** The part of JSON Schema that Chrome's managed storage schemas use. */
interface SchemaNode {
  type?: string;
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const readJson = (path: string): unknown => JSON.parse(read(path));

const schema = readJson('public/managed_schema.json') as SchemaNode;
const policy = readJson('docs/policy/callcare-policy.json') as Record<string, unknown>;
const POLICY_KEYS = Object.keys(POLICY_FIELDS) as PolicyKey[];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The property of `value` at `path` ("a.b.c"), or undefined where there is none. */
const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((inner, key) => (isPlainObject(inner) ? inner[key] : undefined), value);

/** Each child schema of a node, named by where it is. */
function children(node: SchemaNode, where: string): Array<[string, SchemaNode]> {
  return [
    ...Object.entries(node.properties ?? {}).map(([key, child]): [string, SchemaNode] => [`${where}.${key}`, child]),
    ...(node.items ? [[`${where}[]`, node.items] as [string, SchemaNode]] : []),
  ];
}

const CHROME_TYPES = new Set(['boolean', 'integer', 'number', 'string', 'array', 'object']);

/** What breaks Chrome's rules for a managed storage schema, in words; empty when nothing does. */
function ruleProblems(root: SchemaNode): string[] {
  const problems: string[] = [];
  if (root.type !== 'object') problems.push('schema: the top level must be "type": "object"');
  const walk = (node: SchemaNode, where: string) => {
    if (node.type !== undefined && !CHROME_TYPES.has(node.type)) problems.push(`${where}: unknown type "${node.type}"`);
    if (node.type === 'array' && !node.items) problems.push(`${where}: an array needs "items"`);
    if (node.properties !== undefined && !isPlainObject(node.properties)) {
      problems.push(`${where}: "properties" must be an object`);
    }
    for (const [place, child] of children(node, where)) {
      if ((child.type === undefined) === (child.$ref === undefined)) {
        problems.push(`${place}: needs exactly one of "type" and "$ref"`);
      }
      walk(child, place);
    }
  };
  walk(root, 'schema');
  return problems;
}

/** The keys a schema's top level leaves out or has too many of, against the keys Callcare reads. */
function coverageProblems(root: SchemaNode, keys: readonly string[]): string[] {
  const declared = Object.keys(root.properties ?? {});
  return [
    ...keys.filter((key) => !declared.includes(key)).map((key) => `${key}: missing from the schema`),
    ...declared
      .filter((key) => !keys.includes(key))
      .map((key) => `${key}: in the schema, but Callcare reads no such key`),
  ];
}

/**
 * Where `value` does not have the JSON types `node` says, by its `type`,
 * `items` and `properties`. Stricter than Chrome in one way: a property the
 * schema does not declare is a problem, so an example holds nothing Chrome
 * might drop.
 */
function typeProblems(node: SchemaNode, value: unknown, where: string): string[] {
  const wrong = (expected: string) => [`${where}: expected ${expected}, found ${JSON.stringify(value)}`];
  switch (node.type) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong('a boolean');
    case 'integer':
      return Number.isInteger(value) ? [] : wrong('an integer');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : wrong('a number');
    case 'string':
      return typeof value === 'string' ? [] : wrong('a string');
    case 'array': {
      if (!Array.isArray(value)) return wrong('an array');
      const items = node.items;
      if (!items) return [`${where}: the schema gives no "items"`];
      return value.flatMap((item, index) => typeProblems(items, item, `${where}[${index}]`));
    }
    case 'object':
      if (!isPlainObject(value)) return wrong('an object');
      return Object.entries(value).flatMap(([key, inner]) => {
        const child = node.properties?.[key];
        return child ? typeProblems(child, inner, `${where}.${key}`) : [`${where}.${key}: not in the schema`];
      });
    default:
      return [`${where}: the checker does not know the type ${JSON.stringify(node.type)}`];
  }
}

describe('public/managed_schema.json follows Chrome’s rules', () => {
  it('is an object at the top, and every property has exactly one of "type" and "$ref"', () => {
    expect(ruleProblems(schema)).toEqual([]);
  });

  it('the rules catch a schema that breaks them', () => {
    const notAnObject = { ...structuredClone(schema), type: 'array' };
    expect(ruleProblems(notAnObject)).toContain('schema: the top level must be "type": "object"');

    const both = structuredClone(schema);
    both.properties = { ...both.properties, language: { type: 'string', $ref: 'Language' } };
    expect(ruleProblems(both)).toContain('schema.language: needs exactly one of "type" and "$ref"');

    const neither = structuredClone(schema);
    const templateItem = neither.properties?.templates?.items?.properties?.items?.items;
    if (!templateItem?.properties) throw new Error('the schema no longer describes a template’s items');
    templateItem.properties.text = { description: 'no type' };
    expect(ruleProblems(neither)).toContain('schema.templates[].items[].text: needs exactly one of "type" and "$ref"');
  });

  it('declares every key Callcare reads, and no other', () => {
    expect(coverageProblems(schema, POLICY_KEYS)).toEqual([]);
  });

  it('a key missing from the schema, or one Callcare does not read, is caught', () => {
    const missing = structuredClone(schema);
    delete missing.properties?.supportLine;
    expect(coverageProblems(missing, POLICY_KEYS)).toEqual(['supportLine: missing from the schema']);
    const extra = structuredClone(schema);
    extra.properties = { ...extra.properties, autoLockMinutes: { type: 'integer' } };
    expect(coverageProblems(extra, POLICY_KEYS)).toEqual([
      'autoLockMinutes: in the schema, but Callcare reads no such key',
    ]);
  });

  it('declares every field of a template and of a template’s item', () => {
    const template = schema.properties?.templates?.items;
    const item = template?.properties?.items?.items;
    expect(Object.keys(template?.properties ?? {}).sort()).toEqual(Object.keys(policyTemplateFields.shape).sort());
    expect(Object.keys(item?.properties ?? {}).sort()).toEqual(
      Object.keys(policyTemplateFields.shape.items.def.element.shape).sort(),
    );
  });

  it.each(POLICY_KEYS)('%s: the schema’s JSON type is what Callcare reads', (key) => {
    const declared = schema.properties?.[key];
    if (!declared) throw new Error(`${key} is not in the schema`);
    const sample = policy[key];
    expect(sample, `docs/policy/callcare-policy.json has no ${key}`).toBeDefined();
    expect(typeProblems(declared, sample, key)).toEqual([]);
    expect(POLICY_FIELDS[key].safeParse(sample).success).toBe(true);
  });

  it('the type checker tells the JSON types apart', () => {
    const cases: Array<[SchemaNode, unknown, unknown]> = [
      [{ type: 'integer' }, 6, 6.5],
      [{ type: 'integer' }, 6, '6'],
      [{ type: 'number' }, 0.5, '0.5'],
      [{ type: 'boolean' }, false, 0],
      [{ type: 'string' }, '17:30', 1730],
      [{ type: 'array', items: { type: 'integer' } }, [1, 2], ['1']],
      [{ type: 'array', items: { type: 'string' } }, ['a'], 'a'],
      [{ type: 'object', properties: { id: { type: 'string' } } }, { id: 'a' }, { id: 'a', other: 1 }],
      [{ type: 'object', properties: {} }, {}, []],
    ];
    for (const [node, good, bad] of cases) {
      expect(typeProblems(node, good, 'value')).toEqual([]);
      expect(typeProblems(node, bad, 'value')).not.toEqual([]);
    }
  });
});

describe('the example policies in docs/policy/', () => {
  const examples: Array<[string, unknown]> = [
    ['callcare-policy.json', policy],
    [
      'chromium-linux.json, 3rdparty.extensions.EXTENSION_ID',
      at(readJson('docs/policy/chromium-linux.json'), ['3rdparty', 'extensions', 'EXTENSION_ID']),
    ],
    [
      'firefox-policies.json, policies.3rdparty.Extensions["callcare@callcare.invalid"]',
      at(readJson('docs/policy/firefox-policies.json'), [
        'policies',
        '3rdparty',
        'Extensions',
        'callcare@callcare.invalid',
      ]),
    ],
  ];

  it.each(examples)('%s fits the schema, and Callcare takes every value', (_name, example) => {
    expect(example).toBeDefined();
    expect(typeProblems(schema, example, 'policy')).toEqual([]);
    expect(parsePolicy(example).ignored).toEqual([]);
  });

  it.each(examples)('%s is the same policy as callcare-policy.json', (_name, example) => {
    expect(example).toEqual(policy);
  });

  it('callcare-policy.json sets every key, with two templates and the default naming one of them', () => {
    expect(Object.keys(policy).sort()).toEqual([...POLICY_KEYS].sort());
    const { policy: read } = parsePolicy(policy);
    expect(read.templates).toHaveLength(2);
    expect(read.templates?.map((template) => template.id)).toContain(read.defaultTemplate);
    expect(read.locked?.length).toBeGreaterThan(0);
  });

  it('a value that does not fit is caught by the schema or by Callcare', () => {
    const wrongType = { ...policy, maxSessionsPerDay: '6' };
    expect(typeProblems(schema, wrongType, 'policy')).toEqual([
      `policy.maxSessionsPerDay: expected an integer, found "6"`,
    ]);
    expect(parsePolicy({ ...policy, defaultTemplate: 'no-such-template' }).ignored).toEqual([
      { key: 'defaultTemplate', reason: 'unknown-template', detail: 'no-such-template' },
    ]);
  });
});

/** A value in a .reg file: a string (REG_SZ) or a DWORD. */
type RegValue = { kind: 'string'; text: string } | { kind: 'dword'; number: number };

/** The values of each key of a .reg file, and any line that is not a header, comment, key or value. */
function parseReg(text: string): { keys: Map<string, Map<string, RegValue>>; unreadable: string[] } {
  const keys = new Map<string, Map<string, RegValue>>();
  const unreadable: string[] = [];
  const unquote = (quoted: string) => quoted.replace(/\\(.)/g, '$1');
  let current: Map<string, RegValue> | undefined;
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (index === 0 || line === '' || line.startsWith(';')) continue;
    const key = /^\[(.+)\]$/.exec(line);
    if (key?.[1]) {
      current = new Map();
      keys.set(key[1], current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)+)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value?.[1] || !current) {
      unreadable.push(line);
      continue;
    }
    current.set(
      unquote(value[1]),
      value[3] !== undefined
        ? { kind: 'dword', number: Number.parseInt(value[3], 16) }
        : { kind: 'string', text: unquote(value[2] ?? '') },
    );
  }
  return { keys, unreadable };
}

/** A registry value as Chrome reads it for a schema type (components/policy/core/common/registry_dict.cc). */
function fromRegistry(value: RegValue, type: string | undefined): unknown {
  if (value.kind === 'dword' && type === 'boolean') return value.number !== 0;
  if (value.kind === 'dword' && type === 'integer') return value.number;
  if (value.kind === 'string' && type === 'string') return value.text;
  // Lists and dictionaries may be written as JSON in a string value.
  if (value.kind === 'string' && (type === 'array' || type === 'object')) return JSON.parse(value.text);
  throw new Error(`a ${value.kind} value cannot be read as ${type}`);
}

describe('docs/policy/windows-chrome.reg', () => {
  const text = read('docs/policy/windows-chrome.reg');
  const { keys, unreadable } = parseReg(text);
  const policyKey =
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\EXTENSION_ID\\policy';

  it('is a registry file that names every key of the policy', () => {
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    expect(unreadable).toEqual([]);
    for (const key of POLICY_KEYS) expect(text, key).toContain(`"${key}"=`);
  });

  it('holds the same policy, as Chrome reads it from the registry', () => {
    const values = keys.get(policyKey);
    if (!values) throw new Error(`no [${policyKey}]`);
    const fromFile = Object.fromEntries(
      [...values].map(([name, value]) => [name, fromRegistry(value, schema.properties?.[name]?.type)]),
    );
    expect(fromFile).toEqual(policy);
  });

  it('installs Callcare with a valid ExtensionSettings', () => {
    const settings = keys.get('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome')?.get('ExtensionSettings');
    if (settings?.kind !== 'string') throw new Error('no ExtensionSettings string');
    expect(at(JSON.parse(settings.text), ['EXTENSION_ID', 'installation_mode'])).toBe('force_installed');
  });
});

/** A property list as JSON: dict, array, string, integer, true and false, which is all a profile here uses. */
function parsePlist(xml: string): unknown {
  type Token = { tag: string; close: boolean; empty: boolean } | { text: string };
  const body = xml.replace(/<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '');
  const tokens: Token[] = [];
  for (const match of body.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>|([^<]+)/g)) {
    if (match[4] !== undefined) {
      if (match[4].trim() !== '') tokens.push({ text: match[4] });
    } else {
      tokens.push({ tag: match[2] ?? '', close: match[1] === '/', empty: match[3] === '/' });
    }
  }
  const decode = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  let position = 0;
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw new Error('the property list ends too soon');
    return token;
  };
  const isClosing = (tag: string) => {
    const token = tokens[position];
    return token !== undefined && 'tag' in token && token.close && token.tag === tag;
  };
  const close = (tag: string) => {
    if (!isClosing(tag)) throw new Error(`expected </${tag}> at token ${position}`);
    position++;
  };
  const textUntil = (tag: string): string => {
    const token = tokens[position];
    let text = '';
    if (token && 'text' in token) {
      text = decode(token.text);
      position++;
    }
    close(tag);
    return text;
  };
  const value = (): unknown => {
    const token = next();
    if (!('tag' in token) || token.close) throw new Error(`expected a value at token ${position - 1}`);
    if (token.empty) {
      const empty: Record<string, unknown> = { true: true, false: false, string: '', array: [], dict: {} };
      if (!Object.hasOwn(empty, token.tag)) throw new Error(`<${token.tag}/> is not a value`);
      return empty[token.tag];
    }
    switch (token.tag) {
      case 'plist': {
        const inner = value();
        close('plist');
        return inner;
      }
      case 'string':
        return textUntil('string');
      case 'integer': {
        const number = Number(textUntil('integer'));
        if (!Number.isInteger(number)) throw new Error('an <integer> that is not a whole number');
        return number;
      }
      case 'array': {
        const items: unknown[] = [];
        while (!isClosing('array')) items.push(value());
        close('array');
        return items;
      }
      case 'dict': {
        const dict: Record<string, unknown> = {};
        while (!isClosing('dict')) {
          const key = next();
          if (!('tag' in key) || key.tag !== 'key' || key.close) throw new Error('a <dict> entry without its <key>');
          const name = textUntil('key');
          dict[name] = value();
        }
        close('dict');
        return dict;
      }
      default:
        throw new Error(`<${token.tag}> is not a value this checker reads`);
    }
  };
  const result = value();
  if (position !== tokens.length) throw new Error('more after the property list');
  return result;
}

describe('docs/policy/macos-chrome.mobileconfig', () => {
  const text = read('docs/policy/macos-chrome.mobileconfig');

  it('is an XML property list that names every key of the policy', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain('<plist');
    for (const key of POLICY_KEYS) expect(text, key).toContain(`<key>${key}</key>`);
  });

  it('is a configuration profile whose Chrome extension payload is the same policy', () => {
    const profile = parsePlist(text);
    expect(at(profile, ['PayloadType'])).toBe('Configuration');
    const payloads = at(profile, ['PayloadContent']);
    if (!Array.isArray(payloads)) throw new Error('no PayloadContent array');
    const uuids = [at(profile, ['PayloadUUID']), ...payloads.map((payload) => at(payload, ['PayloadUUID']))];
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const payload of payloads) {
      expect(typeof at(payload, ['PayloadIdentifier'])).toBe('string');
      expect(at(payload, ['PayloadVersion'])).toBe(1);
    }
    const extension = payloads.find(
      (payload) => at(payload, ['PayloadType']) === 'com.google.Chrome.extensions.EXTENSION_ID',
    );
    if (!isPlainObject(extension)) throw new Error('no com.google.Chrome.extensions.EXTENSION_ID payload');
    const settings = Object.fromEntries(Object.entries(extension).filter(([key]) => !key.startsWith('Payload')));
    expect(settings).toEqual(policy);
  });
});
