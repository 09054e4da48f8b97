/**
 * The commands extension pages send to the background. Messages carry
 * commands only; state is always read from storage. Every message is parsed
 * before it is acted on.
 */

import { sessionPlatformSchema } from './schemas';
import { editsSchema } from './sessions/edits';
import { z } from './zod';

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start-by-hand'), platform: sessionPlatformSchema }),
  z.object({ type: z.literal('end-session'), sessionId: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('restart-on-tab'), tabId: z.int().check(z.nonnegative()) }),
  z.object({ type: z.literal('open-aftercare'), sessionId: z.string().check(z.minLength(1)) }),
  /** Edits a page could not store before it was hidden or closed (lib/sessions/writer.ts). */
  z.object({ type: z.literal('apply-edits'), sessionId: z.string().check(z.minLength(1)), edits: editsSchema }),
]);

export type Command = z.infer<typeof commandSchema>;

export const commandReplySchema = z.union([
  z.object({ ok: z.literal(true), sessionId: z.optional(z.string()) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type CommandReply = z.infer<typeof commandReplySchema>;

/**
 * Turning protection on or off and changing the passphrase run in the service
 * worker, over a port named PROTECTION_PORT: the page sends one job, the worker
 * answers with its progress and then how it ended. The worker runs on its own
 * thread, so the extension's pages (which all share one renderer's main
 * thread in Chromium) stay responsive while thousands of records are sealed.
 */
export const PROTECTION_PORT = 'protection-job';

export const protectionJobSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('turn-on'), passphrase: z.string().check(z.minLength(1)) }),
  z.object({
    type: z.literal('change-passphrase'),
    current: z.string(),
    replacement: z.string().check(z.minLength(1)),
  }),
  z.object({ type: z.literal('turn-off'), passphrase: z.string() }),
]);

export type ProtectionJob = z.infer<typeof protectionJobSchema>;

export const protectionJobUpdateSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    done: z.int().check(z.nonnegative()),
    total: z.int().check(z.nonnegative()),
  }),
  z.object({ type: z.literal('done') }),
  z.object({ type: z.literal('failed'), wrongPassphrase: z.boolean(), error: z.string() }),
]);

export type ProtectionJobUpdate = z.infer<typeof protectionJobUpdateSchema>;
