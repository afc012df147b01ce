import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl, get, projectPath } from '../../api/client';
import type { GoldTable, Measurement, Page } from '../../api/types';
import { Loading } from '../../components/Loading';
import { Pager, useCursorPager } from '../../components/Pager';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatNumber } from '../../format';

/** The project's gold data as downloads: time series and tables as CSV (tables also Parquet), the graph as JSON. */
export function ProcessedData({ project }: { project: string }) {
  const { t } = useTranslation('catalog');
  return (
    <section aria-labelledby="processed-data">
      <h2 id="processed-data">{t('processed.title')}</h2>
      <div className="grid-2">
        <Tables project={project} />
        <div>
          <TimeSeries project={project} />
          <GraphExport project={project} />
        </div>
      </div>
    </section>
  );
}

function Tables({ project }: { project: string }) {
  const { t } = useTranslation('catalog');
  const pager = useCursorPager();
  const tables = useQuery({
    queryKey: ['tables', project, pager.cursor],
    queryFn: () => get<Page<GoldTable>>(projectPath(project, 'tables'), { limit: 50, cursor: pager.cursor }),
  });
  const exportUrl = (table: string, format: string) => apiUrl(projectPath(project, 'tables', table, 'export'), { format });
  return (
    <div className="card">
      <h3>{t('processed.tables')}</h3>
      {tables.error ? (
        <ProblemMessage error={tables.error} onRetry={() => void tables.refetch()} />
      ) : tables.isPending ? (
        <Loading />
      ) : tables.data.items.length === 0 ? (
        <p className="muted">{t('processed.noTables')}</p>
      ) : (
        <ul className="processed-list" aria-label={t('processed.tables')}>
          {tables.data.items.map((table) => (
            <li key={table.name}>
              <span className="processed-name">{table.name}</span>
              <span className="muted">{t('processed.rows', { count: table.row_count, formatted: formatNumber(table.row_count) })}</span>
              <a href={exportUrl(table.name, 'csv')} download aria-label={t('processed.tableCsv', { name: table.name })}>CSV</a>
              <a href={exportUrl(table.name, 'parquet')} download aria-label={t('processed.tableParquet', { name: table.name })}>Parquet</a>
            </li>
          ))}
        </ul>
      )}
      {(pager.page > 1 || tables.data?.next_cursor) && <Pager pager={pager} nextCursor={tables.data?.next_cursor} />}
    </div>
  );
}

function TimeSeries({ project }: { project: string }) {
  const { t } = useTranslation('catalog');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const measurements = useQuery({
    queryKey: ['measurements', project],
    queryFn: () => get<Page<Measurement>>(projectPath(project, 'timeseries')),
  });
  return (
    <div className="card">
      <h3>{t('processed.series')}</h3>
      {measurements.error ? (
        <ProblemMessage error={measurements.error} onRetry={() => void measurements.refetch()} />
      ) : measurements.isPending ? (
        <Loading />
      ) : measurements.data.items.length === 0 ? (
        <p className="muted">{t('processed.noSeries')}</p>
      ) : (
        <>
          <div className="processed-range">
            <div>
              <label htmlFor="series-from">{t('processed.from')}</label>
              <input id="series-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div>
              <label htmlFor="series-to">{t('processed.to')}</label>
              <input id="series-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </div>
          </div>
          <ul className="processed-list" aria-label={t('processed.series')}>
            {measurements.data.items.map((m) => (
              <li key={m.name}>
                <span className="processed-name">{m.name}</span>
                <span className="muted">{m.field_keys.join(', ')}</span>
                <a href={apiUrl(projectPath(project, 'timeseries', m.name, 'export'), { format: 'csv', from, to })} download
                  aria-label={t('processed.seriesCsv', { name: m.name })}>
                  CSV
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function GraphExport({ project }: { project: string }) {
  const { t } = useTranslation('catalog');
  return (
    <div className="card">
      <h3>{t('processed.graph')}</h3>
      <p className="muted">{t('processed.graphText')}</p>
      <a className="button secondary" href={apiUrl(projectPath(project, 'graph', 'export'))} download>
        {t('processed.graphJson')}
      </a>
    </div>
  );
}
