/** The rules for imported and typed text (lib/text.ts): blank-looking text and bidi controls. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBidiControls, displayTextSchema, hasBidiControls, looksBlank, stripBidiControls } from '../../lib/text';
import { BIDI, trickyText } from './textArbitraries';

describe('blank-looking text', () => {
  it.each([
    ['nothing', ''],
    ['spaces and a tab', ' \t '],
    ['zero-width spaces and joiners', '\u200B\u200C\u200D'],
    ['a word joiner and a byte order mark', '\u2060\uFEFF'],
    ['a no-break space', '\u00A0'],
    ['only bidi controls', '\u202E\u2066'],
  ])('is %s', (_what, text) => {
    expect(looksBlank(text)).toBe(true);
  });

  it.each([
    ['a word', 'Cameras on'],
    ['one letter between invisible ones', '\u200Bx\u200B'],
    ['Hebrew', 'שלום'],
    ['a dot', '.'],
  ])('is not %s', (_what, text) => {
    expect(looksBlank(text)).toBe(false);
  });
});

describe('bidi controls', () => {
  it('are all removed, and nothing else is', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const stripped = stripBidiControls(text);
        expect(hasBidiControls(stripped)).toBe(false);
        expect(stripped).toBe([...text].filter((char) => !BIDI.includes(char)).join(''));
        expect(countBidiControls(text)).toBe(text.length - stripped.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('no longer reverse what a person reads', () => {
    expect(stripBidiControls('Nobody records \u202Egnidroc\u202C the session')).toBe(
      'Nobody records gnidroc the session',
    );
  });
});

describe('display text from a file or the editor', () => {
  it('is refused when blank-looking, and otherwise kept without bidi controls', () => {
    const required = displayTextSchema(500);
    const optional = displayTextSchema(500, { optional: true });
    fc.assert(
      fc.property(trickyText, (text) => {
        const parsed = required.safeParse(text);
        if (parsed.success) {
          expect(looksBlank(parsed.data)).toBe(false);
          expect(hasBidiControls(parsed.data)).toBe(false);
        } else {
          expect(looksBlank(stripBidiControls(text)) || text.length > 500).toBe(true);
        }
        const guidance = optional.safeParse(text);
        if (guidance.success) {
          expect(guidance.data === '' || !looksBlank(guidance.data)).toBe(true);
          expect(hasBidiControls(guidance.data)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('may be empty where it is optional, but not only look empty', () => {
    const optional = displayTextSchema(2000, { optional: true });
    expect(optional.safeParse('').success).toBe(true);
    expect(optional.safeParse('\u202E').data).toBe('');
    expect(optional.safeParse('\u200B').success).toBe(false);
    expect(displayTextSchema(500).safeParse('\u200B\u200B').success).toBe(false);
  });
});
