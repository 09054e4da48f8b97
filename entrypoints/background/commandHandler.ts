/** Carries out the commands extension pages send (lib/commands.ts), after checking who sent them. */

import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { type CommandReply, commandSchema } from '../../lib/commands';
import { clearAftercareNotification } from '../../lib/extension/prompts';
import { endByPractitioner, type LifecycleEvent, restartOnTab, startByHand } from '../../lib/sessions/lifecycle';
import { storeHandedEdits } from '../../lib/sessions/store';
import { openAftercarePage } from './aftercarePrompt';

/** Only this extension's own pages may command it; call pages and other extensions may not. */
export function isFromThisExtension(sender: Browser.runtime.MessageSender): boolean {
  return (
    sender.id === browser.runtime.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL('/'))
  );
}

export async function handleCommand(
  message: unknown,
  follow: (work: Promise<LifecycleEvent[]>) => void,
): Promise<CommandReply> {
  const parsed = commandSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: 'not-understood' };
  const command = parsed.data;
  try {
    switch (command.type) {
      case 'start-by-hand': {
        const work = startByHand(command.platform);
        follow(work);
        const [started] = await work;
        return { ok: true, sessionId: started?.session.id };
      }
      case 'end-session': {
        const work = endByPractitioner(command.sessionId);
        follow(work);
        await work;
        return { ok: true };
      }
      case 'restart-on-tab': {
        const tab = await browser.tabs.get(command.tabId);
        const work = restartOnTab(command.tabId, tab.url);
        follow(work);
        const started = (await work).find((event) => event.type === 'started');
        return started ? { ok: true, sessionId: started.session.id } : { ok: false, error: 'not-a-call' };
      }
      case 'open-aftercare':
        await openAftercarePage(command.sessionId);
        return { ok: true };
      case 'apply-edits': {
        const stored = await storeHandedEdits(command.sessionId, command.edits);
        if (stored?.status === 'complete') await clearAftercareNotification(stored.id);
        return { ok: true };
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
