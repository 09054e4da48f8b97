/**
 * Rules for text that comes from outside (a template file, a backup) or is
 * typed into the template editor, before it is kept and shown to a person.
 *
 * - Bidi controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 *   isolates, U+200E/U+200F/U+061C marks) can make text read differently from
 *   what it holds ("‮gnidrocer on" shown as "no recording"). In display text
 *   they are removed: Arabic or Hebrew wording still reads correctly without
 *   them, and refusing would turn away an organisation's file for a mark its
 *   editor put in. Ids refuse them through their own pattern.
 * - Blank-looking text (only spaces, zero-width or other invisible
 *   characters) would be an item nobody can see or tell apart: it is refused.
 */
import { z } from './zod';

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** White space and the characters Unicode says a renderer may leave invisible (zero-width, joiners, BOM, fillers). */
const BLANK_LOOKING = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

export const stripBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

export const countBidiControls = (text: string): number => text.match(BIDI_CONTROLS)?.length ?? 0;

export const hasBidiControls = (text: string): boolean => countBidiControls(text) > 0;

/** True for "", spaces, and text made only of invisible characters. */
export const looksBlank = (text: string): boolean => BLANK_LOOKING.test(text);

/** The `params.rule` of the issue a blank-looking text raises, so a file's errors can name it. */
export const BLANK_LOOKING_RULE = 'blank-looking';

/**
 * Display text from a file or the editor: bidi controls removed, then refused
 * if it looks blank. With `optional`, an empty text (no guidance) is allowed,
 * but not one that only looks empty.
 */
export function displayTextSchema(max: number, options: { optional?: boolean } = {}) {
  const base = options.optional
    ? z.string().check(z.maxLength(max))
    : z.string().check(z.minLength(1)).check(z.maxLength(max));
  return z.pipe(base, z.transform(stripBidiControls)).check(
    z.refine((text) => (options.optional && text === '') || !looksBlank(text), {
      message: 'it looks blank (only spaces or invisible characters)',
      params: { rule: BLANK_LOOKING_RULE },
    }),
  );
}
