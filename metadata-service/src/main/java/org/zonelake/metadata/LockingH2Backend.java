package org.zonelake.metadata;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend made safe for concurrent clients. The backend runs a findAndModify or a filtered update as
 * "find, then write" without a lock, and applies an update by rewriting the stored document object in place,
 * which may still be referenced by a reply that the network thread has not encoded yet. Unguarded, two
 * clients can both get the same counter value or lease the same event. So write commands run one at a
 * time, reads run together but never during a write, every reply is deep-copied before the lock is released,
 * and the store is committed only under the write lock (never a half-updated document on disk). This gives
 * what a real MongoDB guarantees and the repositories rely on: each single-document write is atomic.
 *
 * <p>The copy ({@code Document.cloneDeeply()}) is a recursive copy of documents and lists that shares the leaf
 * values (strings, numbers, instants, ids), which no update changes in place; it costs little next to encoding
 * the reply. Its databases are {@link IndexedH2Database}s, which read through indexes where the stock ones scan.
 */
final class LockingH2Backend extends H2Backend {
    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes", "create", "drop", "dropdatabase",
            "renamecollection");

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** A backend on the given store; open file stores with auto-commit disabled and call {@link #commit()} instead. */
    LockingH2Backend(MVStore store) {
        super(store);
    }

    static LockingH2Backend inMemoryStore() {
        return new LockingH2Backend(MVStore.open(null));
    }

    static LockingH2Backend onFile(String fileName) {
        return new LockingH2Backend(new MVStore.Builder().fileName(fileName).autoCommitDisabled().open());
    }

    /** Databases whose collections read through their indexes, unique or not, where the stock ones scan. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Lock held = WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT)) ? lock.writeLock() : lock.readLock();
        held.lock();
        try {
            Document reply = super.handleCommand(channel, databaseName, command, query);
            return reply == null ? null : reply.cloneDeeply();
        } finally {
            held.unlock();
        }
    }

    /** Writes every acknowledged write to the file. */
    @Override
    public void commit() {
        lock.writeLock().lock();
        try {
            if (!getMvStore().isClosed()) {
                super.commit();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
