package org.zonelake.core.metadata;

/** Life of an object document. Only {@code STORED} objects are visible in the catalog. */
public enum ObjectStatus {
    /** Bytes are being written; invisible; removed by the sweeper if the writer died. */
    PENDING,
    /** Bytes and document are durable; visible. */
    STORED,
    /** A delete has started; invisible; finished by the sweeper if the deleter died. */
    DELETING
}
