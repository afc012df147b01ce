package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Up to one segment of the caller's stream, sent with chunked encoding as it is read. It can be sent only once: the
 * client asks with {@code Expect: 100-continue} first (see {@link SwiftClient}), so that a refused request (an expired
 * token) has consumed nothing and can be repeated.
 */
final class SegmentBody extends RequestBody {
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final UploadSource source;
    private final long maxBytes;
    private final MessageDigest md5 = UploadSource.digest("MD5");
    private volatile boolean started;
    private long written;
    private String md5Hex;

    SegmentBody(UploadSource source, long maxBytes) {
        this.source = requireNonNull(source, "source is null");
        this.maxBytes = maxBytes;
    }

    @Override
    public MediaType contentType() {
        return OCTET_STREAM;
    }

    @Override
    public long contentLength() {
        return -1;
    }

    @Override
    public boolean isOneShot() {
        return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        if (started) {
            throw new IllegalStateException("A segment's bytes can be sent only once");
        }
        started = true;
        written = source.transferTo(sink, maxBytes, md5);
        md5Hex = HexFormat.of().formatHex(md5.digest());
    }

    boolean started() {
        return started;
    }

    long written() {
        return written;
    }

    /** The MD5 of the bytes sent, once they are; Swift's ETag of the segment must equal it. */
    String md5Hex() {
        return md5Hex;
    }
}
