package org.zonelake.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of durations in milliseconds, by the nearest-rank method. */
record Percentiles(double[] sortedMillis) {

    static Percentiles of(Collection<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    /** The smallest value with at least {@code percent} % of the values at or below it; NaN if there are none. */
    double at(double percent) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, rank - 1)];
    }

    double p50() {
        return at(50);
    }

    double p95() {
        return at(95);
    }

    double max() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
    }

    int count() {
        return sortedMillis.length;
    }
}
