/**
 * An organisation's policy in Firefox, as docs/ADMIN.md tells an administrator
 * to give it on Linux: `/etc/firefox/policies/policies.json`, with Callcare's
 * policy under `3rdparty.Extensions` and its id. Firefox checks no schema, so
 * a value of the wrong kind reaches Callcare, which must leave it out alone
 * and say so. The file is removed afterwards (the journeys run as root in CI).
 */
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADDON_ID, type FirefoxHarness, launchFirefox } from './harness';

const FOLDER = '/etc/firefox/policies';
const FILE = `${FOLDER}/policies.json`;

let harness: FirefoxHarness | undefined;
const made: string[] = [];

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  rmSync(FILE, { force: true });
  // Only the folders this journey made go again.
  for (const folder of made.splice(0).reverse()) rmdirSync(folder);
});

function writePolicy(policy: Record<string, unknown>) {
  if (existsSync(FILE)) throw new Error(`${FILE} exists already: this journey will not overwrite a real policy`);
  for (const folder of ['/etc/firefox', FOLDER]) {
    if (!existsSync(folder)) {
      mkdirSync(folder);
      made.push(folder);
    }
  }
  writeFileSync(FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [ADDON_ID]: policy } } } }));
}

const byLabel = `(text) => [...document.querySelectorAll('label')].find((label) => label.textContent.trim() === text)?.control`;
/** A control found by its label, once it holds `value` and is (or is not) disabled. */
const controlByLabel = `(text, value, disabled) => { const control = (${byLabel})(text); return control && control.value === value && control.disabled === disabled ? control : null; }`;

describe('an organisation policy in Firefox', () => {
  it('is read from policies.json: set and locked values show as the organisation’s, a wrong one is left out and named', async () => {
    writePolicy({
      organisationName: 'Family Support North',
      maxSessionsPerDay: 4,
      // Text where a time is wanted: Chrome's schema would drop it; in Firefox Callcare itself refuses it.
      workdayEnd: 'half past five',
      locked: ['maxSessionsPerDay'],
    });
    harness = await launchFirefox();
    const h = harness;
    await h.openExtensionPage('options.html#settings');
    await h.element('the daily maximum: 4, locked', controlByLabel, 'Most sessions in a day', '4', true);
    await expect.poll(() => h.text()).toContain('Set by Family Support North; you cannot change it.');
    // The workday's end is not set by the organisation: the practitioner's own control stays open.
    await h.element('the end of the workday: unset, open', controlByLabel, 'End of the workday', '', false);
    const text = await h.text();
    expect(text).toContain('Values Callcare did not take');
    expect(text).toMatch(/workdayEnd: the value is not valid/);
  });
});
