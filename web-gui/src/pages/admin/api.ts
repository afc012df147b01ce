// The administration endpoints (platform admins only) as queries and mutations.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, seg } from '../../api/client';
import type { AdminUser, Assignment, AuditEntry, Page, Role } from '../../api/types';

const USERS = '/api/v1/admin/users';
export const userPath = (username: string, ...parts: string[]) => [USERS, seg(username), ...parts.map(seg)].join('/');

/** The password rule the server applies, checked before sending so the form can say so next to the field. */
export const MIN_PASSWORD = 8;

export function useUsers(cursor: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'users', cursor],
    queryFn: () => get<Page<AdminUser>>(USERS, { limit: 50, cursor }),
  });
}

export function useUser(username: string) {
  return useQuery({ queryKey: ['admin', 'user', username], queryFn: () => get<AdminUser>(userPath(username)) });
}

export function useAssignments(username: string) {
  return useQuery({
    queryKey: ['admin', 'assignments', username],
    queryFn: () => get<Page<Assignment>>(userPath(username, 'assignments')),
  });
}

export function useAudit(cursor: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'audit', cursor],
    queryFn: () => get<Page<AuditEntry>>('/api/v1/admin/audit', { limit: 100, cursor }),
  });
}

/** A mutation after which everything under ['admin'] is fetched again (users, assignments, audit). */
function useAdminMutation<V, R>(call: (vars: V) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queries.invalidateQueries({ queryKey: ['admin'] }) });
}

export interface NewUser {
  username: string;
  password: string;
  email?: string;
  platform_admin: boolean;
}

export const useCreateUser = () => useAdminMutation((user: NewUser) => post<AdminUser>(USERS, user));

export const useSetEnabled = (username: string) =>
  useAdminMutation((enabled: boolean) => patch<AdminUser>(userPath(username), { enabled }));

export const useResetPassword = (username: string) =>
  useAdminMutation((password: string) => post<void>(userPath(username, 'password'), { password }));

/** The deleted user's own queries are left alone: fetched again, they would only answer 404 before the page leaves. */
export function useDeleteUser(username: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => del(userPath(username)),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['admin', 'users'] });
      void queries.invalidateQueries({ queryKey: ['admin', 'audit'] });
    },
  });
}

export const useGrant = (username: string) =>
  useAdminMutation((grant: { project: string; role: Role }) => post<Assignment>(userPath(username, 'assignments'), grant));

export const useRevoke = (username: string) =>
  useAdminMutation((grant: { project: string; role: Role }) => del(userPath(username, 'assignments', grant.project, grant.role)));

export const usePurge = () => useAdminMutation(() => post<{ removed: number }>('/api/v1/admin/assignments/purge'));
