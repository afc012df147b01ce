import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { Pager, useCursorPager } from '../../components/Pager';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../format';
import { AdminFrame } from './AdminFrame';
import { useAudit } from './api';

const column = createColumnHelper<AuditEntry>();

/** The audit log, newest first; the filters narrow the page already loaded. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const pager = useCursorPager();
  const audit = useAudit(pager.cursor);
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');

  const columns = useMemo(
    () => [
      column.accessor('at', { header: () => t('audit.at'), cell: (c) => <span className="nowrap">{formatDateTime(c.getValue())}</span> }),
      column.accessor('actor', { header: () => t('audit.actor') }),
      column.accessor('action', { header: () => t('audit.action'), cell: (c) => <code>{c.getValue()}</code> }),
      column.accessor('target', { header: () => t('audit.target') }),
      column.accessor('outcome', { header: () => t('audit.outcome'), cell: (c) => <Outcome outcome={c.getValue()} /> }),
      column.accessor('detail', { header: () => t('audit.detail') }),
      column.accessor('request_id', { header: () => t('audit.requestId'), cell: (c) => <code className="request-id">{c.getValue()}</code> }),
    ],
    [t],
  );

  const rows = useMemo(() => {
    const wantAction = action.trim().toLowerCase();
    const wantActor = actor.trim().toLowerCase();
    return (audit.data?.items ?? []).filter(
      (e) => e.action.toLowerCase().includes(wantAction) && e.actor.toLowerCase().includes(wantActor),
    );
  }, [audit.data, action, actor]);

  return (
    <AdminFrame title={t('audit.title')}>
      <div className="filters" role="search" aria-label={t('audit.filter')}>
        <div>
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <input id="audit-action" value={action} onChange={(e) => setAction(e.target.value)} placeholder="user.create" />
        </div>
        <div>
          <label htmlFor="audit-actor">{t('audit.actor')}</label>
          <input id="audit-actor" value={actor} onChange={(e) => setActor(e.target.value)} />
        </div>
        <div>
          <button type="button" className="secondary" onClick={() => void audit.refetch()} disabled={audit.isFetching}>
            {t('common:actions.refresh')}
          </button>
        </div>
      </div>
      <p className="muted hint">{t('audit.filterHint')}</p>
      {audit.isPending && <Loading />}
      {audit.error && <ProblemMessage error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && (
        <>
          <DataTable data={rows} columns={columns} label={t('audit.title')} empty={t('audit.empty')} />
          <Pager pager={pager} nextCursor={audit.data.next_cursor} />
        </>
      )}
    </AdminFrame>
  );
}

function Outcome({ outcome }: { outcome: string }) {
  const { t, i18n } = useTranslation('admin');
  const label = i18n.exists(`admin:audit.outcomes.${outcome}`) ? t(`audit.outcomes.${outcome}`) : outcome;
  return (
    <span className={`badge ${outcome === 'success' ? 'badge-good' : 'badge-bad'}`} data-outcome={outcome}>
      {label}
    </span>
  );
}
