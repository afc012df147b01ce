// Ranges and bucket intervals for the time-series chart. The server downsamples; we pick an interval that gives
// about TARGET_BUCKETS buckets for the range, from a list of round values (the API allows units s, m, h and d).

export const TARGET_BUCKETS = 1000;
export const MAX_BUCKETS = 10_000;

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

const NICE: [number, string][] = [
  [S, '1s'], [5 * S, '5s'], [10 * S, '10s'], [30 * S, '30s'],
  [M, '1m'], [5 * M, '5m'], [10 * M, '10m'], [30 * M, '30m'],
  [H, '1h'], [3 * H, '3h'], [6 * H, '6h'], [12 * H, '12h'],
  [D, '1d'], [7 * D, '7d'],
];

export interface Range {
  from: number; // epoch ms
  to: number;
}

/** The smallest round interval giving at most about TARGET_BUCKETS buckets (never more than MAX_BUCKETS). */
export function intervalFor(range: Range): { ms: number; text: string } {
  const span = Math.max(range.to - range.from, S);
  for (const [ms, text] of NICE) {
    if (span / ms <= TARGET_BUCKETS) return { ms, text };
  }
  const days = Math.ceil(span / TARGET_BUCKETS / D);
  return { ms: days * D, text: `${days}d` };
}

export const PRESETS = { hour: H, day: D, week: 7 * D } as const;
export type Preset = keyof typeof PRESETS | 'all';

/** The last hour/day/week up to now. */
export function presetRange(preset: keyof typeof PRESETS, now = Date.now()): Range {
  return { from: now - PRESETS[preset], to: now };
}

/** Twice as wide around the same centre. */
export function zoomOut(range: Range): Range {
  const width = range.to - range.from;
  const from = Math.round((range.from + range.to) / 2 - width);
  return { from, to: from + 2 * width };
}

/** Moves the window by half its width; direction -1 goes back in time. */
export function pan(range: Range, direction: 1 | -1): Range {
  const step = Math.round(((range.to - range.from) / 2) * direction);
  return { from: range.from + step, to: range.to + step };
}

export const toIso = (ms: number) => new Date(ms).toISOString();

export function parseInstant(text: string | null): number | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** A datetime-local input's value (local time, to the second) for an instant. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A datetime-local value read as local time, or null when empty or unreadable. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

// Extent search for "all data": count points over the whole era at a coarse interval, then narrow the window to the
// buckets that hold points at finer intervals, until the window is about a hundred buckets wide. Each step stays
// under the server's bucket limit because the previous one stopped below a hundred buckets.
// The era is what the lake's time-series zones can hold (1678–2261), less a margin for buckets aligned to the epoch:
// about 7,000 buckets of 30 days.
export const EXTENT_START = Date.UTC(1680, 0, 1);
export const EXTENT_END = Date.UTC(2260, 0, 1);
export const EXTENT_STEPS: [number, string][] = [[30 * D, '30d'], [D, '1d'], [H, '1h'], [M, '1m']];
export const EXTENT_ENOUGH_BUCKETS = 100;
