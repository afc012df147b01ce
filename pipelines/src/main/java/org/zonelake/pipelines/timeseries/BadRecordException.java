package org.zonelake.pipelines.timeseries;

/** A record that cannot become a point: bad data, reported to the user with the record's position, never retried. */
final class BadRecordException extends RuntimeException {
    BadRecordException(String reason) {
        super(reason, null, false, false);
    }
}
