/** Text for property tests of lib/text.ts and the files that use it. */
import fc from 'fast-check';

export const BIDI = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
];
const INVISIBLE = [' ', '\t', '\n', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u3000'];
/** Text mixing ordinary letters, Arabic and Hebrew, invisible characters and bidi controls. */
export const trickyText = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...BIDI, ...INVISIBLE, 'a', 'ש', 'ع', '.') }),
  fc.string({ unit: fc.constantFrom(...BIDI, ...INVISIBLE) }),
  fc.string({ unit: 'grapheme' }),
);
