package org.zonelake.core.gold.timeseries;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One downsampled value: the bucket's start and the aggregate of its points ({@code null} if empty). */
public record Bucket(Instant start, Double value) {
    public Bucket {
        requireNonNull(start, "start is null");
    }
}
