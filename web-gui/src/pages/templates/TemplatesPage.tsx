import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useProject } from '../../session/useProject';
import { useTemplates } from './api';
import { TemplateCard } from './TemplateCard';
import { TemplateForm } from './TemplateForm';
import './templates.css';

/** What is being edited: nothing, a new template, or the template of that name. */
type Editing = null | { create: true } | { name: string };

export function TemplatesPage() {
  const { t } = useTranslation('templates');
  const { project, canAdminister } = useProject();
  const templates = useTemplates(project, canAdminister);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (name: string) => {
    setEditing(null);
    setSaved(name);
  };
  const edit = (next: Editing) => {
    setSaved(null);
    setEditing(next);
  };

  return (
    <section className="templates-page">
      <div className="spread">
        <PageTitle title={t('title')}>{t('title')}</PageTitle>
        {canAdminister && !editing && (
          <button type="button" onClick={() => edit({ create: true })}>
            {t('list.new')}
          </button>
        )}
      </div>
      <p className="muted">{canAdminister ? t('intro') : t('introReadOnly')}</p>
      {saved && (
        <p className="notice" role="status">
          {t('list.saved', { name: saved })}
        </p>
      )}
      {editing && 'create' in editing && <TemplateForm project={project} onDone={done} onCancel={() => setEditing(null)} />}
      {templates.isPending && <Loading />}
      {templates.error && <ProblemMessage error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.data && templates.data.items.length === 0 && <p>{t('list.empty')}</p>}
      {templates.data?.items.map((template) =>
        editing && 'name' in editing && editing.name === template.name ? (
          <TemplateForm key={template.name} project={project} template={template} onDone={done} onCancel={() => setEditing(null)} />
        ) : (
          <TemplateCard key={template.name} project={project} template={template} canAdminister={canAdminister} onEdit={() => edit({ name: template.name })} />
        ),
      )}
    </section>
  );
}
