import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { AdminUser } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { Pager, useCursorPager } from '../../components/Pager';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../format';
import { AdminFrame } from './AdminFrame';
import { useUsers } from './api';
import { CreateUserForm } from './CreateUserForm';
import { PurgeAssignments } from './PurgeAssignments';

const column = createColumnHelper<AdminUser>();

/** The users, page by page, with the form to create one. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const pager = useCursorPager();
  const users = useUsers(pager.cursor);
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;

  const columns = useMemo(
    () => [
      column.accessor('username', {
        header: () => t('users.username'),
        cell: (c) => <Link to={`/admin/users/${encodeURIComponent(c.getValue())}`}>{c.getValue()}</Link>,
      }),
      column.accessor('email', { header: () => t('users.email'), cell: (c) => c.getValue() || '–' }),
      column.accessor('enabled', { header: () => t('users.status'), cell: (c) => <EnabledBadge enabled={c.getValue()} /> }),
      column.accessor('platform_admin', {
        header: () => t('users.platformAdmin'),
        cell: (c) => (c.getValue() ? t('yes') : t('no')),
      }),
      column.accessor('created_at', { header: () => t('users.created'), cell: (c) => formatDateTime(c.getValue()) }),
    ],
    [t],
  );

  return (
    <AdminFrame title={t('users.title')}>
      {deleted && (
        <p className="notice" role="status">
          {t('user.deleted', { username: deleted })}
        </p>
      )}
      <CreateUserForm />
      <h2>{t('users.list')}</h2>
      {users.isPending && <Loading />}
      {users.error && <ProblemMessage error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <DataTable data={users.data.items} columns={columns} label={t('users.list')} getRowId={(u) => u.username} empty={t('users.empty')} />
          <Pager pager={pager} nextCursor={users.data.next_cursor} />
        </>
      )}
      <PurgeAssignments />
    </AdminFrame>
  );
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation('admin');
  return <span className={`badge ${enabled ? 'badge-good' : 'badge-bad'}`}>{enabled ? t('users.enabled') : t('users.disabled')}</span>;
}
