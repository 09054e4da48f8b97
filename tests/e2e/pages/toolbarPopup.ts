/**
 * The real toolbar popup, opened by a simulated click on the toolbar button
 * (DevTools' Extensions.triggerAction). Playwright does not list the popup as
 * a page, so it is driven through its DevTools target: reading its text,
 * pressing its buttons as a user gesture (which the side panel needs) and
 * taking its picture.
 */
import type { Page } from 'playwright-core';
import type { Harness } from '../harness';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class ToolbarPopup {
  private nextId = 1;
  private readonly replies = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();

  private constructor(
    private readonly harness: Harness,
    private readonly sessionId: string,
  ) {
    harness.cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== undefined) this.replies.get(message.id)?.(message);
    });
  }

  /** Clicks the Callcare toolbar button while `page` is the active tab, and attaches to the popup that opens. */
  static async open(harness: Harness, page: Page): Promise<ToolbarPopup> {
    await page.bringToFront();
    const targets = async (filter: object[]) =>
      ((await harness.cdp.send('Target.getTargets', { filter } as never)) as { targetInfos: TargetInfo[] }).targetInfos;
    const tab = (await targets([{ type: 'tab' }])).find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await harness.cdp.send(
      'Extensions.triggerAction' as never,
      { id: harness.extensionId, targetId: tab.targetId } as never,
    );
    const popupUrl = `chrome-extension://${harness.extensionId}/popup.html`;
    let popup: TargetInfo | undefined;
    while (!popup) {
      popup = (await targets([{ type: 'page' }])).find((target) => target.url === popupUrl);
    }
    const { sessionId } = (await harness.cdp.send('Target.attachToTarget', {
      targetId: popup.targetId,
      flatten: false,
    })) as { sessionId: string };
    return new ToolbarPopup(harness, sessionId);
  }

  private send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      this.replies.set(id, (message) => {
        this.replies.delete(id);
        if (message.error) reject(new Error(message.error.message));
        else resolve(message.result as T);
      });
    });
    void this.harness.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    } as never);
    return reply;
  }

  private async evaluate<T>(expression: string): Promise<T> {
    const result = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
    return result.result.value;
  }

  /** The popup's visible text, once it contains `expected`. */
  async textOnceItShows(expected: string): Promise<string> {
    return this.evaluate<string>(`new Promise((resolve) => {
      const look = () => {
        const text = document.body ? document.body.innerText : "";
        if (text.includes(${JSON.stringify(expected)})) resolve(text); else requestAnimationFrame(look);
      };
      look();
    })`);
  }

  /** Presses the button with this accessible name, as a user gesture. */
  async pressButton(name: string): Promise<void> {
    const pressed = await this.evaluate<boolean>(`(() => {
      const button = [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent).trim() === ${JSON.stringify(name)});
      if (!button) return false;
      button.click();
      return true;
    })()`);
    if (!pressed) throw new Error(`the popup has no button named "${name}"`);
  }

  async screenshot(path: string): Promise<void> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, Buffer.from(data, 'base64'));
  }
}
