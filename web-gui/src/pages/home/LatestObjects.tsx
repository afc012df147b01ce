import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, projectPath } from '../../api/client';
import type { LakeObject, Page } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatBytes, formatDateTime } from '../../format';

/** The ten objects uploaded last. */
export function LatestObjects({ project }: { project: string }) {
  const { t } = useTranslation('home');
  const objects = useQuery({
    queryKey: ['objects', project, 'latest'],
    queryFn: () => get<Page<LakeObject>>(projectPath(project, 'objects'), { sort: 'creation_date', order: 'desc', limit: 10 }),
  });
  const columns = useMemo<ColumnDef<LakeObject, any>[]>(
    () => [
      {
        accessorKey: 'original_object_name',
        header: t('latest.name'),
        cell: ({ row }) => (
          <Link to={`/p/${encodeURIComponent(project)}/objects/${row.original.id}`}>{row.original.original_object_name}</Link>
        ),
      },
      { accessorKey: 'content_type', header: t('latest.type') },
      { accessorKey: 'size', header: t('latest.size'), cell: ({ getValue }) => formatBytes(getValue()) },
      { accessorKey: 'creation_date', header: t('latest.date'), cell: ({ getValue }) => formatDateTime(getValue()) },
      { accessorKey: 'uploader', header: t('latest.uploader') },
    ],
    [t, project],
  );
  return (
    <section aria-labelledby="latest-objects">
      <div className="spread">
        <h2 id="latest-objects">{t('latest.title')}</h2>
        <Link to={`/p/${encodeURIComponent(project)}/catalog`}>{t('latest.all')}</Link>
      </div>
      {objects.error ? (
        <ProblemMessage error={objects.error} onRetry={() => void objects.refetch()} />
      ) : objects.isPending ? (
        <Loading />
      ) : (
        <DataTable data={objects.data.items} columns={columns} label={t('latest.title')}
          getRowId={(object) => String(object.id)} empty={t('latest.empty')} />
      )}
    </section>
  );
}
