package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;

import org.zonelake.ingest.service.StoreRequest;

/**
 * A tus creation request.
 *
 * @param length the announced total length in bytes
 * @param uploadMetadata the client's {@code Upload-Metadata} header verbatim, or {@code null}
 */
record NewUpload(StoreRequest request, long length, String uploadMetadata) {
    NewUpload {
        requireNonNull(request, "request is null");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, was " + length);
        }
    }
}
