import { type FormEvent, useId, useState } from 'react';
import { JsonFileField } from '../../components/JsonFileField';
import {
  EffectiveProvider,
  organisationName,
  organisationSubject,
  useEffective,
  usePolicyControl,
} from '../../components/Organisation';
import { Outcome, type OutcomeMessage } from '../../components/Outcome';
import { useStored } from '../../components/useStored';
import {
  allTemplates,
  createTemplate,
  deleteTemplate,
  importTemplate,
  templateById,
  watchTemplates,
} from '../../lib/caseload';
import { BUILT_IN_TEMPLATE_ID, builtInTemplate, templateName } from '../../lib/checklist';
import { t } from '../../lib/i18n';
import { errorDetail } from '../../lib/i18n/phrases';
import { isOrgTemplate } from '../../lib/orgTemplates';
import type { Template } from '../../lib/schemas';
import { settings } from '../../lib/settings';
import { templateToFile } from '../../lib/templateFile';

function download(template: Template) {
  const blob = new Blob([templateToFile(template)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${template.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'checklist'}.callcare-template.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** "Make it the default" (where it may be) and "Export", for any template. */
function DefaultAndExport({ template, offerDefault }: { template: Template; offerDefault: boolean }) {
  return (
    <>
      {offerDefault && (
        <button
          type="button"
          onClick={() => void settings.update((current) => ({ ...current, defaultTemplateId: template.id }))}
        >
          {t('checklistsMakeDefault', { name: template.name })}
        </button>
      )}
      <button type="button" onClick={() => download(template)}>
        {t('checklistsExport', { name: template.name })}
      </button>
    </>
  );
}

/** An organisation's template: marked as theirs, never edited here, copied into an own template to change it. */
function OrgTemplateEntry({ template, isDefault }: { template: Template; isDefault: boolean }) {
  const effective = useEffective();
  const [failure, setFailure] = useState<string | null>(null);
  const defaultLocked = effective?.locked.has('defaultTemplateId') ?? false;
  const organisation = organisationName(effective?.policy ?? {});
  const subject = organisationSubject(effective?.policy ?? {});
  return (
    <li className="card stack">
      <h2 style={{ margin: 0 }}>{template.name}</h2>
      <p className="muted small">
        <span className="badge">{t('orgTemplateBadge', { organisation })}</span>{' '}
        {t('checklistsItemsCount', { count: template.items.length, version: template.version })}
        {isDefault && ` · ${t('checklistsDefault')}`}
      </p>
      <p className="set-by small">{t('orgTemplateReadOnly', { organisation: subject })}</p>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            // A name that would pass the limit keeps the organisation's own name instead.
            const named = t('orgTemplateCopyName', { name: template.name });
            createTemplate(named.length <= 100 ? named : template.name, template).then(
              (copy) => {
                location.hash = `#checklist/${encodeURIComponent(copy.id)}`;
              },
              (failure: unknown) => setFailure(t('errorGeneric', { detail: errorDetail(failure) })),
            );
          }}
        >
          {t('orgTemplateCopy')}
        </button>
        <DefaultAndExport template={template} offerDefault={!isDefault && !defaultLocked} />
      </div>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}

function TemplateEntry({ template, isDefault }: { template: Template; isDefault: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const control = usePolicyControl('defaultTemplateId');
  const edited = template.id !== BUILT_IN_TEMPLATE_ID || template.updatedAt > 0;
  if (isOrgTemplate(template.id)) return <OrgTemplateEntry template={template} isDefault={isDefault} />;
  return (
    <li className="card stack">
      <h2 style={{ margin: 0 }}>{templateName(template)}</h2>
      <p className="muted small">
        {t('checklistsItemsCount', { count: template.items.length, version: template.version })}
        {isDefault && ` · ${t('checklistsDefault')}`}
      </p>
      {isDefault && control.note}
      <div className="row">
        <a
          href={`#checklist/${encodeURIComponent(template.id)}`}
          aria-label={t('checklistsEdit', { name: template.name })}
        >
          {t('checklistsEdit', { name: template.name })}
        </a>
        <DefaultAndExport template={template} offerDefault={!isDefault && !control.locked} />
        {edited &&
          (confirming ? (
            <span className="row">
              <span>
                {template.id === BUILT_IN_TEMPLATE_ID
                  ? t('checklistsResetDefault')
                  : t('checklistsDeleteConfirm', { name: template.name })}
              </span>
              <button type="button" className="danger" onClick={() => void deleteTemplate(template.id)}>
                {template.id === BUILT_IN_TEMPLATE_ID
                  ? t('checklistsResetDefault')
                  : t('checklistsDelete', { name: template.name })}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {template.id === BUILT_IN_TEMPLATE_ID
                ? t('checklistsResetDefault')
                : t('checklistsDelete', { name: template.name })}
            </button>
          ))}
      </div>
    </li>
  );
}

export function TemplatesView() {
  const ids = { name: useId() };
  // The organisation's templates change with its policy, which settings.watch follows.
  const all = useStored(allTemplates, watchTemplates, 'templates');
  const chosen = useStored(() => settings.get(), settings.watch, 'settings');
  const effective = useEffective();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<OutcomeMessage | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length === 0) return;
    const base = (await templateById(chosen.value?.defaultTemplateId ?? BUILT_IN_TEMPLATE_ID)) ?? builtInTemplate();
    const made = await createTemplate(name, base);
    setName('');
    location.hash = `#checklist/${encodeURIComponent(made.id)}`;
  };

  const importFile = async (text: string) => {
    const result = await importTemplate(text);
    setStatus(
      result.ok
        ? {
            text: [
              t('checklistsImported', { name: result.template.name, count: result.template.items.length }),
              ...(result.neutralised > 0 ? [t('textDirectionRemoved', { count: result.neutralised })] : []),
            ].join(' '),
          }
        : { text: t('checklistsImportFailed'), errors: result.errors },
    );
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('checklistsTitle')}</h1>
      <p>{t('checklistsIntro')}</p>
      {all.value === undefined || chosen.value === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <EffectiveProvider value={effective}>
          <ul className="plain">
            {all.value.map((template) => (
              <TemplateEntry
                key={template.id}
                template={template}
                isDefault={template.id === chosen.value?.defaultTemplateId}
              />
            ))}
          </ul>
        </EffectiveProvider>
      )}
      <form className="card stack" onSubmit={create} aria-label={t('checklistsCreate')}>
        <div className="field">
          <label htmlFor={ids.name}>{t('checklistsNewName')}</label>
          <input
            id={ids.name}
            type="text"
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <button type="submit">{t('checklistsCreate')}</button>
      </form>
      <div className="card stack">
        <JsonFileField
          label={t('checklistsImport')}
          hint={t('checklistsImportHint')}
          onText={(text) => void importFile(text)}
        />
        <Outcome outcome={status} />
      </div>
    </>
  );
}
