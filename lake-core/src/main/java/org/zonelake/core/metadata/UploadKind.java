package org.zonelake.core.metadata;

/** How an upload reached the lake. */
public enum UploadKind {
    SINGLE_REQUEST,
    RESUMABLE
}
