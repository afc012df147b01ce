package org.zonelake.ingest.uploads;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Upload ids: 128 random bits in lower-case hex. Unguessable, so that the upload URL is no handle for strangers,
 * and safe as a file name in the staging directory once {@link #isWellFormed} has checked a client's copy.
 */
final class UploadIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-f]{32}");

    private UploadIds() {}

    static String newId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
