package org.zonelake.core.metadata;

import java.util.Locale;

/** Where an upload stands, from first byte to the end of processing. */
public enum UploadState {
    RECEIVING,
    STORED,
    PROCESSING,
    PROCESSED,
    FAILED,
    NOT_HANDLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
