import { describe, expect, it } from 'vitest';
import type { Edit } from '../../lib/sessions/edits';
import { sessionWriter } from '../../lib/sessions/writer';

const note = (text: string): Edit => ({ type: 'agreement-note', itemId: 'rule-cameras', note: text });

/** Lets every promise that can settle now settle (no time passes). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A store whose writes finish only when the test says so. */
function slowStore() {
  const writes: Edit[][] = [];
  const finish: Array<(failure?: Error) => void> = [];
  const store = (edits: Edit[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push(edits);
      finish.push((failure) => (failure ? reject(failure) : resolve()));
    });
  const next = async (failure?: Error) => {
    await settle();
    finish.shift()?.(failure);
    await settle();
  };
  return { writes, store, next };
}

describe("a page's session writer", () => {
  it('keeps one write in flight and puts every edit made meanwhile into the next one', async () => {
    const slow = slowStore();
    const writer = sessionWriter(slow.store, async () => undefined);
    const typed = 'Camera broken'.split('').map((_, index, all) => all.slice(0, index + 1).join(''));
    const saved = [writer.save(note(typed[0] ?? ''))];
    await settle();
    for (const text of typed.slice(1)) saved.push(writer.save(note(text)));
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

  it('hands what is not yet stored to the background, and writes nothing newer before it has answered', async () => {
    const slow = slowStore();
    const handed: Edit[][] = [];
    let answer: () => void = () => undefined;
    const writer = sessionWriter(slow.store, (edits) => {
      handed.push(edits);
      return new Promise<void>((resolve) => {
        answer = resolve;
      });
    });
    void writer.save(note('a'));
    await settle();
    const queued = writer.save(note('ab'));
    writer.handOff();
    await settle();
    // The write in flight goes too: should the page die now, the background still stores it.
    expect(handed).toEqual([[note('a'), note('ab')]]);
    expect(writer.state().unsaved).toEqual([note('a'), note('ab')]);
    await slow.next();
    // A newer edit waits for the background's answer, so it can never be overwritten by the older one.
    void writer.save(note('abc'));
    await settle();
    expect(slow.writes).toEqual([[note('a')]]);
    answer();
    await queued;
    await settle();
    expect(slow.writes).toEqual([[note('a')], [note('abc')]]);
  });

  it('keeps the edits of a failed write for the next try, and gives up only on a session that is gone', async () => {
    const slow = slowStore();
    const gone = new Error('session is no longer stored');
    const writer = sessionWriter(
      slow.store,
      async () => undefined,
      (failure) => failure === gone,
    );
    const first = writer.save(note('a'));
    await slow.next(new Error('Callcare is locked'));
    expect(String(writer.state().error)).toContain('locked');
    expect(writer.state().unsaved).toEqual([note('a')]);
    writer.retry();
    await slow.next();
    await first;
    expect(slow.writes).toEqual([[note('a')], [note('a')]]);
    expect(writer.state()).toMatchObject({ unsaved: [], error: null });

    const lost = expect(writer.save(note('b'))).rejects.toBe(gone);
    await slow.next(gone);
    await lost;
    expect(writer.state().unsaved).toEqual([]);
  });
});
