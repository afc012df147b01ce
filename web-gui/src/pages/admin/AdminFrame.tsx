import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';

/** Heading and sub-navigation shared by the administration's pages. */
export function AdminFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('admin');
  const { pathname } = useLocation();
  // The users' list stays marked while one user's page is open.
  const onUsers = pathname === '/admin' || pathname.startsWith('/admin/users');
  return (
    <section className="admin">
      <nav className="admin-nav" aria-label={t('title')}>
        <NavLink to="/admin" end className={({ isActive }) => (isActive || onUsers ? 'active' : undefined)}>
          {t('nav.users')}
        </NavLink>
        <NavLink to="/admin/projects">{t('nav.projects')}</NavLink>
        <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
      </nav>
      <PageTitle title={`${title} · ${t('title')}`}>{title}</PageTitle>
      {children}
    </section>
  );
}
