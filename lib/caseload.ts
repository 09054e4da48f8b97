import { BUILT_IN_TEMPLATE_ID, builtInTemplate, snapshotOf } from './checklist';
import { CallcareError } from './errors';
import { t } from './i18n';
import { languageReady } from './i18n/start';
import { isOrgTemplate, orgTemplates } from './orgTemplates';
import type { Client, Session, Template, TemplateSnapshot } from './schemas';
import { readDigest } from './sessions/digestStore';
import { sessions } from './sessions/records';
import { clearEverything, deleteSessions } from './sessions/store';
import { readPolicy, settings } from './settings';
import { clients, orgTemplateVersions, templates } from './storage/items';
import { withLock } from './storage/lock';
import { parseTemplateFile, type TemplateFileResult } from './templateFile';
import { nextVersion } from './templates';
import { looksBlank, stripBidiControls } from './text';

const newId = () => crypto.randomUUID();

// Clients

const sameCode = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** A client code as typed, without direction-control characters; null when nothing visible is left. */
function cleanCode(code: string): string | null {
  const cleaned = stripBidiControls(code).trim();
  return looksBlank(cleaned) ? null : cleaned;
}

export type ClientResult = { ok: true; client: Client } | { ok: false; error: string };

export function createClient(code: string, now = Date.now()): Promise<ClientResult> {
  return withLock('clients', async () => {
    const trimmed = cleanCode(code);
    if (trimmed === null) return { ok: false, error: t('clientCodeRequired') };
    if (trimmed.length > 60) return { ok: false, error: t('clientCodeTooLong') };
    if ((await clients.all()).some((client) => sameCode(client.code, trimmed))) {
      return { ok: false, error: t('clientCodeTaken', { code: trimmed }) };
    }
    const client: Client = {
      id: newId(),
      code: trimmed,
      createdAt: now,
      archivedAt: null,
      considerations: {},
      language: null,
    };
    await clients.put(client);
    return { ok: true, client };
  });
}

export async function renameClient(id: string, code: string): Promise<ClientResult> {
  return withLock('clients', async () => {
    const trimmed = cleanCode(code);
    if (trimmed === null) return { ok: false, error: t('clientCodeRequired') };
    if ((await clients.all()).some((client) => client.id !== id && sameCode(client.code, trimmed))) {
      return { ok: false, error: t('clientCodeTaken', { code: trimmed }) };
    }
    const client = await clients.update(id, (current) => ({ ...current, code: trimmed }));
    return client ? { ok: true, client } : { ok: false, error: t('clientNotFound') };
  });
}

export function withArchived(client: Client, archived: boolean, now: number): Client {
  return { ...client, archivedAt: archived ? (client.archivedAt ?? now) : null };
}

/**
 * A client's sessions, newest first. The digest says which they are, so only
 * those records are read, not every session stored (a client's page reads
 * them again at every change to any session).
 */
export async function sessionsOfClient(clientId: string): Promise<Session[]> {
  const digest = await readDigest();
  const ids = Object.entries(digest.entries)
    .filter(([, entry]) => entry.clientId === clientId)
    .map(([id]) => id);
  const theirs = await Promise.all(ids.map((id) => sessions.get(id)));
  return theirs
    .filter((session): session is Session => session !== undefined && session.clientId === clientId)
    .sort((a, b) => b.startedAt - a.startedAt);
}

/** Deletes a client with all their sessions and notes. Returns how many sessions went with them. */
export async function deleteClient(clientId: string): Promise<number> {
  // Every record is read here, not only those the digest names: none of theirs may stay behind.
  const theirs = (await sessions.all()).filter((session) => session.clientId === clientId);
  await deleteSessions(theirs.map((session) => session.id));
  await clients.remove(clientId);
  return theirs.length;
}

// Templates

/** Every template, the default first. The built-in default stands in until it has been edited. */
export async function allTemplates(): Promise<Template[]> {
  const [stored, organisation] = await Promise.all([templates.all(), organisationTemplates()]);
  const withDefault = stored.some((template) => template.id === BUILT_IN_TEMPLATE_ID)
    ? stored
    : [builtInTemplate(), ...stored];
  const own = withDefault.sort((a, b) =>
    a.id === BUILT_IN_TEMPLATE_ID ? -1 : b.id === BUILT_IN_TEMPLATE_ID ? 1 : a.name.localeCompare(b.name),
  );
  // The organisation's templates first: they are the ones its practitioners are asked to use.
  return [...organisation, ...own];
}

/** The templates the organisation's policy gives, each at its current version. */
async function organisationTemplates(): Promise<Template[]> {
  const [{ policy }, versions] = await Promise.all([readPolicy(), orgTemplateVersions.get()]);
  return orgTemplates(policy, versions);
}

/** Calls `onChange` whenever the templates may have changed: the practitioner's own, or the organisation's policy. */
export function watchTemplates(onChange: () => void): () => void {
  const stopTemplates = templates.watch(onChange);
  const stopSettings = settings.watch(onChange);
  const stopVersions = orgTemplateVersions.watch(onChange);
  return () => {
    stopTemplates();
    stopSettings();
    stopVersions();
  };
}

export async function templateById(id: string): Promise<Template | undefined> {
  if (isOrgTemplate(id)) return (await organisationTemplates()).find((template) => template.id === id);
  return (await templates.get(id)) ?? (id === BUILT_IN_TEMPLATE_ID ? builtInTemplate() : undefined);
}

/** The copy a new session takes of the practitioner's chosen default template. */
export async function templateForNewSession(): Promise<TemplateSnapshot> {
  await languageReady();
  const { defaultTemplateId } = await settings.get();
  return snapshotOf((await templateById(defaultTemplateId)) ?? builtInTemplate());
}

/** Saves an edited template as its next version. */
export function saveTemplate(draft: Template, now = Date.now()): Promise<Template> {
  // The organisation keeps its templates: they are copied, never edited here.
  if (isOrgTemplate(draft.id)) return Promise.reject(new CallcareError('not-allowed-by-organisation'));
  return withLock('templates', async () => {
    const saved = await templateById(draft.id);
    const next = nextVersion(saved, draft, now);
    await templates.put(next);
    return next;
  });
}

export async function createTemplate(name: string, from: Template, now = Date.now()): Promise<Template> {
  const template: Template = { id: newId(), name: name.trim(), version: 1, updatedAt: now, items: from.items };
  await templates.put(template);
  return template;
}

/** Deletes a template (the edited default goes back to the built-in one). Sessions keep their own copies. */
export async function deleteTemplate(id: string): Promise<void> {
  await templates.remove(id);
  // The template chosen for new sessions is gone: the choice goes with it, so the organisation's default (or
  // Callcare's own checklist) applies again.
  if ((await settings.get()).defaultTemplateId === id && id !== BUILT_IN_TEMPLATE_ID) {
    await settings.forget('defaultTemplateId', BUILT_IN_TEMPLATE_ID);
  }
}

/** Reads a template file and, only if all of it is valid, adds it as a new template. */
export async function importTemplate(text: string, now = Date.now()): Promise<TemplateFileResult & { id?: string }> {
  const result = parseTemplateFile(text);
  if (!result.ok) return result;
  const template: Template = {
    id: newId(),
    name: result.template.name,
    version: 1,
    updatedAt: now,
    items: result.template.items,
  };
  await templates.put(template);
  return { ...result, id: template.id };
}

// Deleting

/** Deletes one session and its note. */
export async function deleteSession(sessionId: string): Promise<void> {
  await deleteSessions([sessionId]);
}

export { deleteSessions };

/** Deletes every client, session, template and setting Callcare holds, and forgets the passphrase. */
export function deleteEverything(): Promise<void> {
  return clearEverything();
}
