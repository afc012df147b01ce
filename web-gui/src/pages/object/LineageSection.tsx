import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Lineage } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { StateBadge } from '../../components/StateBadge';
import { formatNumber } from '../../format';
import { useLineage } from './api';

type Item = Lineage['items'][number];

/** Where the item can be looked at: the visualisation page's tab for its zone. */
function visualiseLink(project: string, objectId: string, item: Item): string | null {
  const base = `/p/${encodeURIComponent(project)}/visualise`;
  const query = (params: Record<string, string>) => `${base}?${new URLSearchParams(params)}`;
  if (item.zone === 'time_series') return query({ tab: 'series', measurement: item.name, object: objectId });
  if (item.zone === 'sql') return query({ tab: 'table', table: item.name });
  if (item.zone === 'graph') return query({ tab: 'graph', object: objectId });
  return null;
}

/** What the object produced in the gold zones, the runs that wrote it, and the objects it came from or gave. */
export function LineageSection({ project, objectId }: { project: string; objectId: string }) {
  const { t, i18n } = useTranslation('object');
  const lineage = useLineage(project, objectId);
  const objectUrl = (id: number) => `/p/${encodeURIComponent(project)}/objects/${id}`;
  const zone = (name: string) => (i18n.exists(`object:lineage.zones.${name}`) ? t(`lineage.zones.${name}`) : name);
  const kind = (name: string) => (i18n.exists(`object:lineage.kinds.${name}`) ? t(`lineage.kinds.${name}`) : name);
  return (
    <section className="card" aria-labelledby="object-lineage">
      <h2 id="object-lineage">{t('lineage.title')}</h2>
      {lineage.error ? (
        <ProblemMessage error={lineage.error} onRetry={() => void lineage.refetch()} />
      ) : lineage.isPending ? (
        <Loading />
      ) : (
        <>
          {lineage.data.parent_id !== null && (
            <p>
              {t('lineage.parent')} <Link to={objectUrl(lineage.data.parent_id)}>{t('objectLink', { id: lineage.data.parent_id })}</Link>
            </p>
          )}
          <h3>{t('lineage.produced')}</h3>
          {lineage.data.items.length === 0 ? (
            <p className="muted">{t('lineage.nothing')}</p>
          ) : (
            <div className="table-scroll">
              <table aria-label={t('lineage.produced')}>
                <thead>
                  <tr>
                    <th scope="col">{t('lineage.zone')}</th>
                    <th scope="col">{t('lineage.name')}</th>
                    <th scope="col">{t('lineage.kind')}</th>
                    <th scope="col" className="num">{t('lineage.count')}</th>
                    <th scope="col">{t('lineage.run')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lineage.data.items.map((item) => {
                    const link = visualiseLink(project, objectId, item);
                    return (
                      <tr key={`${item.zone}/${item.kind}/${item.name}/${item.run_id}`}>
                        <td>{zone(item.zone)}</td>
                        <td>{link ? <Link to={link}>{item.name}</Link> : item.name}</td>
                        <td>{kind(item.kind)}</td>
                        <td className="num">{formatNumber(item.count)}</td>
                        <td className="mono">{item.run_id}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {lineage.data.runs.length > 0 && (
            <>
              <h3>{t('lineage.runs')}</h3>
              <ul className="object-lineage-runs">
                {lineage.data.runs.map((run) => (
                  <li key={run.id}>
                    <span className="mono">{run.id}</span> {run.pipeline} <StateBadge state={run.state} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {lineage.data.derived_objects.length > 0 && (
            <>
              <h3>{t('lineage.derived')}</h3>
              <ul className="object-derived">
                {lineage.data.derived_objects.map((id) => (
                  <li key={id}>
                    <Link to={objectUrl(id)}>{t('objectLink', { id })}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
