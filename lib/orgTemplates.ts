/**
 * An organisation's checklist templates, from its policy. They are not stored
 * as the practitioner's own: each is read from the policy, with a version
 * Callcare keeps, which goes up by one whenever the policy's template changes.
 * A session takes its copy of the version in force, so past sessions keep the
 * version they ran with.
 */
import { orgTemplateId, type Policy, type PolicyTemplate } from './policy';
import type { Template } from './schemas';
import { orgTemplateVersions } from './storage/items';
import { withLock } from './storage/lock';

export const isOrgTemplate = (id: string): boolean => id.startsWith('org-');

type OrgTemplateVersions = Awaited<ReturnType<typeof orgTemplateVersions.get>>;

/** A short fingerprint of a template's name and items (FNV-1a), enough to tell that the policy changed it. */
export function contentHash(template: Pick<PolicyTemplate, 'name' | 'items'>): string {
  const text = JSON.stringify([
    template.name,
    template.items.map((item) => [item.id, item.phase, item.kind, item.text, item.guidance ?? '']),
  ]);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The version a policy template has: the kept one while its content is the same, the next one once it changed. */
export function versionOf(template: PolicyTemplate, versions: OrgTemplateVersions): number {
  const kept = Object.hasOwn(versions, template.id) ? versions[template.id] : undefined;
  if (!kept) return 1;
  return kept.hash === contentHash(template) ? kept.version : kept.version + 1;
}

/** The organisation's templates as Callcare uses them. */
export function orgTemplates(policy: Policy, versions: OrgTemplateVersions): Template[] {
  return (policy.templates ?? []).map((template) => ({
    id: orgTemplateId(template.id),
    name: template.name,
    version: versionOf(template, versions),
    updatedAt: 0,
    items: template.items.map((item) => ({ ...item, guidance: item.guidance ?? '' })),
  }));
}

/** The versions to keep after reading `policy`: unchanged templates keep theirs, changed ones take the next. */
export function nextVersions(policy: Policy, versions: OrgTemplateVersions): OrgTemplateVersions {
  const next: OrgTemplateVersions = { ...versions };
  for (const template of policy.templates ?? []) {
    next[template.id] = { version: versionOf(template, versions), hash: contentHash(template) };
  }
  return next;
}

/** Keeps the versions in step with the policy (the background does this at start and whenever the policy changes). */
export function recordOrgTemplateVersions(policy: Policy): Promise<void> {
  return withLock('templates', async () => {
    const versions = await orgTemplateVersions.get();
    const next = nextVersions(policy, versions);
    if (JSON.stringify(next) !== JSON.stringify(versions)) await orgTemplateVersions.set(next);
  });
}
