package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.CatalogQuery.SortField;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Operation;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;

/** What every {@link ObjectRepository} must do; extend it once per backend. Instants are whole milliseconds (BSON dates). */
public abstract class ObjectRepositoryContract {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final String PROJECT = "alpha";

    protected abstract ObjectRepository repository();

    @Test
    public void allocatesIncreasingIdsPerProject() {
        long first = repository().allocateId(PROJECT);
        long second = repository().allocateId(PROJECT);
        long otherProject = repository().allocateId("beta");

        assertThat(second).isGreaterThan(first);
        assertThat(first).isPositive();
        assertThat(otherProject).isPositive();
    }

    @Test
    public void allocatesDistinctIdsUnderConcurrency() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        ids.add(repository().allocateId(PROJECT));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(2000);
    }

    @Test
    public void findsAPendingDocumentExactlyAsInserted() {
        ObjectDocument pending = pending(PROJECT, "raw data.csv", T0, "survey", Map.of("depth", 12L, "site", "north"), "first cast");

        repository().insert(pending);

        assertThat(repository().find(PROJECT, pending.id())).contains(pending);
    }

    @Test
    public void findsNothingForAnUnknownIdOrAnotherProject() {
        ObjectDocument pending = pending(PROJECT, "a.csv", T0, null, Map.of(), null);
        repository().insert(pending);

        assertThat(repository().find(PROJECT, pending.id() + 1000)).isEmpty();
        assertThat(repository().find("beta", pending.id())).isEmpty();
    }

    @Test
    public void markStoredMakesThePendingDocumentVisibleWithTheBlobFacts() {
        ObjectDocument pending = pending(PROJECT, "a.csv", T0, null, Map.of(), null);
        repository().insert(pending);
        Instant storedAt = T0.plusSeconds(5);

        ObjectDocument stored = repository().markStored(PROJECT, pending.id(), blob(pending, 42), "text/csv", storedAt);

        assertThat(stored.status()).isEqualTo(ObjectStatus.STORED);
        assertThat(stored.size()).isEqualTo(42);
        assertThat(stored.sha256()).isEqualTo(sha(pending.id()));
        assertThat(stored.contentType()).isEqualTo("text/csv");
        assertThat(stored.lastModified()).isEqualTo(storedAt);
        assertThat(stored.creationDate()).isEqualTo(T0);
        assertThat(repository().find(PROJECT, pending.id())).contains(stored);
        assertThat(search(CatalogQuery.all(PROJECT, 10)).items()).containsExactly(stored);
    }

    @Test
    public void markStoredRefusesADocumentThatIsNotPending() {
        ObjectDocument stored = stored(new Spec());

        assertThatThrownBy(() -> repository().markStored(PROJECT, stored.id(), blob(stored, 1), "text/csv", T0))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND));
        assertThatThrownBy(() -> repository().markStored(PROJECT, 9999, blob(stored, 1), "text/csv", T0))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND));
        assertThat(repository().find(PROJECT, stored.id())).contains(stored);
    }

    @Test
    public void appendsSuccessfulAndFailedOperationsInOrder() {
        ObjectDocument stored = stored(new Spec());
        Operation parsed = new Operation("parse", T0.plusSeconds(10), "12 rows", "run-1");
        Operation indexed = new Operation("index", T0.plusSeconds(20), null, "run-1");
        Operation failed = new Operation("gold", T0.plusSeconds(30), "schema mismatch", "run-2");

        repository().appendOperation(PROJECT, stored.id(), parsed, true);
        repository().appendOperation(PROJECT, stored.id(), indexed, true);
        repository().appendOperation(PROJECT, stored.id(), failed, false);

        ObjectDocument found = repository().find(PROJECT, stored.id()).orElseThrow();
        assertThat(found.successfulOperations()).containsExactly(parsed, indexed);
        assertThat(found.failedOperations()).containsExactly(failed);
        assertThat(found.lastModified()).isEqualTo(failed.at());
    }

    @Test
    public void refusesAnOperationOnAnUnknownObject() {
        assertThatThrownBy(() -> repository().appendOperation(PROJECT, 77, new Operation("parse", T0, null, null), true))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND));
    }

    @Test
    public void findsUntriggeredStoredDocumentsOldestFirstAcrossProjects() {
        ObjectDocument newer = stored(new Spec().created(T0.plusSeconds(20)));
        ObjectDocument older = stored(new Spec().project("beta").created(T0.plusSeconds(10)));
        ObjectDocument triggered = stored(new Spec().created(T0));
        repository().markTriggered(PROJECT, triggered.id(), T0.plusSeconds(30));
        repository().insert(pending(PROJECT, "pending.csv", T0, null, Map.of(), null));

        assertThat(ids(repository().findUntriggered(10))).containsExactly(older.id(), newer.id());
        assertThat(repository().findUntriggered(1)).extracting(ObjectDocument::project).containsExactly("beta");
        assertThat(repository().find(PROJECT, triggered.id()).orElseThrow().triggeredAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    public void markDeletingHidesAStoredDocumentOnce() {
        ObjectDocument stored = stored(new Spec());
        ObjectDocument pending = pending(PROJECT, "p.csv", T0, null, Map.of(), null);
        repository().insert(pending);

        assertThat(repository().markDeleting(PROJECT, stored.id(), T0.plusSeconds(60))).isTrue();
        assertThat(repository().markDeleting(PROJECT, stored.id(), T0.plusSeconds(61))).isFalse();
        assertThat(repository().markDeleting(PROJECT, pending.id(), T0.plusSeconds(61))).isFalse();
        assertThat(repository().markDeleting(PROJECT, 9999, T0.plusSeconds(61))).isFalse();

        ObjectDocument deleting = repository().find(PROJECT, stored.id()).orElseThrow();
        assertThat(deleting.status()).isEqualTo(ObjectStatus.DELETING);
        assertThat(deleting.lastModified()).isEqualTo(T0.plusSeconds(60));
        assertThat(search(CatalogQuery.all(PROJECT, 10)).items()).isEmpty();
    }

    @Test
    public void removesADocumentOnce() {
        ObjectDocument stored = stored(new Spec());

        assertThat(repository().remove(PROJECT, stored.id())).isTrue();
        assertThat(repository().remove(PROJECT, stored.id())).isFalse();
        assertThat(repository().find(PROJECT, stored.id())).isEmpty();
    }

    @Test
    public void findsStaleDocumentsOfAStatusByLastModification() {
        ObjectDocument oldPending = pending(PROJECT, "old.csv", T0, null, Map.of(), null);
        ObjectDocument otherProjectPending = pending("beta", "old.csv", T0.plusSeconds(1), null, Map.of(), null);
        ObjectDocument freshPending = pending(PROJECT, "fresh.csv", T0.plusSeconds(100), null, Map.of(), null);
        repository().insert(oldPending);
        repository().insert(otherProjectPending);
        repository().insert(freshPending);
        ObjectDocument deleting = stored(new Spec().created(T0));
        repository().markDeleting(PROJECT, deleting.id(), T0.plusSeconds(2));
        stored(new Spec().created(T0));

        Instant before = T0.plusSeconds(50);
        assertThat(repository().findStale(ObjectStatus.PENDING, before, 10))
                .extracting(ObjectDocument::project, ObjectDocument::id)
                .containsExactlyInAnyOrder(tuple(PROJECT, oldPending.id()),
                        tuple("beta", otherProjectPending.id()));
        assertThat(repository().findStale(ObjectStatus.PENDING, before, 1)).hasSize(1);
        assertThat(ids(repository().findStale(ObjectStatus.DELETING, before, 10))).containsExactly(deleting.id());
        assertThat(repository().findStale(ObjectStatus.DELETING, T0.plusSeconds(2), 10)).isEmpty();
    }

    @Test
    public void searchShowsOnlyStoredDocumentsOfTheProject() {
        ObjectDocument visible = stored(new Spec());
        stored(new Spec().project("beta"));
        repository().insert(pending(PROJECT, "pending.csv", T0, null, Map.of(), null));
        ObjectDocument deleting = stored(new Spec());
        repository().markDeleting(PROJECT, deleting.id(), T0);

        Page<ObjectDocument> page = search(CatalogQuery.all(PROJECT, 10));

        assertThat(ids(page.items())).containsExactly(visible.id());
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    public void filtersByExactContentType() {
        ObjectDocument csv = stored(new Spec().contentType("text/csv"));
        stored(new Spec().contentType("text/plain"));

        assertThat(ids(search(query().contentType("text/csv")))).containsExactly(csv.id());
    }

    @Test
    public void filtersByContentTypeFamily() {
        ObjectDocument png = stored(new Spec().contentType("image/png"));
        ObjectDocument jpeg = stored(new Spec().contentType("image/jpeg"));
        stored(new Spec().contentType("imagery/x-scan"));
        stored(new Spec().contentType("application/image"));
        ObjectDocument vendor = stored(new Spec().contentType("application/vnd.ms-excel"));

        assertThat(ids(search(query().contentType("image/*")))).containsExactlyInAnyOrder(png.id(), jpeg.id());
        assertThat(ids(search(query().contentType("application/vnd.ms-excel")))).containsExactly(vendor.id());
        assertThat(ids(search(query().contentType("application/vnd.*")))).isEmpty();
    }

    @Test
    public void filtersByCreationDateFromInclusiveToExclusive() {
        stored(new Spec().created(T0.minusMillis(1)));
        ObjectDocument atFrom = stored(new Spec().created(T0));
        ObjectDocument inside = stored(new Spec().created(T0.plusSeconds(30)));
        stored(new Spec().created(T0.plusSeconds(60)));

        assertThat(ids(search(query().from(T0).to(T0.plusSeconds(60))))).containsExactlyInAnyOrder(atFrom.id(), inside.id());
        assertThat(ids(search(query().from(T0.plusSeconds(30))))).hasSize(2);
        assertThat(ids(search(query().to(T0)))).hasSize(1);
    }

    @Test
    public void filtersByTemplate() {
        ObjectDocument survey = stored(new Spec().template("survey"));
        stored(new Spec().template("lab"));
        stored(new Spec());

        assertThat(ids(search(query().template("survey")))).containsExactly(survey.id());
    }

    @Test
    public void filtersByTemplateFieldsAsTextOrAsNumber() {
        ObjectDocument deepNorth = stored(new Spec().template("survey").otherData(Map.of("depth", 12L, "site", "north")));
        ObjectDocument deepSouth = stored(new Spec().template("survey").otherData(Map.of("depth", 12L, "site", "south")));
        ObjectDocument shallow = stored(new Spec().template("survey").otherData(Map.of("depth", 2.5, "site", "north")));
        ObjectDocument textDepth = stored(new Spec().template("survey").otherData(Map.of("depth", "12", "site", "west")));

        assertThat(ids(search(query().field("depth", "12")))).containsExactlyInAnyOrder(deepNorth.id(), deepSouth.id(), textDepth.id());
        assertThat(ids(search(query().field("depth", "12.0")))).containsExactlyInAnyOrder(deepNorth.id(), deepSouth.id());
        assertThat(ids(search(query().field("depth", "2.5")))).containsExactly(shallow.id());
        assertThat(ids(search(query().field("site", "north")))).containsExactlyInAnyOrder(deepNorth.id(), shallow.id());
        assertThat(ids(search(query().field("depth", "12").field("site", "north")))).containsExactly(deepNorth.id());
        assertThat(ids(search(query().field("colour", "red")))).isEmpty();
    }

    @Test
    public void filtersByTextInNameOrDescriptionIgnoringCase() {
        ObjectDocument byName = stored(new Spec().name("Station-North (1).CSV"));
        ObjectDocument byDescription = stored(new Spec().name("x.bin").description("north sea station"));
        stored(new Spec().name("south.csv").description("warm"));
        ObjectDocument dotted = stored(new Spec().name("a.c"));
        stored(new Spec().name("abc"));

        assertThat(ids(search(query().text("NORTH")))).containsExactlyInAnyOrder(byName.id(), byDescription.id());
        assertThat(ids(search(query().text("(1)")))).containsExactly(byName.id());
        assertThat(ids(search(query().text("a.c")))).containsExactly(dotted.id());
        assertThat(ids(search(query().text("*")))).isEmpty();
    }

    @Test
    public void combinesEveryFilter() {
        ObjectDocument match = stored(new Spec().name("cast north.csv").contentType("text/csv").created(T0.plusSeconds(5))
                .template("survey").otherData(Map.of("depth", 12L)));
        stored(new Spec().name("cast north.csv").contentType("text/csv").created(T0.plusSeconds(5)).template("survey").otherData(Map.of("depth", 13L)));
        stored(new Spec().name("cast north.csv").contentType("image/png").created(T0.plusSeconds(5)).template("survey").otherData(Map.of("depth", 12L)));
        stored(new Spec().name("cast south.csv").contentType("text/csv").created(T0.plusSeconds(5)).template("survey").otherData(Map.of("depth", 12L)));
        stored(new Spec().name("cast north.csv").contentType("text/csv").created(T0.plusSeconds(99)).template("survey").otherData(Map.of("depth", 12L)));
        stored(new Spec().name("cast north.csv").contentType("text/csv").created(T0.plusSeconds(5)).template("lab").otherData(Map.of("depth", 12L)));

        CatalogQuery query = query().contentType("text/*").from(T0).to(T0.plusSeconds(10)).template("survey").field("depth", "12").text("North")
                .build();
        assertThat(ids(search(query).items())).containsExactly(match.id());
    }

    @ParameterizedTest(name = "{0} descending={1}")
    @MethodSource("orders")
    public void pagesThroughEveryOrderWithoutDuplicatesOrGaps(SortField sort, boolean descending) {
        List<ObjectDocument> all = tiedObjects();
        repository().insert(pending(PROJECT, "hidden.csv", T0, null, Map.of(), null));

        List<Long> seen = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            Page<ObjectDocument> page = search(query().sort(sort, descending).limit(3).cursor(cursor).build());
            assertThat(page.items()).hasSizeBetween(1, 3);
            seen.addAll(ids(page.items()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactlyElementsOf(ids(all.stream().sorted(order(sort, descending)).toList()));
    }

    static Stream<Arguments> orders() {
        return Stream.of(SortField.values()).flatMap(sort -> Stream.of(Arguments.of(sort, false), Arguments.of(sort, true)));
    }

    @Test
    public void lastPageThatIsExactlyFullHasNoNextCursor() {
        stored(new Spec());
        stored(new Spec());

        Page<ObjectDocument> first = search(query().limit(1).build());
        Page<ObjectDocument> second = search(query().limit(1).cursor(first.nextCursor()).build());

        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    public void rejectsAnInvalidCursor() {
        stored(new Spec());
        stored(new Spec());
        String byName = search(query().sort(SortField.ORIGINAL_OBJECT_NAME, false).limit(1).build()).nextCursor();

        for (String cursor : List.of("not a cursor", "eyJ4IjoxfQ", byName)) {
            assertThatThrownBy(() -> search(query().sort(SortField.SIZE, false).limit(1).cursor(cursor).build()))
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
        }
    }

    /** Eleven stored objects with ties on every sort value, so the id tie-breaker decides the order. */
    private List<ObjectDocument> tiedObjects() {
        List<ObjectDocument> all = new ArrayList<>();
        String[] names = {"b.csv", "a.csv", "b.csv", "c.csv", "a.csv", "b.csv", "d.csv", "a.csv", "c.csv", "b.csv", "e.csv"};
        long[] sizes = {10, 10, 5, 20, 5, 10, 0, 20, 10, 5, 10};
        int[] seconds = {3, 1, 3, 2, 1, 3, 0, 2, 3, 1, 3};
        for (int i = 0; i < names.length; i++) {
            all.add(stored(new Spec().name(names[i]).size(sizes[i]).created(T0.plusSeconds(seconds[i]))));
        }
        return all;
    }

    private static Comparator<ObjectDocument> order(SortField sort, boolean descending) {
        Comparator<ObjectDocument> byValue = switch (sort) {
            case CREATION_DATE -> Comparator.comparing(ObjectDocument::creationDate);
            case ORIGINAL_OBJECT_NAME -> Comparator.comparing(ObjectDocument::originalObjectName);
            case SIZE -> Comparator.comparingLong(ObjectDocument::size);
            case ID -> Comparator.comparingLong(ObjectDocument::id);
        };
        Comparator<ObjectDocument> order = byValue.thenComparingLong(ObjectDocument::id);
        return descending ? order.reversed() : order;
    }

    protected Page<ObjectDocument> search(CatalogQuery query) {
        return repository().search(query);
    }

    private List<ObjectDocument> search(QueryBuilder builder) {
        return repository().search(builder.build()).items();
    }

    protected static List<Long> ids(List<ObjectDocument> documents) {
        return documents.stream().map(ObjectDocument::id).toList();
    }

    protected ObjectDocument pending(String project, String name, Instant now, String template, Map<String, Object> otherData, String description) {
        long id = repository().allocateId(project);
        return ObjectDocument.pending(project, id, "obj-" + id, name, "alice", "raw", "cli", description, template, otherData, now);
    }

    protected ObjectDocument stored(Spec spec) {
        ObjectDocument pending = pending(spec.project, spec.name, spec.created, spec.template, spec.otherData, spec.description);
        repository().insert(pending);
        return repository().markStored(spec.project, pending.id(), blob(pending, spec.size), spec.contentType, spec.created);
    }

    private static StoredBlob blob(ObjectDocument pending, long size) {
        return new StoredBlob(new ObjectKey(pending.project(), pending.storageName()), size, sha(pending.id()), T0);
    }

    private static String sha(long id) {
        return String.format("%064x", id);
    }

    protected static QueryBuilder query() {
        return new QueryBuilder();
    }

    /** The object a test stores; defaults describe an ordinary CSV file. */
    protected static final class Spec {
        private String project = PROJECT;
        private String name = "data.csv";
        private String contentType = "text/csv";
        private long size = 10;
        private Instant created = T0;
        private String template;
        private Map<String, Object> otherData = Map.of();
        private String description;

        public Spec project(String value) { project = value; return this; }
        public Spec name(String value) { name = value; return this; }
        public Spec contentType(String value) { contentType = value; return this; }
        public Spec size(long value) { size = value; return this; }
        public Spec created(Instant value) { created = value; return this; }
        public Spec template(String value) { template = value; return this; }
        public Spec otherData(Map<String, Object> value) { otherData = value; return this; }
        public Spec description(String value) { description = value; return this; }
    }

    /** A catalog query of {@link #PROJECT}, oldest first, 100 per page unless told otherwise. */
    protected static final class QueryBuilder {
        private String contentType;
        private Instant from;
        private Instant to;
        private String template;
        private final Map<String, String> fields = new HashMap<>();
        private String text;
        private SortField sort = SortField.CREATION_DATE;
        private boolean descending;
        private int limit = 100;
        private String cursor;

        public QueryBuilder contentType(String value) { contentType = value; return this; }
        public QueryBuilder from(Instant value) { from = value; return this; }
        public QueryBuilder to(Instant value) { to = value; return this; }
        public QueryBuilder template(String value) { template = value; return this; }
        public QueryBuilder field(String name, String value) { fields.put(name, value); return this; }
        public QueryBuilder text(String value) { text = value; return this; }
        public QueryBuilder sort(SortField field, boolean isDescending) { sort = field; descending = isDescending; return this; }
        public QueryBuilder limit(int value) { limit = value; return this; }
        public QueryBuilder cursor(String value) { cursor = value; return this; }

        public CatalogQuery build() {
            return new CatalogQuery(PROJECT, contentType, from, to, template, fields, text, sort, descending, limit, cursor);
        }
    }
}
