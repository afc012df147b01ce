import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { setLanguage, LANGUAGES, type Language } from '../i18n';
import { useSession } from '../session/SessionContext';
import { useProjects } from '../session/useProject';

/** The frame of every page after login: project switcher, navigation, language, user and logout. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { user, logout } = useSession();
  const { project } = useParams();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <NavLink to={project ? `/p/${encodeURIComponent(project)}` : '/'} className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          {t('app.name')}
        </NavLink>
        <ProjectSwitcher current={project} />
        <button
          type="button"
          className="menu-toggle secondary"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('app.menu')}
        </button>
        <nav id="main-nav" className={menuOpen ? 'nav open' : 'nav'} aria-label={t('app.menu')}>
          {project && <ProjectLinks project={project} />}
          {user?.platform_admin && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
          <span className="nav-end">
            <label className="visually-hidden" htmlFor="language">
              {t('app.language')}
            </label>
            <select id="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {language.toUpperCase()}
                </option>
              ))}
            </select>
            <span className="whoami" title={t('nav.signedInAs', { user: user?.username })}>
              {user?.username}
            </span>
            <button type="button" className="secondary" onClick={() => void logout()}>
              {t('nav.logout')}
            </button>
          </span>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function ProjectLinks({ project }: { project: string }) {
  const { t } = useTranslation();
  const base = `/p/${encodeURIComponent(project)}`;
  return (
    <>
      <NavLink to={base} end>
        {t('nav.home')}
      </NavLink>
      <NavLink to={`${base}/upload`}>{t('nav.upload')}</NavLink>
      <NavLink to={`${base}/tracking`}>{t('nav.tracking')}</NavLink>
      <NavLink to={`${base}/catalog`}>{t('nav.catalog')}</NavLink>
      <NavLink to={`${base}/visualise`}>{t('nav.visualise')}</NavLink>
      <NavLink to={`${base}/templates`}>{t('nav.templates')}</NavLink>
    </>
  );
}

/** Switching project keeps the page (catalog stays catalog) but drops what belonged to the old project. */
function ProjectSwitcher({ current }: { current?: string }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const navigate = useNavigate();
  const location = useLocation();
  const names = projects.data?.items.map((p) => p.name) ?? [];
  const onChange = (name: string) => {
    const section = current ? location.pathname.split('/')[3] : undefined;
    const keep = section && section !== 'objects' ? `/${section}` : '';
    navigate(`/p/${encodeURIComponent(name)}${keep}`);
  };
  return (
    <div className="project-switcher">
      <label htmlFor="project-switcher">{t('nav.project')}</label>
      <select id="project-switcher" value={current ?? ''} onChange={(e) => onChange(e.target.value)}>
        {/* A project the user holds no role in (a typed address) is shown as such, not as the first one. */}
        {(!current || !names.includes(current)) && <option value={current ?? ''}>{names.length ? '—' : t('nav.noProject')}</option>}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
