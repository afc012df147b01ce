package org.zonelake.pipelines.tabular;

import java.util.Locale;
import org.zonelake.core.config.ConfigSource;

/**
 * Settings of the {@code sql-tabular} pipeline.
 *
 * @param maxBadRowShare largest share of rows that may be quarantined before the load fails and writes nothing
 *                       ({@code ZONELAKE_PIPELINE_TABULAR_MAX_BAD_ROW_SHARE}, default 0.5)
 * @param sampleRows lines of a text file column types are inferred on; later values that do not fit are
 *                   quarantined ({@code ZONELAKE_PIPELINE_TABULAR_SAMPLE_ROWS}, default 10000)
 */
public record TabularConfig(double maxBadRowShare, int sampleRows) {
    public static final double DEFAULT_MAX_BAD_ROW_SHARE = 0.5;
    public static final int DEFAULT_SAMPLE_ROWS = 10_000;
    static final String MAX_BAD_ROW_SHARE = "pipeline.tabular.max-bad-row-share";
    static final String SAMPLE_ROWS = "pipeline.tabular.sample-rows";

    public TabularConfig {
        if (!(maxBadRowShare >= 0 && maxBadRowShare <= 1)) {
            throw new IllegalArgumentException(ConfigSource.environmentName(MAX_BAD_ROW_SHARE) + " must be between 0 and 1, was " + maxBadRowShare);
        }
        if (sampleRows <= 0) {
            throw new IllegalArgumentException(ConfigSource.environmentName(SAMPLE_ROWS) + " must be positive, was " + sampleRows);
        }
    }

    public static TabularConfig defaults() {
        return new TabularConfig(DEFAULT_MAX_BAD_ROW_SHARE, DEFAULT_SAMPLE_ROWS);
    }

    public static TabularConfig from(ConfigSource source) {
        String share = source.string(MAX_BAD_ROW_SHARE, Double.toString(DEFAULT_MAX_BAD_ROW_SHARE));
        try {
            return new TabularConfig(Double.parseDouble(share.trim()), source.integer(SAMPLE_ROWS, DEFAULT_SAMPLE_ROWS));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ConfigSource.environmentName(MAX_BAD_ROW_SHARE) + " must be a number such as 0.5, was " + share);
        }
    }

    /** "50%", for messages. */
    String maxBadRowPercent() {
        return String.format(Locale.ROOT, "%.0f%%", maxBadRowShare * 100);
    }
}
