/**
 * zod, set up once for every boundary that parses with it. Import `z` from
 * here, never from 'zod' itself (Biome enforces it).
 *
 * It is zod's `zod/mini` build: the same parsing, with checks and wrappers
 * as functions (`z.nullable(s)`, `s.check(z.maxLength(n))`) rather than
 * methods on every schema, so a page or the worker carries only those it
 * uses (about a third of the full build's code).
 *
 * Extension pages forbid evaluating strings as code (their content security
 * policy). zod compiles a fast path for object schemas when it may, and finds
 * out by trying `new Function('')` the first time an object schema is made:
 * the browser reports that try as a policy violation on every page, and
 * Firefox's add-on linter as eval. Jitless, zod never tries, and parses the
 * same way without compiling anything.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };
