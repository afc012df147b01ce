package org.zonelake.core.gold.timeseries;

/** How points of one time bucket are combined. */
public enum Aggregate {
    MEAN,
    MIN,
    MAX,
    SUM,
    COUNT,
    FIRST,
    LAST
}
