package org.zonelake.pipelines.sqldump;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.zonelake.pipelines.StepContext;

/** Rows on their way to the gold store that stop (throw, so nothing is published) once a cancel is requested. */
final class CancellableRows implements Iterator<List<Object>> {
    private static final int CHECK_EVERY = 1024;

    private final Iterator<List<Object>> rows;
    private final StepContext context;
    private long count;

    CancellableRows(Iterator<List<Object>> rows, StepContext context) {
        this.rows = requireNonNull(rows, "rows is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public boolean hasNext() {
        if (count % CHECK_EVERY == 0 && context.cancelRequested()) {
            throw new CancellationException("Cancelled after " + count + " rows");
        }
        return rows.hasNext();
    }

    @Override
    public List<Object> next() {
        count++;
        return rows.next();
    }
}
