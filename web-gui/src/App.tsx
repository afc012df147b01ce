import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { PageTitle } from './components/PageTitle';
import { ProblemMessage } from './components/ProblemMessage';
import { AdminPage } from './pages/admin/AdminPage';
import { CatalogPage } from './pages/catalog/CatalogPage';
import { HomePage } from './pages/home/HomePage';
import { LoginPage } from './pages/login/LoginPage';
import { ObjectPage } from './pages/object/ObjectPage';
import { TemplatesPage } from './pages/templates/TemplatesPage';
import { TrackingPage } from './pages/tracking/TrackingPage';
import { UploadPage } from './pages/upload/UploadPage';
import { useSession } from './session/SessionContext';
import { useProjects } from './session/useProject';

// The visualisation page brings the chart and graph libraries, the larger part of the app: it loads when first opened.
const VisualisePage = lazy(() => import('./pages/visualise/VisualisePage').then((module) => ({ default: module.VisualisePage })));

/** Every page and its address. Project pages live under /p/<project>, the admin's under /admin. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireLogin />}>
        <Route element={<Layout />}>
          <Route index element={<FirstProject />} />
          <Route path="p/:project">
            <Route index element={<HomePage />} />
            <Route path="upload" element={<UploadPage />} />
            <Route path="tracking" element={<TrackingPage />} />
            <Route path="catalog" element={<CatalogPage />} />
            <Route path="objects/:id" element={<ObjectPage />} />
            <Route path="visualise" element={<Suspense fallback={<Loading />}><VisualisePage /></Suspense>} />
            <Route path="templates" element={<TemplatesPage />} />
          </Route>
          <Route path="admin/*" element={<AdminPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}

function RequireLogin() {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ next: location.pathname + location.search }} />;
  return <Outlet />;
}

/** "/" opens the first project the user may see. */
function FirstProject() {
  const { t } = useTranslation();
  const { user } = useSession();
  const projects = useProjects();
  if (projects.isPending) return <Loading />;
  if (projects.error) return <ProblemMessage error={projects.error} onRetry={() => void projects.refetch()} />;
  const first = projects.data.items[0];
  if (first) return <Navigate to={`/p/${encodeURIComponent(first.name)}`} replace />;
  return (
    <section>
      <PageTitle title={t('noProjects.title')}>{t('noProjects.title')}</PageTitle>
      <p>{t('noProjects.text')}</p>
      {user?.platform_admin && (
        <p>
          <Link to="/admin/projects">{t('noProjects.admin')}</Link>
        </p>
      )}
    </section>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}
