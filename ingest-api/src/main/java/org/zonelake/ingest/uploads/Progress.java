package org.zonelake.ingest.uploads;

/**
 * Where an upload stands after a request.
 *
 * @param objectId the stored object once the last byte arrived, else {@code null}
 */
record Progress(String id, long offset, long length, Long objectId) {}
