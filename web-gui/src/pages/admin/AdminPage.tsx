import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { useSession } from '../../session/SessionContext';
import { AuditPage } from './AuditPage';
import { ProjectsPage } from './ProjectsPage';
import { UserPage } from './UserPage';
import { UsersPage } from './UsersPage';
import './admin.css';

/** The platform administration and its sub-pages. Others are told they may not; the server refuses them anyway. */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const { user } = useSession();
  if (!user?.platform_admin) {
    return (
      <section>
        <PageTitle title={t('title')}>{t('title')}</PageTitle>
        <p className="problem" role="alert">
          {t('notAdmin')}
        </p>
      </section>
    );
  }
  return (
    <Routes>
      <Route index element={<UsersPage />} />
      <Route path="users" element={<Navigate to="/admin" replace />} />
      <Route path="users/:username" element={<UserPage />} />
      <Route path="projects" element={<ProjectsPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="*" element={<Navigate to="/admin" replace />} />
    </Routes>
  );
}
