package org.zonelake.airflow;

import java.util.Locale;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Who processes stored objects ({@code ZONELAKE_PIPELINES_TRIGGER}): the lake's own runner, or Airflow. */
public enum PipelineTriggerKind {
    LOCAL,
    AIRFLOW;

    public static final String KEY = "pipelines.trigger";

    /** The configured kind; {@code local} when unset. */
    public static PipelineTriggerKind from(ConfigSource config) {
        String value = config.string(KEY, "local");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "local" -> LOCAL;
            case "airflow" -> AIRFLOW;
            default -> throw LakeException.of(ErrorCode.INVALID_REQUEST, "Invalid value '%s' for setting %s (expected local or airflow)",
                    value, ConfigSource.environmentName(KEY));
        };
    }
}
