package org.zonelake.sql.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.zonelake.core.gold.RecordSink;

/**
 * Writes a table's rows (values as {@link org.zonelake.core.gold.sql.ColumnType} documents them) to a stream in
 * a file format, as they arrive. {@link #close()} finishes the file and flushes, but leaves the stream open: the
 * caller owns it.
 */
public interface TableWriter extends RecordSink<List<Object>>, Closeable {
    @Override
    void close() throws IOException;
}
