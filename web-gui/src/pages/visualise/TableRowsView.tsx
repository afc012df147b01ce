import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { get, projectPath } from '../../api/client';
import type { GoldTable, TableColumn, TableRows } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatNumber } from '../../format';

export const PAGE_SIZE = 50;

type Row = unknown[];

export function typeLabel(type: string, scale?: number | null): string {
  return type === 'decimal' && scale ? `decimal(${scale})` : type;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function columnsOf(answer: TableRows | undefined, table: GoldTable): TableColumn[] {
  const columns = answer?.columns ?? table.columns;
  return columns.map((c) => (typeof c === 'string' ? table.columns.find((k) => k.name === c) ?? { name: c, type: '' } : c));
}

/** The table's rows, PAGE_SIZE at a time by offset (the API pages rows by offset, not cursor). */
export function TableRowsView(props: { project: string; table: GoldTable; offset: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation('visualise');
  const { project, table, offset } = props;
  const rows = useQuery({
    queryKey: ['tables', project, table.name, 'rows', offset],
    queryFn: () => get<TableRows>(projectPath(project, 'tables', table.name, 'rows'), { offset, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo(() => columnsOf(rows.data, table), [rows.data, table]);
  const definitions = useMemo<ColumnDef<Row, unknown>[]>(
    () =>
      columns.map((column, index) => ({
        id: column.name,
        accessorFn: (row: Row) => row[index],
        header: () => (
          <span className="column-head">
            {column.name}
            {column.type && <span className="muted"> {typeLabel(column.type, column.scale)}</span>}
          </span>
        ),
        cell: (info) => {
          const value = info.getValue();
          return value === null || value === undefined ? <span className="muted">∅</span> : cellText(value);
        },
      })),
    [columns],
  );

  const shown = rows.data?.rows ?? [];
  const hasNext = rows.data ? rows.data.next_offset !== null : false;
  const next = rows.data?.next_offset ?? offset + PAGE_SIZE;

  return (
    <section aria-labelledby="table-rows">
      <div className="spread">
        <h2 id="table-rows">{t('table.rows')}</h2>
        {shown.length > 0 && (
          <span className="muted" aria-live="polite">
            {t('table.range', { first: formatNumber(offset + 1), last: formatNumber(offset + shown.length), total: formatNumber(table.row_count) })}
          </span>
        )}
      </div>
      <ProblemMessage error={rows.error} onRetry={() => void rows.refetch()} />
      <DataTable<Row>
        data={shown}
        columns={definitions}
        label={t('table.rowsOf', { table: table.name })}
        empty={rows.isPending ? t('common:app.loading') : t('table.noRows')}
      />
      <nav className="pager" aria-label={t('table.pages')}>
        <button type="button" className="secondary" disabled={offset === 0} onClick={() => props.onOffset(Math.max(0, offset - PAGE_SIZE))}>
          ← {t('common:actions.previous')}
        </button>
        <button type="button" className="secondary" disabled={!hasNext || rows.isPlaceholderData} onClick={() => props.onOffset(next)}>
          {t('common:actions.next')} →
        </button>
      </nav>
    </section>
  );
}
