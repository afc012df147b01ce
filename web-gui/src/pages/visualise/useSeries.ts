import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, projectPath, request } from '../../api/client';
import type { Measurement, Page, SeriesQuery } from '../../api/types';
import { EXTENT_END, EXTENT_ENOUGH_BUCKETS, EXTENT_START, EXTENT_STEPS, toIso, type Range } from './timeRange';

export interface SeriesSelection {
  measurement: string;
  field: string;
  /** tag key → value; `zl_object_id` included when an object filters the series. */
  tags: Record<string, string>;
}

const tagQuery = (tags: Record<string, string>) =>
  Object.fromEntries(Object.entries(tags).map(([key, value]) => [`tag.${key}`, value]));

export function useMeasurements(project: string) {
  return useQuery({
    queryKey: ['timeseries', project],
    queryFn: () => get<Page<Measurement>>(projectPath(project, 'timeseries')),
  });
}

export function useTagValues(project: string, measurement: string, tag: string) {
  return useQuery({
    queryKey: ['timeseries', project, measurement, 'tags', tag],
    queryFn: () => get<{ values: string[] }>(projectPath(project, 'timeseries', measurement, 'tags', tag)),
    enabled: !!measurement,
  });
}

/** Where the selected points lie in time ("all data"), or null when there are none. See timeRange.ts. */
export function useExtent(project: string, selection: SeriesSelection, enabled: boolean) {
  return useQuery({
    queryKey: ['timeseries', project, 'extent', selection],
    enabled: enabled && !!selection.measurement && !!selection.field,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<Range | null> => {
      let window: Range = { from: EXTENT_START, to: EXTENT_END };
      for (const [ms, interval] of EXTENT_STEPS) {
        const answer = await request<SeriesQuery>(projectPath(project, 'timeseries', selection.measurement, 'query'), {
          signal,
          query: {
            field: selection.field, from: toIso(window.from), to: toIso(window.to), interval, aggregate: 'count',
            ...tagQuery(selection.tags),
          },
        });
        const filled = answer.buckets.filter((b) => b.value !== null && b.value > 0);
        if (filled.length === 0) return null;
        const first = Date.parse(filled[0].time);
        const last = Date.parse(filled[filled.length - 1].time);
        window = { from: first, to: last + ms };
        if ((window.to - window.from) / ms >= EXTENT_ENOUGH_BUCKETS) break;
      }
      return window;
    },
  });
}

export function useSeriesData(
  project: string, selection: SeriesSelection, range: Range | null, interval: string, aggregate: string,
) {
  return useQuery({
    queryKey: ['timeseries', project, 'query', selection, range, interval, aggregate],
    enabled: !!range && !!selection.measurement && !!selection.field,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      request<SeriesQuery>(projectPath(project, 'timeseries', selection.measurement, 'query'), {
        signal,
        query: {
          field: selection.field, from: toIso(range!.from), to: toIso(range!.to), interval, aggregate,
          ...tagQuery(selection.tags),
        },
      }),
  });
}
