package org.zonelake.sql;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-process locks per table, striped so that their number stays fixed. {@link #writer} serialises writes of a
 * table; {@link #visibility} lets a write change the table's structure (create, swap, add columns) while no reader
 * of this process is inside it. H2 commits at every DDL statement, so without them a reader could fall between the
 * drop of the old table and the rename of the new one. On PostgreSQL they only save round trips.
 */
final class TableLocks {
    private static final int STRIPES = 64;

    private final Lock[] writers = new Lock[STRIPES];
    private final ReadWriteLock[] visibility = new ReadWriteLock[STRIPES];

    TableLocks() {
        for (int i = 0; i < STRIPES; i++) {
            writers[i] = new ReentrantLock();
            visibility[i] = new ReentrantReadWriteLock();
        }
    }

    Lock writer(GoldTable table) {
        return writers[stripe(table)];
    }

    ReadWriteLock visibility(GoldTable table) {
        return visibility[stripe(table)];
    }

    private static int stripe(GoldTable table) {
        return Math.floorMod(table.lockKey().hashCode(), STRIPES);
    }
}
