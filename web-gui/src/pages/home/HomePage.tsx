import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { useProject } from '../../session/useProject';
import { LatestObjects } from './LatestObjects';
import { RecentProblems } from './RecentProblems';
import './home.css';

/** A project's front page: what arrived last, where to go next, and runs that need attention. */
export function HomePage() {
  const { t } = useTranslation('home');
  const { project, canWrite } = useProject();
  const base = `/p/${encodeURIComponent(project)}`;
  return (
    <section className="home-page">
      <PageTitle title={`${project} · ${t('title')}`}>{project}</PageTitle>
      <nav className="home-links" aria-label={t('quickLinks')}>
        {canWrite && (
          <Link className="button" to={`${base}/upload`}>
            {t('links.upload')}
          </Link>
        )}
        <Link className="button secondary" to={`${base}/catalog`}>
          {t('links.catalog')}
        </Link>
        <Link className="button secondary" to={`${base}/tracking`}>
          {t('links.tracking')}
        </Link>
      </nav>
      <RecentProblems project={project} />
      <LatestObjects project={project} />
    </section>
  );
}
