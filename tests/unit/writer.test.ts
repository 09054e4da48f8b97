import { describe, expect, it } from 'vitest';
import type { Edit } from '../../lib/sessions/edits';
import { sessionWriter } from '../../lib/sessions/writer';

const note = (text: string): Edit => ({ type: 'agreement-note', itemId: 'rule-cameras', note: text });

/** A store whose writes finish only when the test says so. */
function slowStore() {
  const writes: Edit[][] = [];
  const finish: Array<(failure?: Error) => void> = [];
  const store = (edits: Edit[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push(edits);
      finish.push((failure) => (failure ? reject(failure) : resolve()));
    });
  const next = async () => {
    await Promise.resolve();
    finish.shift()?.();
    await Promise.resolve();
  };
  return { writes, finish, store, next };
}

describe("a page's session writer", () => {
  it('keeps one write in flight and puts every edit made meanwhile into the next one', async () => {
    const slow = slowStore();
    const writer = sessionWriter(slow.store, () => undefined);
    const typed = 'Camera broken'.split('').map((_, index, all) => all.slice(0, index + 1).join(''));
    const saved = typed.map((text) => writer.save(note(text)));
    expect(slow.writes).toHaveLength(1);
    expect(writer.state().unsaved).toHaveLength(typed.length);
    await slow.next();
    await slow.next();
    await Promise.all(saved);
    // Thirteen keys, two writes: the first key, then everything typed while it was in flight.
    expect(slow.writes.map((batch) => batch.length)).toEqual([1, typed.length - 1]);
    expect(writer.state().unsaved).toEqual([]);
    // Shown on top of the stored record until the page has read it back.
    expect(writer.state().written).toHaveLength(typed.length);
    writer.readBack();
    expect(writer.state().written).toEqual([]);
  });

  it('hands what is not yet stored, the write in flight included, to the background', async () => {
    const slow = slowStore();
    const handed: Edit[][] = [];
    const writer = sessionWriter(slow.store, (edits) => handed.push(edits));
    void writer.save(note('a'));
    void writer.save(note('ab'));
    writer.handOff();
    expect(handed).toEqual([[note('a'), note('ab')]]);
    await slow.next();
    await slow.next();
    writer.handOff();
    expect(handed).toHaveLength(1);
  });

  it('reports a failed write and goes on with the next edits', async () => {
    const slow = slowStore();
    const writer = sessionWriter(slow.store, () => undefined);
    const first = writer.save(note('a'));
    const second = writer.save(note('ab'));
    await Promise.resolve();
    slow.finish.shift()?.(new Error('disk full'));
    await expect(first).rejects.toThrow('disk full');
    expect(String(writer.state().error)).toContain('disk full');
    await slow.next();
    await second;
    expect(writer.state()).toMatchObject({ unsaved: [], error: null });
  });
});
