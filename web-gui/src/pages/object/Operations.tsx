import { useTranslation } from 'react-i18next';
import type { LakeObject } from '../../api/types';
import { StateBadge } from '../../components/StateBadge';
import { formatDateTime } from '../../format';
import type { Operation } from './api';

/** What the pipelines did with the object, oldest first; failed ones are marked. */
export function Operations({ object }: { object: LakeObject }) {
  const { t } = useTranslation('object');
  const operations = [
    ...(object.successful_operations as Operation[]).map((op) => ({ ...op, failed: false })),
    ...(object.failed_operations as Operation[]).map((op) => ({ ...op, failed: true })),
  ].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  return (
    <section className="card" aria-labelledby="object-operations">
      <h2 id="object-operations">{t('operations.title')}</h2>
      {operations.length === 0 ? (
        <p className="muted">{t('operations.none')}</p>
      ) : (
        <ol className="object-operations">
          {operations.map((op, index) => (
            <li key={`${op.at}-${op.name}-${index}`} className={op.failed ? 'failed' : undefined}>
              <div className="row">
                <StateBadge state={op.failed ? 'failed' : 'succeeded'} />
                <strong>{op.name}</strong>
                <span className="muted">{formatDateTime(op.at)}</span>
              </div>
              {op.detail && <div className="object-detail">{op.detail}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
