// How the chart treats empty buckets (the server answers null for a bucket without points).

/**
 * Buckets finer than the data's own cadence (a reading a minute seen through 5 s buckets) leave most of them empty.
 * Runs of empty buckets no longer than twice the usual spacing between values are joined (undefined, to uPlot: no
 * value here), so the line follows the readings; longer runs stay gaps (null), so missing data still shows.
 */
export function joinShortGaps(values: (number | null)[]): (number | null | undefined)[] {
  const present = values.flatMap((value, index) => (value === null ? [] : [index]));
  if (present.length < 3) return values;
  const spacings = present.slice(1).map((index, i) => index - present[i]).sort((a, b) => a - b);
  const usual = spacings[Math.floor(spacings.length / 2)];
  if (usual <= 1) return values;
  const joined: (number | null | undefined)[] = values.slice();
  for (let i = 1; i < present.length; i++) {
    if (present[i] - present[i - 1] > 2 * usual) continue;
    for (let j = present[i - 1] + 1; j < present[i]; j++) joined[j] = undefined;
  }
  return joined;
}
