import { useTranslation } from 'react-i18next';
import type { Template } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ConfirmButton } from './ConfirmButton';
import { useDeleteTemplate, useReplaceTemplate, visibilityBody } from './api';

interface TemplateCardProps {
  project: string;
  template: Template;
  canAdminister: boolean;
  onEdit: () => void;
}

/** One template: what it describes and accepts, its fields, and for project admins what may be done with it. */
export function TemplateCard({ project, template, canAdminister, onEdit }: TemplateCardProps) {
  const { t } = useTranslation('templates');
  const headingId = `template-${template.name}`;
  return (
    <article className="card template-card" aria-labelledby={headingId}>
      <div className="spread">
        <h2 id={headingId}>
          {template.label || template.name} <code className="muted">{template.name}</code>
        </h2>
        <Flags template={template} />
      </div>
      {template.description && <p>{template.description}</p>}
      <dl className="facts">
        <dt>{t('list.types')}</dt>
        <dd>{template.accepted_mime_types.length ? template.accepted_mime_types.join(', ') : t('list.anyType')}</dd>
      </dl>
      <FieldsTable template={template} />
      {canAdminister && <TemplateActions project={project} template={template} onEdit={onEdit} />}
    </article>
  );
}

function Flags({ template }: { template: Template }) {
  const { t } = useTranslation('templates');
  return (
    <span className="row">
      {!template.visible && <span className="badge badge-warn">{t('list.hidden')}</span>}
      {!template.editable && <span className="badge badge-muted">{t('list.notEditable')}</span>}
      {!template.deletable && <span className="badge badge-muted">{t('list.notDeletable')}</span>}
    </span>
  );
}

function FieldsTable({ template }: { template: Template }) {
  const { t } = useTranslation('templates');
  if (template.fields.length === 0) return <p className="muted">{t('list.noFields')}</p>;
  return (
    <div className="table-scroll">
      <table aria-label={t('list.fieldsOf', { name: template.name })}>
        <thead>
          <tr>
            <th scope="col">{t('list.fieldName')}</th>
            <th scope="col">{t('list.fieldLabel')}</th>
            <th scope="col">{t('list.fieldType')}</th>
            <th scope="col">{t('list.fieldRequired')}</th>
            <th scope="col">{t('list.fieldOptions')}</th>
          </tr>
        </thead>
        <tbody>
          {template.fields.map((field) => (
            <tr key={field.name}>
              <td>
                <code>{field.name}</code>
              </td>
              <td>{field.label}</td>
              <td>{t(`types.${field.type}`)}</td>
              <td>{field.required ? t('list.yes') : t('list.no')}</td>
              <td>{field.type === 'enum' ? (field.options ?? []).join(', ') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TemplateActions({ project, template, onEdit }: { project: string; template: Template; onEdit: () => void }) {
  const { t } = useTranslation('templates');
  const replace = useReplaceTemplate(project);
  const remove = useDeleteTemplate(project);
  const toggle = () => replace.mutate({ name: template.name, body: visibilityBody(template, !template.visible) });
  return (
    <div className="template-actions">
      <div className="row">
        {template.editable && (
          <button type="button" className="secondary" onClick={onEdit}>
            {t('common:actions.edit')}
          </button>
        )}
        <button type="button" className="secondary" onClick={toggle} disabled={replace.isPending}>
          {template.visible ? t('list.hide') : t('list.show')}
        </button>
        <ConfirmButton
          label={t('common:actions.delete')}
          question={t('list.confirmDelete', { name: template.name })}
          onConfirm={() => remove.mutate(template.name)}
          busy={remove.isPending}
        />
      </div>
      {!template.editable && <p className="muted hint">{t('list.onlyVisibility')}</p>}
      <ProblemMessage error={replace.error ?? remove.error} />
    </div>
  );
}
