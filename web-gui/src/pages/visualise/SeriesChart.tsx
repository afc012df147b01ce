import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesQuery } from '../../api/types';
import i18n from '../../i18n';
import { joinShortGaps } from './gaps';
import type { Range } from './timeRange';

interface SeriesChartProps {
  data: SeriesQuery;
  /** Accessible name of the chart (what it shows). */
  label: string;
  /** The legend's name of the time axis, in the reader's language. */
  timeLabel: string;
  /** A range dragged out on the chart, in epoch ms: the page re-queries it at a finer interval. */
  onSelectRange: (range: Range) => void;
}

const heightFor = (width: number) => (width < 500 ? 240 : 340);

/** Values between two gaps: drawn as dots, or a series of gaps would show nothing at all. */
function isolated(values: ArrayLike<number | null | undefined>): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const gapBefore = i === 0 || values[i - 1] === null;
    const gapAfter = i === values.length - 1 || values[i + 1] === null;
    if (values[i] != null && gapBefore && gapAfter) indexes.push(i);
  }
  return indexes;
}

const locale = () => (i18n.language === 'fr' ? 'fr-FR' : 'en-GB');

/** A time tick: the time of day for steps under a day, the date otherwise. */
function tickLabel(seconds: number, stepSeconds: number): string {
  const date = new Date(seconds * 1000);
  if (stepSeconds >= 86_400) return date.toLocaleDateString(locale(), { day: 'numeric', month: 'short', year: 'numeric' });
  const time = date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: stepSeconds < 60 ? '2-digit' : undefined });
  const midnight = date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;
  return midnight ? `${time}\n${date.toLocaleDateString(locale(), { day: 'numeric', month: 'short' })}` : time;
}

function toAligned(data: SeriesQuery): uPlot.AlignedData {
  return [data.buckets.map((b) => Date.parse(b.time) / 1000), joinShortGaps(data.buckets.map((b) => b.value))];
}

/** The uPlot chart: created once, fed new data, resized with its box, destroyed on unmount. */
export function SeriesChart({ data, label, timeLabel, onSelectRange }: SeriesChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const onSelect = useRef(onSelectRange);
  onSelect.current = onSelectRange;

  useEffect(() => {
    const element = box.current!;
    const width = element.clientWidth || 600;
    const options: uPlot.Options = {
      width,
      height: heightFor(width),
      legend: { show: true },
      // Dragging selects a range; the page queries it rather than uPlot zooming into the coarse buckets.
      cursor: { drag: { x: true, y: false, setScale: false } },
      scales: { x: { time: true } },
      // Tick labels in the reader's language and order (uPlot's own are American: 5/1/24 7:15am).
      axes: [{ values: (_u, splits, _axis, _space, step) => splits.map((seconds) => tickLabel(seconds, step)) }, {}],
      series: [
        { label: timeLabel, value: (_u, seconds) => (seconds == null ? '–' : new Date(seconds * 1000).toLocaleString(locale())) },
        {
          label: data.field,
          stroke: '#0b5f7a',
          width: 1.5,
          fill: 'rgba(11, 95, 122, 0.08)',
          points: { size: 4, filter: (u, index, show) => (show ? null : isolated(u.data[index])) },
        },
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 3) return;
            const from = u.posToVal(u.select.left, 'x') * 1000;
            const to = u.posToVal(u.select.left + u.select.width, 'x') * 1000;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            onSelect.current({ from: Math.round(from), to: Math.round(to) });
          },
        ],
      },
    };
    const chart = new uPlot(options, toAligned(data), element);
    plot.current = chart;
    const observer = new ResizeObserver(() => {
      const w = element.clientWidth;
      if (w > 0 && w !== chart.width) chart.setSize({ width: w, height: heightFor(w) });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // Built once per field and language (the legend's labels); new buckets go through setData below.
  }, [data.field, timeLabel]);

  useEffect(() => {
    plot.current?.setData(toAligned(data));
  }, [data]);

  return (
    <div className="chart">
      <div ref={box} className="series-chart" role="img" aria-label={label} />
    </div>
  );
}
