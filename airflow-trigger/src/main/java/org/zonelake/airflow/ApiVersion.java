package org.zonelake.airflow;

import java.util.Locale;

/** Which REST API the lake speaks to Airflow: v1 (Airflow 2, basic auth), v2 (Airflow 3, bearer tokens), or probe. */
public enum ApiVersion {
    V1("api/v1"),
    V2("api/v2"),
    AUTO(null);

    private final String path;

    ApiVersion(String path) {
        this.path = path;
    }

    /** The API's path under Airflow's base URL, e.g. {@code api/v2}; AUTO has none until resolved. */
    String path() {
        if (path == null) {
            throw new IllegalStateException("The API version is not resolved yet");
        }
        return path;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code v1}, {@code v2} or {@code auto}, in any case. */
    public static ApiVersion parse(String text) {
        for (ApiVersion version : values()) {
            if (version.wireName().equalsIgnoreCase(text.trim())) {
                return version;
            }
        }
        throw new IllegalArgumentException("expected v1, v2 or auto");
    }
}
