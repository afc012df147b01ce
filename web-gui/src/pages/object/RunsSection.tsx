import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useObjectRuns } from './api';
import { RunCard } from './RunCard';

export function RunsSection({ project, objectId }: { project: string; objectId: string }) {
  const { t } = useTranslation('object');
  const runs = useObjectRuns(project, objectId);
  return (
    <section aria-labelledby="object-runs">
      <h2 id="object-runs">{t('runs.title')}</h2>
      {runs.error ? (
        <ProblemMessage error={runs.error} onRetry={() => void runs.refetch()} />
      ) : runs.isPending ? (
        <Loading />
      ) : runs.data.items.length === 0 ? (
        <p className="muted">{t('runs.none')}</p>
      ) : (
        runs.data.items.map((run) => <RunCard key={run.id} project={project} objectId={objectId} run={run} />)
      )}
    </section>
  );
}
