import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../format';
import { useSession } from '../../session/SessionContext';
import { ConfirmButton } from '../templates/ConfirmButton';
import { AdminFrame } from './AdminFrame';
import { useDeleteUser, useSetEnabled, useUser } from './api';
import { Assignments } from './Assignments';
import { ResetPassword } from './ResetPassword';
import { EnabledBadge } from './UsersPage';

/** One user: their account, what may be done to it, and their roles in projects. */
export function UserPage() {
  const { t } = useTranslation('admin');
  const { username = '' } = useParams();
  const user = useUser(username);
  return (
    <AdminFrame title={t('user.title', { username })}>
      {user.isPending && <Loading />}
      {user.error && <ProblemMessage error={user.error} onRetry={() => void user.refetch()} />}
      {user.data && (
        <>
          <div className="card">
            <dl className="facts">
              <dt>{t('users.email')}</dt>
              <dd>{user.data.email || '–'}</dd>
              <dt>{t('users.status')}</dt>
              <dd>
                <EnabledBadge enabled={user.data.enabled} />
              </dd>
              <dt>{t('users.platformAdmin')}</dt>
              <dd>{user.data.platform_admin ? t('yes') : t('no')}</dd>
              <dt>{t('users.created')}</dt>
              <dd>{formatDateTime(user.data.created_at)}</dd>
            </dl>
            <AccountActions username={username} enabled={user.data.enabled} />
          </div>
          <Assignments username={username} />
          <ResetPassword username={username} />
        </>
      )}
    </AdminFrame>
  );
}

/** Enable/disable and delete. One's own account is left alone: the server would refuse, so the buttons are not offered. */
function AccountActions({ username, enabled }: { username: string; enabled: boolean }) {
  const { t } = useTranslation('admin');
  const me = useSession().user?.username;
  const setEnabled = useSetEnabled(username);
  const remove = useDeleteUser(username);
  const navigate = useNavigate();
  if (username === me) return <p className="muted">{t('user.self')}</p>;
  return (
    <>
      <div className="row account-actions">
        <button type="button" className="secondary" onClick={() => setEnabled.mutate(!enabled)} disabled={setEnabled.isPending}>
          {enabled ? t('user.disable') : t('user.enable')}
        </button>
        <ConfirmButton
          label={t('user.delete')}
          question={t('user.confirmDelete', { username })}
          busy={remove.isPending}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/admin', { state: { deleted: username } }) })}
        />
      </div>
      <ProblemMessage error={setEnabled.error ?? remove.error} />
    </>
  );
}
