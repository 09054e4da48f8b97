/**
 * Firefox Add-ons' own linter (`web-ext lint`, the addons-linter AMO runs on
 * every upload) on the Firefox build in .output/firefox-mv3 (`npm run zip`
 * makes it; `npm run test:package` does both). No errors, and every warning
 * is explained to the reviewer in docs/store/firefox-review-notes.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD = join(ROOT, '.output', 'firefox-mv3');
const NOTES = join(ROOT, 'docs', 'store', 'firefox-review-notes.md');

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

function lint(): { errors: Finding[]; warnings: Finding[]; notices: Finding[] } {
  if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error(`${BUILD} is missing: run \`npm run zip\` first`);
  const run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'web-ext'),
    ['lint', '--source-dir', BUILD, '--output', 'json'],
    {
      encoding: 'utf8',
      // No request leaves the machine: web-ext would otherwise ask the npm registry whether it is out of date.
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1', WEB_EXT_NO_CONFIG_DISCOVERY: 'true' },
    },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint gave no report:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout.slice(start));
}

/** A chunk's name without its content hash, as the notes write it: chunks/mount-Bx81.js → chunks/mount-*.js. */
const unhashed = (file: string) => file.replace(/-[\w-]{8}\.js$/, '-*.js');

describe('web-ext lint on the Firefox build', () => {
  const report = lint();

  it('finds no errors', () => {
    expect(report.errors.map((finding) => `${finding.code} ${finding.file ?? ''}: ${finding.message}`)).toEqual([]);
  });

  it('finds only warnings the reviewer notes explain', () => {
    const notes = readFileSync(NOTES, 'utf8');
    const explained = notes.slice(notes.indexOf('<!-- lint warnings -->'));
    const headings = explained.split('\n').filter((line) => line.startsWith('### '));
    const unexplained = report.warnings.filter(
      (finding) =>
        !headings.some(
          (heading) =>
            heading.includes(`\`${finding.code}\``) &&
            (finding.file === undefined || heading.includes(`\`${unhashed(finding.file)}\``)),
        ),
    );
    expect(unexplained.map((finding) => `${finding.code} in ${finding.file}: ${finding.message}`)).toEqual([]);
    expect(report.notices).toEqual([]);
  });
});
