package org.zonelake.timeseries;

import static org.zonelake.core.error.ErrorCode.GOLD_ZONE_UNAVAILABLE;
import static org.zonelake.core.error.ErrorCode.INTERNAL;
import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;

import java.io.IOException;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.QueryResult;
import org.zonelake.core.error.LakeException;

/**
 * influxdb-java's failures as the lake's errors: no answer, a refused login or a server in trouble is
 * {@link org.zonelake.core.error.ErrorCode#GOLD_ZONE_UNAVAILABLE} (callers retry); points InfluxDB refuses are
 * {@link org.zonelake.core.error.ErrorCode#INVALID_REQUEST}.
 */
final class InfluxErrors {
    static final String DATABASE_NOT_FOUND = "database not found";

    private InfluxErrors() {}

    static LakeException translate(Throwable failure, String context) {
        if (failure instanceof LakeException lake) {
            return lake;
        }
        if (failure instanceof InfluxDBIOException || failure instanceof IOException) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return new LakeException(GOLD_ZONE_UNAVAILABLE, context + ": InfluxDB is unreachable (" + cause + ")", failure);
        }
        if (failure instanceof InfluxDBException.AuthorizationFailedException) {
            return new LakeException(GOLD_ZONE_UNAVAILABLE, context + ": InfluxDB refused the configured credentials (" + failure.getMessage() + ")", failure);
        }
        String message = String.valueOf(failure.getMessage());
        if (message.startsWith("error parsing query")) {
            return new LakeException(INTERNAL, context + ": InfluxDB could not parse the query (" + message + ")", failure);
        }
        return new LakeException(GOLD_ZONE_UNAVAILABLE, context + ": " + message, failure);
    }

    /** A write InfluxDB refused: the points' fault unless the server or the network failed. */
    static LakeException translateWrite(Throwable failure, String context) {
        boolean refusedPoints = failure instanceof InfluxDBException influx && !(failure instanceof InfluxDBIOException)
                && !(failure instanceof InfluxDBException.AuthorizationFailedException)
                && (!influx.isRetryWorth() || String.valueOf(failure.getMessage()).contains("partial write"));
        return refusedPoints ? new LakeException(INVALID_REQUEST, context + ": InfluxDB refused the points (" + failure.getMessage() + ")", failure)
                : translate(failure, context);
    }

    /** The result if neither it nor one of its statements failed. */
    static QueryResult checked(QueryResult result, String command) {
        String error = result.getError();
        if (error == null && result.getResults() != null) {
            error = result.getResults().stream().map(QueryResult.Result::getError).filter(e -> e != null).findFirst().orElse(null);
        }
        if (error != null) {
            throw LakeException.of(GOLD_ZONE_UNAVAILABLE, "InfluxDB failed on %s: %s", command, error);
        }
        return result;
    }

    static boolean isDatabaseNotFound(QueryResult result) {
        return result.getResults() != null && result.getResults().stream()
                .anyMatch(r -> r.getError() != null && r.getError().startsWith(DATABASE_NOT_FOUND));
    }
}
