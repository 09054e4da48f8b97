/**
 * zod, set up once for every boundary that parses with it. Import `z` from
 * here, never from 'zod' itself (Biome enforces it).
 *
 * Extension pages forbid evaluating strings as code (their content security
 * policy). zod compiles a fast path for object schemas when it may, and finds
 * out by trying `new Function('')` the first time an object schema is made:
 * the browser reports that try as a policy violation on every page, and
 * Firefox's add-on linter as eval. Jitless, zod never tries, and parses the
 * same way without compiling anything.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
