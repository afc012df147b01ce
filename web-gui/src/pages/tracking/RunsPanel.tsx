import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { get, projectPath } from '../../api/client';
import type { Page, Run } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { Pager, useCursorPager } from '../../components/Pager';
import { ProblemMessage } from '../../components/ProblemMessage';
import { StateBadge } from '../../components/StateBadge';
import { formatDateTime, formatDuration, secondsBetween } from '../../format';
import { LIVE, objectPath } from './live';
import { StateFilter } from './StateFilter';

const STATES = ['queued', 'running', 'succeeded', 'failed', 'not_handled', 'cancelled'];
const column = createColumnHelper<Run>();

export function RunsPanel({ project }: { project: string }) {
  const { t } = useTranslation('tracking');
  const pager = useCursorPager();
  const [state, setState] = useState('');
  const runs = useQuery({
    queryKey: ['tracking', 'runs', project, state, pager.cursor],
    queryFn: () => get<Page<Run>>(projectPath(project, 'runs'), { state, cursor: pager.cursor, limit: 50 }),
    ...LIVE,
  });

  const columns = useMemo(
    () => [
      column.accessor('object_id', {
        header: () => t('runs.object'),
        cell: (info) => <Link to={objectPath(project, info.getValue())}>{t('runs.objectLink', { id: info.getValue() })}</Link>,
      }),
      column.accessor('pipeline', { header: () => t('runs.pipeline') }),
      column.accessor('state', {
        header: () => t('runs.state'),
        cell: ({ row }) => <StateBadge state={row.original.state} reason={row.original.reason} />,
      }),
      column.accessor('steps', {
        header: () => t('runs.steps'),
        cell: (info) => <Steps steps={info.getValue()} />,
      }),
      column.accessor('attempts', { header: () => t('runs.attempts') }),
      column.accessor('queued_at', { header: () => t('runs.queued'), cell: (info) => formatDateTime(info.getValue()) }),
      column.display({
        id: 'duration',
        header: () => t('runs.duration'),
        cell: ({ row }) => (row.original.started_at ? formatDuration(secondsBetween(row.original.started_at, row.original.ended_at)) : '–'),
      }),
    ],
    [t, project],
  );

  return (
    <>
      <StateFilter
        id="run-state"
        states={STATES}
        value={state}
        onChange={(next) => {
          setState(next);
          pager.reset();
        }}
      />
      {runs.isPending ? (
        <Loading />
      ) : (
        <>
          <ProblemMessage error={runs.error} onRetry={() => void runs.refetch()} />
          {runs.data && (
            <>
              <DataTable data={runs.data.items} columns={columns} label={t('runs.label')} getRowId={(row) => row.id} empty={t('runs.empty')} />
              <Pager pager={pager} nextCursor={runs.data.next_cursor} />
              <p className="muted live">{t('live', { time: formatDateTime(new Date(runs.dataUpdatedAt).toISOString()) })}</p>
            </>
          )}
        </>
      )}
    </>
  );
}

function Steps({ steps }: { steps: Run['steps'] }) {
  const { t } = useTranslation();
  if (steps.length === 0) return <>–</>;
  return (
    <ul className="steps">
      {steps.map((step) => (
        <li key={step.name}>
          {step.name}: <span data-state={step.state}>{t(`states.${step.state}`, { defaultValue: step.state })}</span>
        </li>
      ))}
    </ul>
  );
}
