package org.zonelake.core.gold;

import java.io.IOException;

/** Receives exported records one at a time, so an export streams instead of building a list. */
@FunctionalInterface
public interface RecordSink<T> {
    void accept(T record) throws IOException;
}
