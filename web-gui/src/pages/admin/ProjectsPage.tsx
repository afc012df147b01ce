import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { post } from '../../api/client';
import type { Project } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../format';
import { useSession } from '../../session/SessionContext';
import { useProjects } from '../../session/useProject';
import { AdminFrame } from './AdminFrame';

/** The server's naming rule, checked first so that a typo is pointed at before anything is sent. */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function ProjectsPage() {
  const { t } = useTranslation('admin');
  const projects = useProjects();
  return (
    <AdminFrame title={t('projects.title')}>
      <CreateProjectForm />
      <h2 id="projects-list">{t('projects.list')}</h2>
      {projects.isPending && <Loading />}
      {projects.error && <ProblemMessage error={projects.error} onRetry={() => void projects.refetch()} />}
      {projects.data && projects.data.items.length === 0 && <p className="muted">{t('projects.empty')}</p>}
      {projects.data && projects.data.items.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="projects-list">
            <thead>
              <tr>
                <th scope="col">{t('projects.name')}</th>
                <th scope="col">{t('projects.description')}</th>
                <th scope="col">{t('projects.created')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.data.items.map((p) => (
                <tr key={p.name}>
                  <td>
                    <Link to={`/p/${encodeURIComponent(p.name)}`}>{p.name}</Link>
                  </td>
                  <td>{p.description}</td>
                  <td>{formatDateTime(p.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminFrame>
  );
}

function CreateProjectForm() {
  const { t } = useTranslation('admin');
  const { refreshUser } = useSession();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; description: string }) => post<Project>('/api/v1/projects', body),
    // The new project must show in the switcher: the user's roles and the project list are fetched again.
    onSuccess: async (project) => {
      setCreated(project.name);
      setName('');
      setDescription('');
      setChecked(false);
      await refreshUser();
      await queries.invalidateQueries({ queryKey: ['projects'] });
    },
  });
  const invalid = !PROJECT_NAME.test(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setCreated(null);
    if (!invalid) create.mutate({ name, description: description.trim() });
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-project-title">
      <h2 id="create-project-title">{t('projects.create')}</h2>
      <div className="grid-2">
        <div>
          <label htmlFor="project-name">{t('projects.name')}</label>
          <input
            id="project-name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={(checked && invalid) || undefined}
            aria-describedby="project-name-rule"
          />
          <p id="project-name-rule" className={checked && invalid ? 'field-error' : 'muted hint'}>
            {t('projects.nameRule')}
          </p>
        </div>
        <div>
          <label htmlFor="project-description">{t('projects.description')}</label>
          <input id="project-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
      </div>
      <ProblemMessage error={create.error} />
      {created && (
        <p className="notice" role="status">
          {t('projects.createdNotice', { name: created })} <Link to={`/p/${encodeURIComponent(created)}`}>{t('projects.open', { name: created })}</Link>
        </p>
      )}
      <button type="submit" className="form-submit" disabled={create.isPending}>
        {t('projects.createButton')}
      </button>
    </form>
  );
}
