import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { apiUrl, get, projectPath } from '../../api/client';
import type { GoldTable, Page } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatNumber } from '../../format';
import { useVisualiseParams } from './params';
import { TableProfiles, type TableProfile } from './TableProfiles';
import { TableRowsView, typeLabel } from './TableRowsView';

type TableDetails = GoldTable & { profiles?: TableProfile[] };

/** Table preview: a gold table's columns, sources, profiles and rows, page by page, with its downloads. */
export function TableTab({ project }: { project: string }) {
  const { t } = useTranslation('visualise');
  const selectId = useId();
  const { params, update } = useVisualiseParams();
  const tables = useQuery({
    queryKey: ['tables', project],
    queryFn: () => get<Page<GoldTable>>(projectPath(project, 'tables'), { limit: 1000 }),
  });
  const names = tables.data?.items.map((table) => table.name) ?? [];
  const name = params.get('table') ?? names[0] ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);

  if (tables.isPending) return <Loading />;
  if (tables.error) return <ProblemMessage error={tables.error} onRetry={() => void tables.refetch()} />;
  if (names.length === 0 && !name) return <p className="notice">{t('table.none')}</p>;

  return (
    <div className="table-tab">
      <div className="filters">
        <div>
          <label htmlFor={selectId}>{t('table.choose')}</label>
          <select id={selectId} value={name} onChange={(e) => update({ table: e.target.value, offset: null })}>
            {(names.includes(name) ? names : [name, ...names]).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      {name && <TableDetailsView key={name} project={project} name={name} offset={offset} onOffset={(o) => update({ offset: o || null })} />}
    </div>
  );
}

function TableDetailsView(props: { project: string; name: string; offset: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation('visualise');
  const { project, name } = props;
  const details = useQuery({
    queryKey: ['tables', project, name],
    queryFn: () => get<TableDetails>(projectPath(project, 'tables', name)),
  });
  if (details.isPending) return <Loading />;
  if (details.error) return <ProblemMessage error={details.error} onRetry={() => void details.refetch()} />;
  const table = details.data;
  const exportUrl = (format: string) => apiUrl(projectPath(project, 'tables', name, 'export'), { format });

  return (
    <>
      <section className="card" aria-labelledby="table-facts">
        <h2 id="table-facts">{table.name}</h2>
        <dl className="facts">
          <dt>{t('table.rowCount')}</dt>
          <dd>{formatNumber(table.row_count)}</dd>
          <dt>{t('table.sources')}</dt>
          <dd>
            <ul className="inline-list">
              {table.source_object_ids.map((id) => (
                <li key={id}>
                  <Link to={`/p/${encodeURIComponent(project)}/objects/${id}`}>{t('table.object', { id })}</Link>
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('table.columns')}</dt>
          <dd>
            <ul className="inline-list">
              {table.columns.map((column) => (
                <li key={column.name}>
                  <code>{column.name}</code> <span className="muted">{typeLabel(column.type, column.scale)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        <p className="row">
          <a className="button secondary" href={exportUrl('csv')} download>
            {t('table.downloadCsv')}
          </a>
          <a className="button secondary" href={exportUrl('parquet')} download>
            {t('table.downloadParquet')}
          </a>
        </p>
      </section>
      <TableRowsView project={project} table={table} offset={props.offset} onOffset={props.onOffset} />
      {table.profiles && table.profiles.length > 0 && <TableProfiles profiles={table.profiles} />}
    </>
  );
}
