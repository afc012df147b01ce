import { describe, expect, it } from 'vitest';
import { intervalFor, MAX_BUCKETS, pan, TARGET_BUCKETS, zoomOut } from './timeRange';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('intervalFor', () => {
  it('picks the smallest round interval giving at most the target number of buckets', () => {
    expect(intervalFor({ from: 0, to: HOUR }).text).toBe('5s'); // 720 buckets; 1s would give 3600
    expect(intervalFor({ from: 0, to: DAY }).text).toBe('5m'); // 288; 1m would give 1440
    expect(intervalFor({ from: 0, to: 365 * DAY }).text).toBe('12h'); // 730
  });

  it('stays under the server limit over centuries, in whole days', () => {
    const range = { from: Date.UTC(1678, 0, 1), to: Date.UTC(2261, 11, 31) };

    const interval = intervalFor(range);

    expect(interval.text).toMatch(/^\d+d$/);
    const buckets = (range.to - range.from) / interval.ms;
    expect(buckets).toBeLessThanOrEqual(TARGET_BUCKETS);
    expect(buckets).toBeLessThan(MAX_BUCKETS);
  });
});

describe('zoom and pan', () => {
  it('zooms out around the same centre', () => {
    expect(zoomOut({ from: 1000, to: 2000 })).toEqual({ from: 500, to: 2500 });
  });

  it('pans by half the window, both ways', () => {
    expect(pan({ from: 1000, to: 2000 }, 1)).toEqual({ from: 1500, to: 2500 });
    expect(pan({ from: 1000, to: 2000 }, -1)).toEqual({ from: 500, to: 1500 });
  });
});
