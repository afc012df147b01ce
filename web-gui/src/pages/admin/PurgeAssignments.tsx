import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../components/ProblemMessage';
import { usePurge } from './api';

/** A deleted user's roles stay until purged, so that a user re-created under the same name does not inherit them. */
export function PurgeAssignments() {
  const { t } = useTranslation('admin');
  const purge = usePurge();
  return (
    <div className="card">
      <h2>{t('purge.title')}</h2>
      <p className="muted">{t('purge.text')}</p>
      <button type="button" className="secondary" onClick={() => purge.mutate()} disabled={purge.isPending}>
        {t('purge.button')}
      </button>
      {purge.data && (
        <p className="notice" role="status">
          {t('purge.removed', { count: purge.data.removed })}
        </p>
      )}
      <ProblemMessage error={purge.error} />
    </div>
  );
}
