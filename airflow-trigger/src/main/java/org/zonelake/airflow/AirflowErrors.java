package org.zonelake.airflow;

import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;
import static org.zonelake.core.error.ErrorCode.PROCESS_ZONE_UNAVAILABLE;

import java.io.IOException;
import org.zonelake.core.error.LakeException;

/**
 * Airflow's failures as the lake's errors: no answer, refused credentials, an unknown DAG or a server error is
 * {@link org.zonelake.core.error.ErrorCode#PROCESS_ZONE_UNAVAILABLE} (callers retry: the DAG may not be parsed
 * yet, operators fix credentials); a request Airflow rejects as invalid is
 * {@link org.zonelake.core.error.ErrorCode#INVALID_REQUEST}.
 */
final class AirflowErrors {
    private static final int MAX_DETAIL_CHARS = 300;

    private AirflowErrors() {}

    static LakeException unreachable(String context, String url, IOException failure) {
        return new LakeException(PROCESS_ZONE_UNAVAILABLE, context + ": Airflow at " + url + " does not answer (" + failure + ")", failure);
    }

    static LakeException answered(String context, int status, String body) {
        String detail = detail(body);
        if (status == 400 || status == 422) {
            return new LakeException(INVALID_REQUEST, context + ": Airflow rejected the request (HTTP " + status + ": " + detail + ")");
        }
        if (status == 401 || status == 403) {
            return new LakeException(PROCESS_ZONE_UNAVAILABLE, context + ": Airflow refused the lake's credentials (HTTP " + status
                    + "); check ZONELAKE_AIRFLOW_USER and ZONELAKE_AIRFLOW_PASSWORD");
        }
        return new LakeException(PROCESS_ZONE_UNAVAILABLE, context + ": Airflow answered HTTP " + status + " (" + detail + ")");
    }

    static LakeException unreadable(String context, String what) {
        return new LakeException(PROCESS_ZONE_UNAVAILABLE, context + ": Airflow's answer has no " + what);
    }

    /** The start of an error body, on one line: Airflow's error documents carry no secrets of ours. */
    private static String detail(String body) {
        String line = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS) + "...";
    }
}
