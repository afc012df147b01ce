package org.zonelake.core.gold;

import java.util.Locale;

/** The processed zones a pipeline writes to. */
public enum GoldZone {
    TIME_SERIES,
    SQL,
    GRAPH;

    /** The zone as it appears in the API: {@code time_series}, {@code sql}, {@code graph}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
