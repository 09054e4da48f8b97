/**
 * Sessions as every page reads them. A session's checklist (its items'
 * wording, most of what a session weighs) is stored once, under a hash of the
 * items, however many sessions ran with it; a stored session refers to it.
 * Reading puts the items back, so the rest of Callcare sees whole sessions.
 * Only store.ts writes sessions and checklists.
 */
import type { ChecklistItem, Session, StoredSession } from '../schemas';
import { checklists, storedSessions } from '../storage/items';

/** Checklists never change once stored (their key is their content): each context keeps those it has read. */
const known = new Map<string, ChecklistItem[]>();
const hashes = new Map<string, string>();

/** Forgets the checklists this context has read (for tests: a fresh context). */
export function forgetKnownChecklists(): void {
  known.clear();
  hashes.clear();
}

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** The key a checklist is stored under: the first 128 bits of the SHA-256 of its items. */
export async function checklistRef(items: readonly ChecklistItem[]): Promise<string> {
  const text = JSON.stringify(items.map(({ id, phase, kind, text, guidance }) => [id, phase, kind, text, guidance]));
  const cached = hashes.get(text);
  if (cached) return cached;
  const ref = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).slice(0, 32);
  hashes.set(text, ref);
  known.set(ref, [...items]);
  return ref;
}

export const hasInlineChecklist = (
  stored: StoredSession,
): stored is StoredSession & { template: { items: ChecklistItem[] } } => 'items' in stored.template;

/**
 * Stands in when a session's stored checklist cannot be read (set aside as
 * damaged): every recorded item is still shown, by its id.
 */
const standIns = new WeakSet<readonly ChecklistItem[]>();

/** Whether these items stand in for a checklist that could not be read. */
export const isStandIn = (items: readonly ChecklistItem[]) => standIns.has(items);

function itemsFromRecords(stored: StoredSession): ChecklistItem[] {
  const items: ChecklistItem[] = [
    ...Object.keys(stored.agreements).map((id) => ({
      id,
      phase: 'rules' as const,
      kind: 'agreement' as const,
      text: id,
      guidance: '',
    })),
    ...Object.keys(stored.checks).map((id) => ({
      id,
      phase: 'before' as const,
      kind: 'check' as const,
      text: id,
      guidance: '',
    })),
  ];
  standIns.add(items);
  return items;
}

const reading = new Map<string, Promise<ChecklistItem[] | undefined>>();

function itemsFor(ref: string): Promise<ChecklistItem[] | undefined> {
  const cached = known.get(ref);
  if (cached) return Promise.resolve(cached);
  // Thousands of sessions read at once share one read of their checklist.
  let pending = reading.get(ref);
  if (!pending) {
    pending = checklists.get(ref).then(
      (checklist) => {
        reading.delete(ref);
        if (checklist) known.set(ref, checklist.items);
        return checklist?.items;
      },
      (error: unknown) => {
        reading.delete(ref);
        throw error;
      },
    );
    reading.set(ref, pending);
  }
  return pending;
}

/** A stored session made whole, with `lookup` giving a referenced checklist's items. */
export async function hydrate(
  stored: StoredSession,
  lookup: (ref: string) => Promise<ChecklistItem[] | undefined> = itemsFor,
): Promise<Session> {
  if (hasInlineChecklist(stored)) return stored as Session;
  const { checklist, ...template } = stored.template as {
    checklist: string;
    id: string;
    name: string;
    version: number;
  };
  const items = (await lookup(checklist)) ?? itemsFromRecords(stored);
  return { ...stored, template: { ...template, items } };
}

export const sessions = {
  spec: storedSessions.spec,
  async get(id: string): Promise<Session | undefined> {
    const stored = await storedSessions.get(id);
    return stored && hydrate(stored);
  },
  async all(): Promise<Session[]> {
    return Promise.all((await storedSessions.all()).map((stored) => hydrate(stored)));
  },
  watch: storedSessions.watch,
};
