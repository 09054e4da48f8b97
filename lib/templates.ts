/** Editing a checklist template: pure steps on a draft, and saving it as a new version. */
import type { ChecklistItem, Template } from './schemas';

export function addItem(template: Template, item: ChecklistItem): Template {
  return { ...template, items: [...template.items, item] };
}

export function updateItem(template: Template, itemId: string, patch: Partial<Omit<ChecklistItem, 'id'>>): Template {
  return { ...template, items: template.items.map((item) => (item.id === itemId ? { ...item, ...patch } : item)) };
}

export function removeItem(template: Template, itemId: string): Template {
  return { ...template, items: template.items.filter((item) => item.id !== itemId) };
}

/** Moves an item one place up (-1) or down (1) among the items of its phase. */
export function moveItem(template: Template, itemId: string, direction: -1 | 1): Template {
  const items = [...template.items];
  const from = items.findIndex((item) => item.id === itemId);
  const moving = items[from];
  if (!moving) return template;
  let to = from + direction;
  while (to >= 0 && to < items.length && items[to]?.phase !== moving.phase) to += direction;
  const other = items[to];
  if (!other) return template;
  items[to] = moving;
  items[from] = other;
  return { ...template, items };
}

/** A saved edit is a new version; sessions keep the version they ran with. */
export function nextVersion(saved: Template | undefined, draft: Template, now: number): Template {
  return { ...draft, version: (saved?.version ?? draft.version) + 1, updatedAt: now };
}

/** An id for a new item that no item of the template has yet. */
export function newItemId(template: Template, random: () => string): string {
  let id = `item-${random()}`;
  while (template.items.some((item) => item.id === id)) id = `item-${random()}`;
  return id;
}
