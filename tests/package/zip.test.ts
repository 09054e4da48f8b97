/**
 * The store packages that `npm run zip` leaves in .output/ (run it first;
 * `npm run test:package` does both): the Chrome zip (Chrome Web Store, Edge
 * Add-ons), the Firefox zip, and the sources zip Firefox Add-ons' reviewers
 * rebuild the Firefox zip from. The last test does what a reviewer does, and
 * asks for the same build, file for file and byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readZip, unpackZip } from './readZip';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  engines: { node: string };
};

/** What a reviewer needs to rebuild (wxt.config.ts, `zip.includeSources`). */
const SOURCE_FILES = ['SOURCES.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json'];
const SOURCE_FOLDERS = ['entrypoints', 'lib', 'components', 'locales', 'public', 'scripts'];

/** WXT's names for the zips (wxt.config.ts: `artifactTemplate`, `sourcesTemplate`). */
const zipPath = (kind: 'chrome' | 'firefox' | 'sources') =>
  join(ROOT, '.output', `${packageJson.name}-${packageJson.version}-${kind}.zip`);

function readPackage(kind: 'chrome' | 'firefox' | 'sources'): Buffer {
  const path = zipPath(kind);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run zip\` first (or \`npm run test:package\`)`);
  return readFileSync(path);
}

const manifestOf = (files: Map<string, Buffer>) => JSON.parse(files.get('manifest.json')?.toString('utf8') ?? 'null');

/** Every file under `folder`, by its path with "/" between folders. */
function filesUnder(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const relative of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const absolute = join(folder, relative);
    if (statSync(absolute).isFile()) files.set(relative.split(sep).join('/'), readFileSync(absolute));
  }
  return files;
}

/** What differs between two sets of files, by name: each list is empty when they are the same. */
function differences(expected: Map<string, Buffer>, actual: Map<string, Buffer>) {
  const sorted = (names: Iterable<string>) => [...names].sort();
  return {
    onlyInFirefoxZip: sorted([...expected.keys()].filter((name) => !actual.has(name))),
    onlyInRebuild: sorted([...actual.keys()].filter((name) => !expected.has(name))),
    differentBytes: sorted(
      [...expected].filter(([name, bytes]) => actual.has(name) && !actual.get(name)?.equals(bytes)).map(([n]) => n),
    ),
  };
}

describe('the store packages', () => {
  it('are a Chrome build and a Firefox build of this version', () => {
    const chrome = manifestOf(readZip(readPackage('chrome')));
    expect(chrome.version).toBe(packageJson.version);
    expect(chrome.background?.service_worker).toBe('background.js');
    expect(chrome.side_panel).toBeDefined();
    expect(chrome.browser_specific_settings).toBeUndefined();

    const firefox = manifestOf(readZip(readPackage('firefox')));
    expect(firefox.version).toBe(packageJson.version);
    expect(firefox.background?.scripts).toEqual(['background.js']);
    expect(firefox.sidebar_action).toBeDefined();
    expect(firefox.browser_specific_settings?.gecko?.id).toBe('callcare@callcare.invalid');
  });

  it('include the sources a reviewer needs to rebuild, and nothing else', () => {
    const sources = readZip(readPackage('sources'));
    const names = [...sources.keys()];

    for (const file of SOURCE_FILES) {
      expect(sources.get(file), `${file} in the sources zip`).toEqual(readFileSync(join(ROOT, file)));
    }
    for (const folder of SOURCE_FOLDERS) {
      expect(
        names.some((name) => name.startsWith(`${folder}/`)),
        `${folder}/ in the sources zip`,
      ).toBe(true);
    }
    // Everything in it sits in one of those files or folders: no node_modules, .output, .wxt, .git, tests, docs or screenshots.
    const strays = names.filter((name) => {
      const parts = name.split('/');
      const inPlace = parts.length === 1 ? SOURCE_FILES.includes(name) : SOURCE_FOLDERS.includes(parts[0] ?? '');
      return !inPlace || parts.some((part) => part.startsWith('.'));
    });
    expect(strays).toEqual([]);

    // The reviewer's README gives the commands this test runs below, and the Node version package.json asks for.
    const readme = sources.get('SOURCES.md')?.toString('utf8') ?? '';
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm run build:firefox');
    expect(readme).toContain('.output/firefox-mv3');
    expect(readme).toContain(packageJson.engines.node.replace(/^>=/, ''));
  });

  it('give the Firefox zip back, file for file and byte for byte, when rebuilt from the sources zip as a reviewer does', () => {
    const folder = mkdtempSync(join(tmpdir(), 'callcare-sources-'));
    try {
      unpackZip(readPackage('sources'), folder);
      // A reviewer runs `npm ci` here. The test stays offline instead: it links this repository's
      // node_modules, installed from the same package-lock.json (checked above to be the one in the zip).
      symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');

      const build = spawnSync('npm', ['run', 'build:firefox'], { cwd: folder, encoding: 'utf8' });
      expect(build.status, `npm run build:firefox in ${folder}:\n${build.stdout}\n${build.stderr}`).toBe(0);

      const submitted = readZip(readPackage('firefox'));
      const rebuilt = filesUnder(join(folder, '.output', 'firefox-mv3'));
      expect(submitted.size).toBeGreaterThan(0);
      expect(differences(submitted, rebuilt)).toEqual({ onlyInFirefoxZip: [], onlyInRebuild: [], differentBytes: [] });
    } finally {
      // Removes the link to node_modules, never what it points to.
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
