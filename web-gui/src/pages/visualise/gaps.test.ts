import { describe, expect, it } from 'vitest';
import { joinShortGaps } from './gaps';

describe('joinShortGaps', () => {
  it('joins the empty buckets between readings of a steady cadence', () => {
    const values = [1, null, null, 2, null, null, 3, null, null, 4];

    expect(joinShortGaps(values)).toEqual([1, undefined, undefined, 2, undefined, undefined, 3, undefined, undefined, 4]);
  });

  it('keeps a run of empty buckets longer than twice the cadence as a gap', () => {
    const values = [1, null, 2, null, 3, null, null, null, null, null, 4, null, 5];

    const joined = joinShortGaps(values);

    expect(joined.slice(0, 5)).toEqual([1, undefined, 2, undefined, 3]);
    expect(joined.slice(5, 10)).toEqual([null, null, null, null, null]);
    expect(joined.slice(10)).toEqual([4, undefined, 5]);
  });

  it('leaves dense series and too few readings alone', () => {
    expect(joinShortGaps([1, 2, null, 3, 4, 5])).toEqual([1, 2, null, 3, 4, 5]);
    expect(joinShortGaps([null, 1, null, null, 2, null])).toEqual([null, 1, null, null, 2, null]);
  });
});
