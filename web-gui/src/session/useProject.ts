import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { get } from '../api/client';
import type { Page, Project, Role } from '../api/types';
import { useSession } from './SessionContext';

/** The projects the user may see (a platform admin: all); the server decides, this list only offers them. */
export function useProjects() {
  const { user } = useSession();
  return useQuery({
    queryKey: ['projects', user?.username],
    queryFn: () => get<Page<Project>>('/api/v1/projects', { limit: 1000 }),
    enabled: !!user,
  });
}

const RANK: Record<Role, number> = { reader: 1, member: 2, admin: 3 };

/**
 * The project of the current page and what the user's role allows, to hide buttons that would only be refused.
 * Hiding is a courtesy: the server authorizes every request.
 */
export function useProject() {
  const { project = '' } = useParams();
  const { user } = useSession();
  const role = user?.projects.find((p) => p.project === project)?.role;
  const at = (needed: Role) => !!user?.platform_admin || (role !== undefined && RANK[role] >= RANK[needed]);
  return { project, role, canRead: at('reader'), canWrite: at('member'), canAdminister: at('admin') };
}
