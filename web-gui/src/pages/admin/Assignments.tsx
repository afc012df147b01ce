import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useSession } from '../../session/SessionContext';
import { useProjects } from '../../session/useProject';
import { useAssignments, useGrant, useRevoke } from './api';

const ROLES: Role[] = ['reader', 'member', 'admin'];

/** The user's roles in projects: revoke one, grant another. */
export function Assignments({ username }: { username: string }) {
  const { t } = useTranslation('admin');
  const assignments = useAssignments(username);
  const revoke = useRevoke(username);
  const afterOwnChange = useOwnRolesRefresh(username);
  const items = assignments.data?.items ?? [];

  return (
    <div className="card">
      <h2 id="assignments-title">{t('assignments.title')}</h2>
      {assignments.isPending && <Loading />}
      <ProblemMessage error={assignments.error ?? revoke.error} />
      {assignments.data && items.length === 0 && <p className="muted">{t('assignments.none')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby="assignments-title">
            <thead>
              <tr>
                <th scope="col">{t('assignments.project')}</th>
                <th scope="col">{t('assignments.role')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('assignments.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={`${a.project}/${a.role}`}>
                  <td>
                    <Link to={`/p/${encodeURIComponent(a.project)}`}>{a.project}</Link>
                  </td>
                  <td>{t(`common:roles.${a.role}`)}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      disabled={revoke.isPending}
                      aria-label={t('assignments.revokeOne', { project: a.project, role: t(`common:roles.${a.role}`) })}
                      onClick={() => revoke.mutate({ project: a.project, role: a.role }, { onSuccess: afterOwnChange })}
                    >
                      {t('assignments.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <GrantForm username={username} onGranted={afterOwnChange} />
    </div>
  );
}

function GrantForm({ username, onGranted }: { username: string; onGranted: () => void }) {
  const { t } = useTranslation('admin');
  const projects = useProjects();
  const grant = useGrant(username);
  const [project, setProject] = useState('');
  const [role, setRole] = useState<Role>('reader');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!project);
    if (project) grant.mutate({ project, role }, { onSuccess: onGranted });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="grant-title" className="grant-form">
      <h3 id="grant-title">{t('assignments.grantTitle')}</h3>
      <div className="filters">
        <div>
          <label htmlFor="grant-project">{t('assignments.project')}</label>
          <select
            id="grant-project"
            value={project}
            onChange={(e) => setProject(e.target.value)}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'grant-project-error' : undefined}
          >
            <option value="">{projects.isPending ? t('common:app.loading') : t('assignments.chooseProject')}</option>
            {projects.data?.items.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grant-role">{t('assignments.role')}</label>
          <select id="grant-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="form-submit" disabled={grant.isPending}>
            {t('assignments.grant')}
          </button>
        </div>
      </div>
      {missing && (
        <p id="grant-project-error" className="field-error">
          {t('assignments.projectRequired')}
        </p>
      )}
      <ProblemMessage error={projects.error ?? grant.error} />
    </form>
  );
}

/** When admins change their own roles, the project switcher and the role checks must learn it. */
function useOwnRolesRefresh(username: string) {
  const { user, refreshUser } = useSession();
  const queries = useQueryClient();
  return () => {
    if (user?.username !== username) return;
    void refreshUser();
    void queries.invalidateQueries({ queryKey: ['projects'] });
  };
}
