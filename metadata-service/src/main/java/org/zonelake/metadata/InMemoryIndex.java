package org.zonelake.metadata;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-unique index, which the stock backend accepts but does not build, kept in memory: the entries
 * (key values in index order, then the document's position) are rebuilt from the documents when the server
 * opens and follow every insert, update and delete. {@link IndexedH2Collection} reads the documents whose
 * leading keys equal given values from it, in index order, so a query such as "waiting events, oldest first"
 * stops at its limit instead of scanning and sorting the collection.
 *
 * <p>Values are read and compared as the backend's own sort does ({@code DocumentComparator}), so index order is
 * sort order. An index that meets an array (a multikey index) or a value the backend cannot sort stops serving
 * reads until the server restarts; queries then scan, as with the stock backend.
 */
final class InMemoryIndex extends Index<Object> implements RebuiltIndex {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryIndex.class);
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();
    private static final ValueComparator VALUES = ValueComparator.asc();
    private static final double MAX_EXACT_DOUBLE = 0x1p53;

    private final String collectionName;
    private final String idField;
    private final List<String> fields;
    private final int[] directions;
    private final NavigableSet<Entry> entries = new TreeSet<>(this::compare);
    private final Map<Object, Entry> entryByPosition = new HashMap<>();
    private boolean usable = true;
    private boolean awaitsRebuild;

    private record Entry(Object[] values, Object position) {}

    /** With {@code rebuiltLater}, the index stays empty until its database fills it ({@link RebuiltIndex}). */
    InMemoryIndex(String collectionName, String name, List<IndexKey> keys, boolean sparse, String idField, boolean rebuiltLater) {
        super(name, keys, sparse);
        this.awaitsRebuild = rebuiltLater;
        this.collectionName = collectionName;
        this.idField = idField;
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.directions = keys.stream().mapToInt(key -> key.isAscending() ? 1 : -1).toArray();
    }

    /** The indexed fields, in index order. */
    List<String> fields() {
        return fields;
    }

    /** Whether the key at {@code index} is ascending. */
    boolean isAscending(int index) {
        return directions[index] > 0;
    }

    /** Whether reads may use this index (filled, and no array or unsortable value met). */
    boolean isUsable() {
        return usable && !awaitsRebuild;
    }

    @Override
    public boolean awaitsRebuild() {
        return awaitsRebuild;
    }

    @Override
    public void rebuildWith(Document document, Object position, MongoCollection<Object> collection) {
        add(document, position, collection);
    }

    @Override
    public void rebuilt() {
        awaitsRebuild = false;
    }

    /** An index waiting for its rebuild is not empty to the backend, which would otherwise fill it on its own. */
    @Override
    public boolean isEmpty() {
        return !awaitsRebuild && super.isEmpty();
    }

    /**
     * The positions of the documents whose first {@code prefix.size()} keys equal the given values (numbers equal
     * by value; null also stands for a missing field), in index order or its reverse.
     */
    Iterable<Object> positions(List<Object> prefix, boolean reverse) {
        NavigableSet<Entry> range = entries.subSet(bound(prefix, LOWEST), true, bound(prefix, HIGHEST), true);
        NavigableSet<Entry> ordered = reverse ? range.descendingSet() : range;
        return () -> ordered.stream().map(Entry::position).iterator();
    }

    private Entry bound(List<Object> prefix, Object filler) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < prefix.size() ? prefix.get(i) : filler;
        }
        return new Entry(values, filler);
    }

    private int compare(Entry left, Entry right) {
        for (int i = 0; i < directions.length; i++) {
            int order = compareValues(left.values()[i], right.values()[i]);
            if (order != 0) {
                return order * (isBound(left.values()[i]) || isBound(right.values()[i]) ? 1 : directions[i]);
            }
        }
        return compareValues(left.position(), right.position());
    }

    private static int compareValues(Object left, Object right) {
        if (left == right) {
            return 0;
        }
        if (left == LOWEST || right == HIGHEST) {
            return -1;
        }
        if (left == HIGHEST || right == LOWEST) {
            return 1;
        }
        return compareIndexed(left, right);
    }

    /**
     * The backend's order of values ({@code ValueComparator}), with shortcuts for the common cases that give the
     * same answer without its search for the types' rank, which otherwise dominates the cost of index updates:
     * two values of the same common class, whole numbers of mixed classes, two doubles (unique index keys hold
     * their numbers as doubles), and null or missing (lowest, except below MinKey and arrays, which the backend
     * ranks itself).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareIndexed(Object left, Object right) {
        if (left != null && right != null && left.getClass() == right.getClass() && isDirectlyComparable(left.getClass())) {
            return ((Comparable) left).compareTo(right);
        }
        if (isWholeNumber(left) && isWholeNumber(right)) {
            return Long.compare(((Number) left).longValue(), ((Number) right).longValue());
        }
        if (left instanceof Double leftDouble && right instanceof Double rightDouble && isExact(leftDouble) && isExact(rightDouble)) {
            // The backend equates -0.0 with 0.0; adding 0.0 turns the one into the other.
            return Double.compare(leftDouble + 0.0, rightDouble + 0.0);
        }
        boolean leftAbsent = Missing.isNullOrMissing(left);
        boolean rightAbsent = Missing.isNullOrMissing(right);
        if (leftAbsent && rightAbsent) {
            return 0;
        }
        Object present = leftAbsent ? right : left;
        if ((leftAbsent || rightAbsent) && !(present instanceof MinKey) && !(present instanceof Collection<?>)) {
            return leftAbsent ? -1 : 1;
        }
        return VALUES.compare(left, right);
    }

    private static boolean isDirectlyComparable(Class<?> type) {
        return type == String.class || type == Long.class || type == Integer.class || type == Instant.class || type == Boolean.class
                || type == ObjectId.class;
    }

    /** A double whose whole-number form, if any, the backend's normalisation keeps exact (no NaN, infinity or huge value). */
    private static boolean isExact(double value) {
        return Math.abs(value) < MAX_EXACT_DOUBLE;
    }

    private static boolean isWholeNumber(Object value) {
        return value instanceof Long || value instanceof Integer;
    }

    private static boolean isBound(Object value) {
        return value == LOWEST || value == HIGHEST;
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        Object[] values = usable ? values(document) : null;
        if (values != null) {
            put(new Entry(values, position));
        }
    }

    /** The document's key values, or null (and the index stops serving) for an array or an unsortable value. */
    private Object[] values(Document document) {
        Object[] values = new Object[fields.size()];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = Utils.getSubdocumentValueCollectionAware(document, fields.get(i));
                if (values[i] instanceof Collection<?>) {
                    stopServing("it met an array in field " + fields.get(i));
                    return null;
                }
                if (values[i] != null && !isDirectlyComparable(values[i].getClass())) {
                    VALUES.compare(values[i], values[i]);
                }
            }
            return values;
        } catch (RuntimeException e) {
            stopServing("it met a value it cannot sort: " + e.getMessage());
            return null;
        }
    }

    private void put(Entry entry) {
        entries.add(entry);
        entryByPosition.put(entry.position(), entry);
    }

    private void stopServing(String reason) {
        LOG.info("Index {} of collection {} stops serving reads until the metadata server restarts: {}", getName(), collectionName, reason);
        usable = false;
        entries.clear();
        entryByPosition.clear();
    }

    /** The backend asks every index for the removed document's position; here it is the document's id. */
    @Override
    public Object remove(Document document) {
        Object position = document.get(idField);
        removePosition(position);
        return position;
    }

    private void removePosition(Object position) {
        Entry entry = entryByPosition.remove(position);
        if (entry != null) {
            entries.remove(entry);
        }
    }

    /** Most updates leave the indexed values as they were; then the entry stays where it is. */
    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        Object[] values = usable ? values(newDocument) : null;
        Entry current = entryByPosition.get(position);
        if (values != null && current != null && Arrays.equals(values, current.values())) {
            return;
        }
        removePosition(position);
        if (values != null) {
            put(new Entry(values, position));
        }
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: no update is refused.
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: no insert is refused.
    }

    /** The backend's own index selection never picks this index; {@link IndexedH2Collection} reads it instead. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return Collections.emptyList();
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        entries.clear();
        entryByPosition.clear();
    }

    @Override
    public String toString() {
        return "InMemoryIndex[" + collectionName + "." + getName() + " " + fields + (usable ? "" : ", not serving") + "]";
    }
}
