// The object page's queries, shared by its parts so that one refetch updates them all.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { get, projectPath } from '../../api/client';
import type { LakeObject, Lineage, Page, Run } from '../../api/types';

/** An entry of an object's successful_operations or failed_operations, as the server writes them. */
export interface Operation {
  name: string;
  at: string;
  detail?: string;
  run_id?: string;
}

export const objectKey = (project: string, id: string) => ['object', project, id];
export const runsKey = (project: string, id: string) => ['runs', project, { object_id: id }];
export const lineageKey = (project: string, id: string) => ['lineage', project, id];

const isActive = (run: Run) => run.state === 'queued' || run.state === 'running';
const POLL_MS = 2000;

export function useObject(project: string, id: string) {
  return useQuery({
    queryKey: objectKey(project, id),
    queryFn: () => get<LakeObject>(projectPath(project, 'objects', id)),
  });
}

export function useLineage(project: string, id: string) {
  return useQuery({
    queryKey: lineageKey(project, id),
    queryFn: () => get<Lineage>(projectPath(project, 'objects', id, 'lineage')),
  });
}

/**
 * The object's runs, asked again every 2 s while one is queued or running. When the last one ends, the object's
 * document (operations) and lineage changed too, so they are fetched again.
 */
export function useObjectRuns(project: string, id: string) {
  const queries = useQueryClient();
  const runs = useQuery({
    queryKey: runsKey(project, id),
    queryFn: () => get<Page<Run>>(projectPath(project, 'runs'), { object_id: id, limit: 100 }),
    refetchInterval: (query) => (query.state.data?.items.some(isActive) ? POLL_MS : false),
  });
  const active = !!runs.data?.items.some(isActive);
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) {
      void queries.invalidateQueries({ queryKey: objectKey(project, id) });
      void queries.invalidateQueries({ queryKey: lineageKey(project, id) });
    }
    wasActive.current = active;
  }, [active, queries, project, id]);
  return runs;
}
