import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, projectPath } from '../../api/client';
import type { Page } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { Pager, useCursorPager } from '../../components/Pager';
import { ProblemMessage } from '../../components/ProblemMessage';
import { StateBadge } from '../../components/StateBadge';
import { formatBytes, formatDateTime } from '../../format';
import { LIVE, objectPath } from './live';
import { StateFilter } from './StateFilter';

/** One upload of the tracking list (GET …/uploads). */
export interface UploadRow {
  id: string;
  kind: 'single_request' | 'resumable';
  original_name: string;
  uploader: string;
  length: number | null;
  bytes_received: number;
  state: string;
  object_id: number | null;
  template: string | null;
  failure_reason: string | null;
  started_at: string;
  updated_at: string;
}

const STATES = ['receiving', 'stored', 'processing', 'processed', 'failed', 'not_handled'];
const column = createColumnHelper<UploadRow>();

export function UploadsPanel({ project }: { project: string }) {
  const { t } = useTranslation('tracking');
  const pager = useCursorPager();
  const [state, setState] = useState('');
  const uploads = useQuery({
    queryKey: ['tracking', 'uploads', project, pager.cursor],
    queryFn: () => get<Page<UploadRow>>(projectPath(project, 'uploads'), { cursor: pager.cursor, limit: 50 }),
    ...LIVE,
  });

  const columns = useMemo(
    () => [
      column.accessor('original_name', {
        header: () => t('uploads.name'),
        cell: ({ row }) =>
          row.original.object_id !== null ? (
            <Link to={objectPath(project, row.original.object_id)}>{row.original.original_name}</Link>
          ) : (
            row.original.original_name
          ),
      }),
      column.accessor('state', {
        header: () => t('uploads.state'),
        cell: ({ row }) => <StateBadge state={row.original.state} reason={row.original.failure_reason} />,
      }),
      column.accessor('bytes_received', {
        header: () => t('uploads.progress'),
        cell: ({ row }) => <Received upload={row.original} />,
      }),
      column.accessor('uploader', { header: () => t('uploads.uploader') }),
      column.accessor('template', { header: () => t('uploads.template'), cell: (info) => info.getValue() ?? '–' }),
      column.accessor('kind', { header: () => t('uploads.kind'), cell: (info) => t(`uploads.${info.getValue()}`) }),
      column.accessor('started_at', { header: () => t('uploads.started'), cell: (info) => formatDateTime(info.getValue()) }),
      column.accessor('updated_at', { header: () => t('uploads.updated'), cell: (info) => formatDateTime(info.getValue()) }),
    ],
    [t, project],
  );

  if (uploads.isPending) return <Loading />;
  const rows = (uploads.data?.items ?? []).filter((upload) => !state || upload.state === state);
  return (
    <>
      <StateFilter id="upload-state" states={STATES} value={state} onChange={setState} hint={t('filter.pageOnly')} />
      <ProblemMessage error={uploads.error} onRetry={() => void uploads.refetch()} />
      {uploads.data && (
        <>
          <DataTable data={rows} columns={columns} label={t('uploads.label')} getRowId={(row) => row.id} empty={t('uploads.empty')} />
          <Pager pager={pager} nextCursor={uploads.data.next_cursor} />
          <p className="muted live">{t('live', { time: formatDateTime(new Date(uploads.dataUpdatedAt).toISOString()) })}</p>
        </>
      )}
    </>
  );
}

/** A bar while bytes arrive; the size once they have. */
function Received({ upload }: { upload: UploadRow }) {
  const { t } = useTranslation('tracking');
  if (upload.state !== 'receiving') return <span className="nowrap">{formatBytes(upload.bytes_received)}</span>;
  const text = t('uploads.received', { sent: formatBytes(upload.bytes_received), total: formatBytes(upload.length) });
  return (
    <div className="received">
      {upload.length ? <progress value={upload.bytes_received} max={upload.length} aria-label={text} /> : null}
      <span className="muted">{text}</span>
    </div>
  );
}
