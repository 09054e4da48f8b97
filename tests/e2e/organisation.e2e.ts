/**
 * An organisation's policy, set the way IT departments set it: a JSON file in
 * Chromium's managed policy folder naming Callcare's id. Chromium is started
 * with it, and the practitioner meets it everywhere: the organisation's
 * template in a new session, a locked daily maximum, protection asked for, a
 * changed policy applied after a policy reload, and a bad value reported
 * without breaking anything.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { badgeOf, EXTENSION_PATH, type Harness, launch } from './harness';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const POLICY_FOLDER = '/etc/chromium/policies/managed';
const MEET = 'https://meet.google.com/abc-defg-hij';
const CONSENT = 'Consent to meet online was confirmed with the client';

/** The id Chromium gives an extension loaded from a folder: from the SHA-256 of its path, in the letters a to p. */
function unpackedId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

const POLICY = {
  organisationName: 'Family Support North',
  terms: 'Online sessions follow our terms for digital work.\nRecordings are never made.',
  templates: [
    {
      id: 'intake',
      format: 'callcare-template',
      formatVersion: 1,
      name: 'Intake (online)',
      items: [
        { id: 'rule-cameras', phase: 'rules', kind: 'agreement', text: 'Both keep cameras on', guidance: '' },
        { id: 'org-consent', phase: 'rules', kind: 'agreement', text: CONSENT, guidance: 'Our terms, section 2.' },
      ],
    },
  ],
  defaultTemplate: 'intake',
  maxSessionsPerDay: 4,
  protectionRequired: true,
  supportLine: 'Crisis line 0800 1234',
  locked: ['maxSessionsPerDay', 'defaultTemplate'],
  // Passes Chromium's schema (a string) but is no language Callcare has: reported, and left out.
  language: 'klingon',
};

let harness: Harness | undefined;
let policyFile: string | undefined;

function writePolicy(policy: object) {
  mkdirSync(POLICY_FOLDER, { recursive: true });
  policyFile ??= join(POLICY_FOLDER, `callcare-e2e-${randomUUID()}.json`);
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(EXTENSION_PATH)]: policy } } }));
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  if (policyFile) rmSync(policyFile, { force: true });
  policyFile = undefined;
});

/** Chromium reads its policy files again, as "Reload policies" on chrome://policy does. */
async function reloadPolicies(h: Harness) {
  const page = await h.context.newPage();
  await page.goto('chrome://policy');
  await page.getByRole('button', { name: 'Reload policies' }).click();
  await page.close();
}

async function settingsPage(h: Harness): Promise<Page> {
  const page = await h.extensionPage('options.html#settings');
  await page.getByRole('heading', { name: 'Callcare settings', level: 1 }).waitFor();
  return page;
}

describe("an organisation's policy", () => {
  it('gives its template, its locked limit and its terms, asks for protection, and reports a bad value', async () => {
    writePolicy(POLICY);
    harness = await launch();
    const h = harness;

    // The organisation's template is the default: a new session runs with it.
    const call = await h.openCall(MEET);
    const tabId = await h.tabIdOf(call);
    await expect.poll(() => badgeOf(h, tabId)).toBe('●');
    const panel = await h.extensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('radiogroup', { name: `What was agreed: ${CONSENT}` }).waitFor();

    const settings = await settingsPage(h);
    // Protection is asked for, with the reason.
    await settings.getByText('Protection is required.').waitFor();
    await settings
      .getByText(/Family Support North asks that everything Callcare keeps is encrypted/)
      .first()
      .waitFor();
    // The daily maximum is the organisation's, and locked.
    const maximum = settings.getByLabel('Most sessions in a day');
    expect(await maximum.inputValue()).toBe('4');
    expect(await maximum.isDisabled()).toBe(true);
    await settings.getByText('Set by Family Support North; you cannot change it.').first().waitFor();
    // "Your organisation" lists what it set, its terms, and what Callcare did not take.
    const organisation = settings.getByRole('region', { name: 'Your organisation' });
    await organisation.getByText('Most sessions in a day: 4').waitFor();
    await organisation.getByText(/Online sessions follow our terms for digital work/).waitFor();
    await organisation.getByText('language: the value is not valid (invalid_value)').waitFor();
    // The bad value broke nothing: Callcare is in English, and the practitioner's own settings still change.
    expect(await settings.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    await settings.getByLabel('End of the workday').fill('17:30');
    await expect.poll(() => settings.getByLabel('End of the workday').inputValue()).toBe('17:30');
    expect(await axeViolations(settings)).toEqual([]);
    await mkdir(SHOTS, { recursive: true });
    await settings.setViewportSize({ width: 900, height: 1100 });
    await settings.evaluate(() => window.scrollTo(0, 0));
    await settings.screenshot({ path: join(SHOTS, 'settings-organisation.png') });

    // The popup asks for protection too.
    const popup = await h.extensionPage('popup.html');
    await popup.getByText('Protection is required.').waitFor();

    // The organisation's template is marked as its own, cannot be edited here, and can be copied.
    const checklists = await h.extensionPage('options.html#checklists');
    const entry = checklists.getByRole('listitem').filter({ hasText: 'Intake (online)' });
    await entry.getByText('From Family Support North').waitFor();
    await checklists.screenshot({ path: join(SHOTS, 'checklists-organisation.png') });
    expect(await entry.getByRole('link', { name: /Edit/ }).count()).toBe(0);
    await entry.getByRole('button', { name: 'Copy into my own template' }).click();
    await checklists.getByLabel('Template name').waitFor();
    expect(await checklists.getByLabel('Template name').inputValue()).toBe('Intake (online) (my copy)');

    // The support line shows on the aftercare page, under other help.
    const aftercareOpened = h.context.waitForEvent('page', (page) => page.url().includes('/aftercare.html'));
    await call.close();
    const aftercare = await aftercareOpened;
    await aftercare.getByText('From Family Support North: Crisis line 0800 1234').waitFor();

    // A changed policy takes effect once Chromium reads it again, in the page already open.
    writePolicy({ ...POLICY, maxSessionsPerDay: 6, language: 'en' });
    await reloadPolicies(h);
    await expect.poll(() => maximum.inputValue()).toBe('6');
    await expect.poll(() => organisation.getByText('language: the value is not valid (invalid_value)').count()).toBe(0);
    expect(h.outsideRequests).toEqual([]);
  });
});
