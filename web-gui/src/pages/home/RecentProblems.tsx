import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, projectPath } from '../../api/client';
import type { Page, Run } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import { StateBadge } from '../../components/StateBadge';
import { formatDateTime } from '../../format';

const SHOWN = 5;

/** The latest failed and not-handled runs, a few of each: cheap to ask, and what a user should look at first. */
export function RecentProblems({ project }: { project: string }) {
  const { t } = useTranslation('home');
  const failed = useRecentRuns(project, 'failed');
  const notHandled = useRecentRuns(project, 'not_handled');
  const error = failed.error ?? notHandled.error;
  if (error) return <ProblemMessage error={error} onRetry={() => void Promise.all([failed.refetch(), notHandled.refetch()])} />;
  if (!failed.data || !notHandled.data) return null;
  const runs = [...failed.data.items, ...notHandled.data.items].sort((a, b) => b.queued_at.localeCompare(a.queued_at));
  const count = (page: Page<Run>) => (page.next_cursor ? t('problems.atLeast', { count: SHOWN }) : String(page.items.length));
  const base = `/p/${encodeURIComponent(project)}`;
  return (
    <section className="card" aria-labelledby="recent-problems">
      <h2 id="recent-problems">{t('problems.title')}</h2>
      {runs.length === 0 ? (
        <p className="muted">{t('problems.none')}</p>
      ) : (
        <>
          <p>
            {t('problems.summary', { failed: count(failed.data), notHandled: count(notHandled.data) })}{' '}
            <Link to={`${base}/tracking`}>{t('problems.seeTracking')}</Link>
          </p>
          <ul className="home-runs">
            {runs.map((run) => (
              <li key={run.id}>
                <StateBadge state={run.state} />{' '}
                <Link to={`${base}/objects/${run.object_id}`}>{t('problems.object', { id: run.object_id })}</Link>{' '}
                <span className="muted">
                  {run.pipeline} · {formatDateTime(run.ended_at ?? run.queued_at)}
                </span>
                {run.reason && <div className="home-reason">{run.reason}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function useRecentRuns(project: string, state: 'failed' | 'not_handled') {
  return useQuery({
    queryKey: ['runs', project, { state, limit: SHOWN }],
    queryFn: () => get<Page<Run>>(projectPath(project, 'runs'), { state, limit: SHOWN }),
  });
}
