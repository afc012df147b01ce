package org.zonelake.pipelines.timeseries;

import java.util.List;
import org.zonelake.core.metadata.TimeSeriesMapping;

/**
 * The reference system's sensor readings, read without a template: {@code [{topic, subID, unitID, input,
 * value_units, value, time}]}. The measurement is the topic made name-safe ({@code sensor} without one), the ids,
 * input and units are tags, {@code value} is the field, and the time is ISO-8601 or epoch seconds, milliseconds,
 * microseconds or nanoseconds, told apart by magnitude.
 */
final class SensorFormat {
    static final String DESCRIPTION = "[{topic, subID, unitID, input, value_units, value, time}]";
    static final TimeSeriesMapping MAPPING = new TimeSeriesMapping("sensor", "topic", "time", TimeParser.AUTO,
            List.of("subID", "unitID", "input", "value_units"), List.of("value"), null);

    private SensorFormat() {}
}
