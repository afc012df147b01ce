import type { ColumnDef, OnChangeFn, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { apiUrl, projectPath } from '../../api/client';
import type { LakeObject } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { formatBytes, formatDateTime } from '../../format';

interface Props {
  project: string;
  objects: LakeObject[];
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  selection: RowSelectionState;
  onSelectionChange: OnChangeFn<RowSelectionState>;
}

/** `site=north, depth=3`: a template's values in one line. */
export function templateValues(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(', ');
}

/** The catalog's rows. Column ids of sortable columns are the API's `sort` names. */
export function ObjectsTable({ project, objects, sorting, onSortingChange, selection, onSelectionChange }: Props) {
  const { t } = useTranslation('catalog');
  const columns = useMemo<ColumnDef<LakeObject, any>[]>(
    () => [
      {
        id: 'select',
        header: ({ table }) => (
          <input type="checkbox" aria-label={t('table.selectPage')} checked={table.getIsAllPageRowsSelected()}
            ref={(input) => { if (input) input.indeterminate = table.getIsSomePageRowsSelected(); }}
            onChange={table.getToggleAllPageRowsSelectedHandler()} />
        ),
        cell: ({ row }) => (
          <input type="checkbox" aria-label={t('table.select', { name: row.original.original_object_name })}
            checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
        ),
      },
      { accessorKey: 'id', header: t('table.id'), cell: ({ getValue }) => <span className="mono">{getValue()}</span> },
      {
        accessorKey: 'original_object_name',
        header: t('table.name'),
        cell: ({ row }) => (
          <Link to={`/p/${encodeURIComponent(project)}/objects/${row.original.id}`}>{row.original.original_object_name}</Link>
        ),
      },
      { accessorKey: 'content_type', header: t('table.type'), enableSorting: false },
      { accessorKey: 'size', header: t('table.size'), cell: ({ getValue }) => formatBytes(getValue()) },
      { accessorKey: 'creation_date', header: t('table.date'), cell: ({ getValue }) => formatDateTime(getValue()) },
      { accessorKey: 'uploader', header: t('table.uploader'), enableSorting: false },
      {
        id: 'template',
        header: t('table.template'),
        cell: ({ row }) =>
          row.original.template ? (
            <>
              {row.original.template}
              <div className="muted catalog-values">{templateValues(row.original.other_data)}</div>
            </>
          ) : (
            <span className="muted">–</span>
          ),
      },
      {
        id: 'download',
        header: () => <span className="visually-hidden">{t('common:actions.download')}</span>,
        cell: ({ row }) => (
          <a href={apiUrl(projectPath(project, 'objects', row.original.id, 'content'))} download
            aria-label={t('table.downloadOne', { name: row.original.original_object_name })}>
            {t('common:actions.download')}
          </a>
        ),
      },
    ],
    [t, project],
  );
  return (
    <DataTable data={objects} columns={columns} label={t('table.label')} getRowId={(object) => String(object.id)}
      sorting={sorting} onSortingChange={onSortingChange} rowSelection={selection} onRowSelectionChange={onSelectionChange}
      empty={t('table.empty')} />
  );
}
