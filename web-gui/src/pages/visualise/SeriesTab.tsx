import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl, projectPath } from '../../api/client';
import type { SeriesQuery } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime, formatNumber } from '../../format';
import { clearTags, tagsOf, useVisualiseParams } from './params';
import { SeriesChart } from './SeriesChart';
import { RangeControls, SelectionControls } from './SeriesControls';
import { intervalFor, pan, parseInstant, toIso, zoomOut, type Range } from './timeRange';
import { useExtent, useMeasurements, useSeriesData, type SeriesSelection } from './useSeries';

/** Time series: choose a measurement, field, filters and range; the chart re-queries as you zoom and pan. */
export function SeriesTab({ project }: { project: string }) {
  const { t } = useTranslation('visualise');
  const { params, update } = useVisualiseParams();
  const measurements = useMeasurements(project);
  const items = measurements.data?.items ?? [];

  const measurementName = params.get('measurement') ?? items[0]?.name ?? '';
  const measurement = items.find((m) => m.name === measurementName);
  const field = params.get('field') ?? measurement?.field_keys[0] ?? '';
  const object = params.get('object') ?? '';
  const aggregate = params.get('aggregate') ?? 'mean';
  const urlTags = tagsOf(params);
  // Keyed by content, not identity: tagsOf builds a new object on every render.
  const tagsKey = JSON.stringify([urlTags, object]);
  const selection: SeriesSelection = useMemo(
    () => ({ measurement: measurementName, field, tags: object ? { ...urlTags, zl_object_id: object } : urlTags }),
    [measurementName, field, tagsKey],
  );

  // No from/to in the address means "all data": the range is then the extent of the selected points.
  const from = parseInstant(params.get('from'));
  const to = parseInstant(params.get('to'));
  const explicit = useMemo(() => (from !== null && to !== null && to > from ? { from, to } : null), [from, to]);
  const extent = useExtent(project, selection, !explicit && !!measurement);
  const range = explicit ?? extent.data ?? null;
  const interval = range ? intervalFor(range).text : '';
  const data = useSeriesData(project, selection, range, interval, aggregate);

  const setRange = (next: Range | null) => update({ from: next && toIso(next.from), to: next && toIso(next.to) });

  if (measurements.isPending) return <Loading />;
  if (measurements.error) return <ProblemMessage error={measurements.error} onRetry={() => void measurements.refetch()} />;
  if (items.length === 0) return <p className="notice">{t('series.none')}</p>;

  return (
    <div className="series-tab">
      <SelectionControls
        project={project}
        measurements={items}
        measurement={measurement}
        measurementName={measurementName}
        field={field}
        tags={urlTags}
        object={object}
        aggregate={aggregate}
        onMeasurement={(name) => update({ measurement: name, field: null, from: null, to: null, ...clearTags(params) })}
        onChange={(key, value) => update({ [key]: value })}
      />
      {!measurement && <p className="notice">{t('series.unknownMeasurement', { measurement: measurementName })}</p>}
      <RangeControls
        range={range}
        onRange={setRange}
        onZoomOut={() => range && setRange(zoomOut(range))}
        onPan={(direction) => range && setRange(pan(range, direction))}
      />
      <ProblemMessage error={extent.error ?? data.error} onRetry={() => void (extent.error ? extent.refetch() : data.refetch())} />
      {measurement && !explicit && extent.isSuccess && extent.data === null && <p className="notice">{t('series.noPoints')}</p>}
      {measurement && !data.data && (extent.isFetching || data.isFetching) && <Loading />}
      {data.data && (
        <>
          <SeriesFacts data={data.data} fetching={data.isFetching} />
          <SeriesChart
            data={data.data}
            label={t('series.chartLabel', { measurement: data.data.measurement, field: data.data.field })}
            timeLabel={t('series.time')}
            onSelectRange={(selected) => {
              if (selected.to - selected.from >= 1000) setRange(selected);
            }}
          />
          <p className="muted series-hint">{t('series.dragHint')}</p>
        </>
      )}
      {range && measurement && (
        <p>
          <a
            className="button secondary"
            href={apiUrl(projectPath(project, 'timeseries', measurementName, 'export'), { format: 'csv', from: toIso(range.from), to: toIso(range.to) })}
            download
          >
            {t('series.downloadCsv')}
          </a>
        </p>
      )}
    </div>
  );
}

function SeriesFacts({ data, fetching }: { data: SeriesQuery; fetching: boolean }) {
  const { t } = useTranslation('visualise');
  const points = data.buckets.filter((b) => b.value !== null).length;
  return (
    <dl className="facts series-facts" aria-busy={fetching}>
      <dt>{t('series.shown')}</dt>
      <dd>
        {data.measurement} · {data.field} · {t(`series.aggregates.${data.aggregate}`, { defaultValue: data.aggregate })}
      </dd>
      <dt>{t('series.interval')}</dt>
      <dd>{data.interval}</dd>
      <dt>{t('series.points')}</dt>
      <dd data-testid="series-points">{formatNumber(points)}</dd>
      <dt>{t('series.period')}</dt>
      <dd>
        {formatDateTime(data.from)} – {formatDateTime(data.to)}
      </dd>
    </dl>
  );
}
