/**
 * A small client for Marionette, Firefox's own remote protocol, which Debian's
 * firefox-esr speaks with no driver to download (there is no geckodriver in
 * Debian, and the npm package fetches a binary). Only what the journeys use.
 *
 * The protocol, over TCP: Firefox first sends a greeting, then each message is
 * `<length>:<JSON>`. A command is `[0, id, name, params]`; its answer is
 * `[1, id, error, result]`, where `error` is null or `{error, message, stacktrace}`.
 * Commands are those of WebDriver classic ("WebDriver:Navigate") plus
 * Marionette's own ("Marionette:SetContext", "Addon:Install").
 * See https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html
 */
import { connect, type Socket } from 'node:net';

export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly code: string,
    message: string,
  ) {
    super(`${command}: ${code}: ${message}`);
  }
}

/** A reference to an element, as WebDriver hands it over and takes it back. */
export type ElementReference = { 'element-6066-11e4-a52e-4f735466cecf': string };

type Pending = { command: string; resolve: (value: unknown) => void; reject: (error: Error) => void };

export class Marionette {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = Buffer.alloc(0);
  private greeted: () => void = () => {};
  private closed: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.fail(new Error('Marionette connection closed')));
    socket.on('error', (error) => this.fail(error));
  }

  /** Connects once Firefox listens on `port`; retries until `timeoutMs` has passed. */
  static async connect(port: number, timeoutMs = 30_000): Promise<Marionette> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await Marionette.connectOnce(port);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100)); // Firefox is still starting: nothing to await but the port.
      }
    }
  }

  private static connectOnce(port: number): Promise<Marionette> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        const client = new Marionette(socket);
        client.greeted = () => resolve(client);
      });
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const message: unknown = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString());
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) {
        this.greeted();
        continue;
      }
      const [, id, error, result] = message as [number, number, { error: string; message: string } | null, unknown];
      const pending = this.pending.get(id);
      if (!pending) continue;
      this.pending.delete(id);
      if (error) pending.reject(new MarionetteError(pending.command, error.error, error.message));
      else pending.resolve(result);
    }
  }

  private fail(error: Error): void {
    this.closed = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** Sends one command and waits for its answer. */
  send<T = unknown>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const text = JSON.stringify([0, id, command, params]);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (value: unknown) => void, reject });
      this.socket.write(`${Buffer.byteLength(text)}:${text}`);
    });
  }

  /** Runs a script in the current context ("content": the current tab's page; "chrome": the browser itself). */
  async execute<T>(script: string, args: unknown[] = []): Promise<T> {
    const answer = await this.send<{ value: T }>('WebDriver:ExecuteScript', { script, args });
    return answer.value;
  }

  /** Runs a script whose last argument is a callback; waits for it to be called. */
  async executeAsync<T>(script: string, args: unknown[] = []): Promise<T> {
    const answer = await this.send<{ value: T }>('WebDriver:ExecuteAsyncScript', { script, args });
    return answer.value;
  }

  async setContext(context: 'chrome' | 'content'): Promise<void> {
    await this.send('Marionette:SetContext', { value: context });
  }

  close(): void {
    this.socket.destroy();
  }
}
