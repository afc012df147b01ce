import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measurement } from '../../api/types';
import { useTagValues } from './useSeries';
import { fromLocalInput, presetRange, toLocalInput, type Preset, type Range } from './timeRange';

export const AGGREGATES = ['mean', 'min', 'max', 'sum', 'count', 'first', 'last'] as const;

interface LabelledSelectProps {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
}

function LabelledSelect({ label, value, options, onChange, disabled }: LabelledSelectProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A tag's values from the server, with "all" first; `zl_object_id` is the object a point came from. */
function TagSelect(props: { project: string; measurement: string; tag: string; label: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('visualise');
  const values = useTagValues(props.project, props.measurement, props.tag);
  const known = values.data?.values ?? [];
  // A value from the address the server does not list stays selectable, so the select shows what filters.
  const all = props.value && !known.includes(props.value) ? [props.value, ...known] : known;
  return (
    <LabelledSelect
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      disabled={values.isPending}
      options={[{ value: '', label: t('series.allValues') }, ...all.map((v) => ({ value: v, label: v }))]}
    />
  );
}

interface SelectionControlsProps {
  project: string;
  measurements: Measurement[];
  measurement: Measurement | undefined;
  measurementName: string;
  field: string;
  tags: Record<string, string>;
  object: string;
  aggregate: string;
  onMeasurement: (name: string) => void;
  onChange: (key: string, value: string) => void;
}

/** What to chart: measurement, field, tag filters, object, aggregate. */
export function SelectionControls(props: SelectionControlsProps) {
  const { t } = useTranslation('visualise');
  const m = props.measurementName;
  const names = props.measurements.map((item) => item.name);
  return (
    <div className="filters">
      <LabelledSelect
        label={t('series.measurement')}
        value={m}
        onChange={props.onMeasurement}
        options={(names.includes(m) ? names : [m, ...names]).map((name) => ({ value: name, label: name }))}
      />
      <LabelledSelect
        label={t('series.field')}
        value={props.field}
        onChange={(value) => props.onChange('field', value)}
        options={(props.measurement?.field_keys ?? [props.field]).map((f) => ({ value: f, label: f }))}
      />
      {props.measurement?.tag_keys.map((tag) => (
        <TagSelect
          key={tag}
          project={props.project}
          measurement={m}
          tag={tag}
          label={t('series.tag', { tag })}
          value={props.tags[tag] ?? ''}
          onChange={(value) => props.onChange(`tag.${tag}`, value)}
        />
      ))}
      <TagSelect
        project={props.project}
        measurement={m}
        tag="zl_object_id"
        label={t('series.object')}
        value={props.object}
        onChange={(value) => props.onChange('object', value)}
      />
      <LabelledSelect
        label={t('series.aggregate')}
        value={props.aggregate}
        onChange={(value) => props.onChange('aggregate', value)}
        options={AGGREGATES.map((a) => ({ value: a, label: t(`series.aggregates.${a}`) }))}
      />
    </div>
  );
}

interface RangeControlsProps {
  range: Range | null;
  onRange: (range: Range | null) => void;
  onZoomOut: () => void;
  onPan: (direction: 1 | -1) => void;
}

/** From/to inputs that follow the chart, presets, and zoom and pan buttons for those who cannot drag. */
export function RangeControls({ range, onRange, onZoomOut, onPan }: RangeControlsProps) {
  const { t } = useTranslation('visualise');
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // The inputs follow the chart (zoom, pan, presets) and are drafts until applied.
  const shownFrom = range ? toLocalInput(range.from) : '';
  const shownTo = range ? toLocalInput(range.to) : '';
  useEffect(() => {
    setFrom(shownFrom);
    setTo(shownTo);
  }, [shownFrom, shownTo]);

  const draftFrom = fromLocalInput(from);
  const draftTo = fromLocalInput(to);
  const valid = draftFrom !== null && draftTo !== null && draftTo > draftFrom;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onRange({ from: draftFrom, to: draftTo });
  };
  const preset = (p: Preset) => onRange(p === 'all' ? null : presetRange(p));

  return (
    <div className="series-range">
      <form className="row" onSubmit={apply} aria-label={t('series.range')}>
        <div>
          <label htmlFor={fromId}>{t('series.from')}</label>
          <input id={fromId} type="datetime-local" step={1} value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor={toId}>{t('series.to')}</label>
          <input id={toId} type="datetime-local" step={1} value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={!!from && !!to && !valid} />
        </div>
        <button type="submit" className="secondary" disabled={!valid}>
          {t('common:actions.apply')}
        </button>
      </form>
      {from && to && !valid && <p className="field-error">{t('series.rangeInvalid')}</p>}
      <div className="row" role="group" aria-label={t('series.presets')}>
        {(['hour', 'day', 'week', 'all'] as const).map((p) => (
          <button key={p} type="button" className="secondary" onClick={() => preset(p)}>
            {t(`series.preset.${p}`)}
          </button>
        ))}
      </div>
      <div className="row" role="group" aria-label={t('series.navigate')}>
        <button type="button" className="secondary" onClick={onZoomOut} disabled={!range}>
          {t('series.zoomOut')}
        </button>
        <button type="button" className="secondary" onClick={() => onPan(-1)} disabled={!range}>
          ← {t('series.panBack')}
        </button>
        <button type="button" className="secondary" onClick={() => onPan(1)} disabled={!range}>
          {t('series.panForward')} →
        </button>
        <button type="button" className="secondary" onClick={() => onRange(null)}>
          {t('common:actions.reset')}
        </button>
      </div>
    </div>
  );
}
