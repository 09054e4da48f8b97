/** Sends a command to the background from an extension page and reads its reply. */
import { browser } from 'wxt/browser';
import { type Command, type CommandReply, commandReplySchema } from '../commands';

export async function sendCommand(command: Command): Promise<CommandReply> {
  try {
    const reply = commandReplySchema.safeParse(await browser.runtime.sendMessage(command));
    return reply.success ? reply.data : { ok: false, error: 'no-answer' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
