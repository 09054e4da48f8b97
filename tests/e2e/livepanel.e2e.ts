/**
 * The side panel during a live call, in real Chromium, driven by roles and
 * labels: the header stays in view, the rules fit, nothing overflows at the
 * panel widths browsers use, the keyboard records only when asked, people at
 * the start are not late arrivals, and the ended session stays in view.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { badgeOf, type Harness, launch, storedSessions } from './harness';
import { SidePanel } from './pages/sidePanel';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
const MEET = 'https://meet.google.com/abc-defg-hij';
const CAMERAS = 'Both keep cameras on, unless there is a valid personal reason (note it)';
const RECORDING = 'Nobody records the session (or: a recording was agreed, with its purpose and who keeps it)';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function panelForCall(h: Harness, width = 320, height = 800) {
  const call = await h.openCall(MEET);
  const tabId = await h.tabIdOf(call);
  await expect.poll(() => badgeOf(h, tabId)).toBe('●');
  const page = await h.extensionPage(`sidepanel.html?tab=${tabId}`);
  await page.setViewportSize({ width, height });
  const panel = new SidePanel(page);
  await panel.progress().waitFor();
  return { call, tabId, page, panel };
}

/** No violations in the light theme nor in the dark one. */
async function checkWithAxe(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `${what}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every rule of the session's checklist, by the name of its state group. */
async function ruleTexts(page: Page): Promise<string[]> {
  const labels = await page
    .getByRole('radiogroup', { name: /^What was agreed: / })
    .evaluateAll((groups) => groups.map((group) => group.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.replace(/^What was agreed: /, ''));
}

/** Records every rule by clicking, moving on to the next as a practitioner would. */
async function recordAll(panel: SidePanel, page: Page) {
  const rules = await ruleTexts(page);
  for (const [index, text] of rules.entries()) {
    await panel.setAgreement(text, index % 4 === 1 ? 'Declined' : 'Agreed');
    if (index === 0) await panel.noteFor(text).fill('Camera broken, audio only; the client keeps it off today');
  }
  // Moving on from the last rule folds it too.
  await page.getByRole('heading', { name: 'Who is present' }).click();
  return rules;
}

/** Elements wider than the page, or reaching past its right edge. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) {
        found.push(
          `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(box.right)}`,
        );
      }
    }
    return found;
  });
}

describe('the side panel in a live call', () => {
  it('keeps the time, the progress and "End session" in view, and fits all 11 rules recorded in two screens', async () => {
    harness = await launch();
    const { page, panel } = await panelForCall(harness);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'panel-empty.png') });

    const rules = await recordAll(panel, page);
    expect(rules).toHaveLength(11);
    await expect.poll(() => panel.progress().textContent()).toBe('11 of 11 agreed or answered');
    // Each recorded rule is one line now: its text, its state, a mark for a note.
    await expect.poll(() => page.getByRole('radiogroup', { name: /^What was agreed: / }).count()).toBe(0);
    const folded = page.getByRole('button', { name: new RegExp(`^${CAMERAS.slice(0, 20).replace(/[()]/g, '\\$&')}`) });
    expect(await folded.textContent()).toContain('Agreed');
    expect(await folded.textContent()).toContain('Has a note');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(2 * 800);
    await page.screenshot({ path: join(SHOTS, 'panel-all-recorded.png') });

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    for (const shown of [
      page.getByText(/^Since \d/),
      panel.progress(),
      page.getByRole('button', { name: 'End session' }),
    ]) {
      const box = await shown.boundingBox();
      expect(box, 'in the header').not.toBeNull();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.y ?? 800) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
    }

    // A folded rule opens again with one click, its state and note as recorded.
    await folded.click();
    const cameras = panel.agreement(CAMERAS);
    await cameras.waitFor();
    expect(await cameras.getByRole('radio', { name: 'Agreed' }).getAttribute('aria-checked')).toBe('true');
    expect(await panel.noteFor(CAMERAS).inputValue()).toContain('Camera broken');
  });

  it.each([252, 320, 480])(
    'overflows nowhere at %i px wide, with the rules open, folded and half recorded',
    async (width) => {
      harness = await launch();
      const { page, panel } = await panelForCall(harness, width);
      expect(await overflowing(page)).toEqual([]);
      await panel.setAgreement(CAMERAS, 'Declined');
      // A long reason grows the note; its placeholder and its text stay inside.
      await panel
        .noteFor(CAMERAS)
        .fill('The client has no working camera at home and joins from a shared phone; we agreed audio only today.');
      const note = panel.noteFor(CAMERAS);
      const grown = await note.evaluate((area) => area.clientHeight);
      expect(grown).toBeGreaterThan(40);
      expect(await note.evaluate((area) => area.scrollHeight <= area.clientHeight + 2)).toBe(true);
      expect(await overflowing(page)).toEqual([]);
      await page.getByRole('heading', { name: 'Who is present' }).click();
      await panel.addPerson('Practitioner side', 'Me (the practitioner)', '');
      expect(await overflowing(page)).toEqual([]);
      const placeholder = await panel.noteFor(RECORDING).evaluate((area) => area.scrollHeight <= area.clientHeight + 2);
      expect(placeholder).toBe(true);
    },
  );

  it('records a state only on Space, Enter, a click or a shortcut key; arrow keys only move the focus; U undoes', async () => {
    harness = await launch();
    const { page, panel } = await panelForCall(harness);
    const stored = async () => {
      const agreements = (await storedSessions(harness as Harness))[0]?.agreements as
        | Record<string, { state: string; history: unknown[] }>
        | undefined;
      return agreements?.['rule-recording'];
    };
    const recording = panel.agreement(RECORDING);
    await recording.getByRole('radio', { name: 'Agreed' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Declined');
    // Nothing was recorded by moving: the state is still unset.
    expect(await recording.getByRole('radio', { checked: true }).count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(stored).toMatchObject({ state: 'declined', history: [{ state: 'declined' }] });
    await page.keyboard.press('a');
    await expect.poll(stored).toMatchObject({ state: 'agreed', history: [{ state: 'declined' }, { state: 'agreed' }] });
    await page.keyboard.press('u');
    await expect.poll(stored).toMatchObject({ state: 'declined', history: [{ state: 'declined' }] });
    await page.keyboard.press('n');
    await expect.poll(stored).toMatchObject({ state: 'not-applicable' });
    // The header's undo takes back the last change made in the panel.
    await page.getByRole('button', { name: /^Undo “Not applicable” for Nobody records/ }).click();
    await expect.poll(stored).toMatchObject({ state: 'declined', history: [{ state: 'declined' }] });
    // A shortcut typed into a note is only text (the rule, folded once the focus left it, opens with a click).
    await page.getByRole('button', { name: /^Nobody records the session/ }).click();
    await panel.noteFor(RECORDING).fill('');
    await panel.noteFor(RECORDING).pressSequentially('and');
    await expect.poll(async () => ((await stored()) as unknown as { note: string }).note).toBe('and');
    expect((await stored())?.state).toBe('declined');
  });

  it('does not mark people noted at the start as joining later; after the conversation starts it suggests it', async () => {
    harness = await launch();
    const { page, panel } = await panelForCall(harness);
    await panel.setAgreement('Everyone present on both sides is named, and anyone who joins is announced', 'Agreed');
    await panel.addPerson('Client side', 'Parent', 'M.');
    await panel.addPerson('Practitioner side', 'Me (the practitioner)', '');
    await panel.addPerson('Practitioner side', 'Trainee', 'T.');
    await expect
      .poll(async () => (await storedSessions(harness as Harness))[0]?.people)
      .toMatchObject([
        { role: 'parent', joinedLater: false },
        { role: 'me', joinedLater: false },
        { role: 'trainee', joinedLater: false },
      ]);
    await page.getByText('Before the call', { exact: true }).click();
    await page.getByRole('button', { name: 'Begin the conversation' }).click();
    await panel.addPerson('Client side', 'Sibling', 'S.');
    await expect
      .poll(async () => (await storedSessions(harness as Harness))[0]?.people)
      .toContainEqual(expect.objectContaining({ role: 'sibling', joinedLater: true }));
    await page.getByText(/Sibling.*joined later/).waitFor();
  });

  it('keeps showing the ended session with its aftercare link when the call ends', async () => {
    harness = await launch();
    const h = harness;
    const { call, page, panel } = await panelForCall(h);
    await panel.setAgreement(CAMERAS, 'Agreed');
    const opened = h.context.waitForEvent('page', (candidate) => candidate.url().includes('aftercare.html'));
    await call.close();
    await opened;
    await page.getByText('This session has ended.').waitFor();
    await page.getByText(/Ended \d.*, lasted /).waitFor();
    expect(await panel.progress().textContent()).toBe('1 of 11 agreed or answered');
    const write = page.getByRole('button', { name: 'Write the aftercare note' });
    await write.waitFor();
    await page.screenshot({ path: join(SHOTS, 'panel-ended.png') });
    expect(await page.getByText('No session in this tab.').count()).toBe(0);
  });

  it('has no accessibility violations while empty, half recorded, all recorded and ended, light and dark', async () => {
    harness = await launch();
    const h = harness;
    const { call, page, panel } = await panelForCall(h);
    await checkWithAxe(page, 'the empty panel');
    const rules = await ruleTexts(page);
    for (const text of rules.slice(0, 5)) await panel.setAgreement(text, 'Agreed');
    await page.getByRole('heading', { name: 'Rules of communication' }).click();
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'panel-half-recorded.png') });
    await checkWithAxe(page, 'the half-recorded panel');
    await recordAll(panel, page);
    await checkWithAxe(page, 'the fully recorded panel');
    await call.close();
    await page.getByText('This session has ended.').waitFor();
    await checkWithAxe(page, 'the ended panel');
  });
});
