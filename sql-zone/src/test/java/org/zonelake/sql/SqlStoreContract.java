package org.zonelake.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zonelake.sql.GoldRows.COLUMNS;
import static org.zonelake.sql.GoldRows.SALES;
import static org.zonelake.sql.GoldRows.failingAfter;
import static org.zonelake.sql.GoldRows.row;
import static org.zonelake.sql.GoldRows.rows;
import static org.zonelake.sql.GoldRows.stored;
import static org.zonelake.sql.GoldRows.values;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.ErrorType;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.DerivedRecords;
import org.zonelake.core.gold.GoldZone;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.ColumnType;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.gold.sql.TablePage;
import org.zonelake.core.gold.sql.TableSchema;
import org.zonelake.core.gold.sql.WriteMode;

/** What every {@link SqlStore} must do; extend it once per backend, each test starting from an empty gold zone. */
public abstract class SqlStoreContract {
    protected static final String PROJECT = "alpha";
    protected static final List<Column> PROVENANCE = List.of(
            new Column("zl_object_id", ColumnType.INTEGER), new Column("zl_run_id", ColumnType.TEXT), new Column("zl_row", ColumnType.INTEGER));
    private static final TableSchema NOTES = new TableSchema("notes", List.of(new Column("id", ColumnType.INTEGER), new Column("note", ColumnType.TEXT)));

    protected abstract SqlStore store();

    /** Names of the tables the backend holds for the project, whatever the catalog says (staging tables included). */
    protected abstract Set<String> storedTableNames(String project);

    @Test
    public void readsAnOwnTableBackWithItsValuesTypesAndProvenance() {
        long written = store().writeTable(provenance(7, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 10));

        TablePage page = store().preview(PROJECT, "sales", 0, 100);

        assertThat(written).isEqualTo(10);
        assertThat(page.columns()).isEqualTo(withProvenance(COLUMNS));
        assertThat(page.rows()).containsExactlyElementsOf(expected(1, 10, 7, "run-1"));
        assertThat(page.nextOffset()).isEqualTo(-1);
        List<Object> first = page.rows().get(0);
        assertThat(first).extracting(Object::getClass).containsExactly(Long.class, BigDecimal.class, Double.class, Boolean.class,
                LocalDate.class, Instant.class, String.class, Long.class, String.class, Long.class);
        assertThat(((BigDecimal) first.get(1)).scale()).isEqualTo(2);
        assertThat(export("sales")).isEqualTo(page.rows());
        assertThat(store().table(PROJECT, "sales")).contains(new TableInfo("sales", withProvenance(COLUMNS), 10, List.of(7L), "run-1"));
    }

    @Test
    public void keepsEdgeValuesOfEveryTypeAndTimestampsToTheMicrosecond() {
        List<Object> edges = values(Long.MIN_VALUE, new BigDecimal("-999999999999999999999999999999999999.99"), Double.NaN, false,
                LocalDate.of(1, 1, 1), Instant.parse("1970-01-01T00:00:00.123456789Z"), "");
        List<Object> otherEdges = values(Long.MAX_VALUE, new BigDecimal("0.1"), Double.NEGATIVE_INFINITY, true,
                LocalDate.of(9999, 12, 31), Instant.parse("9999-12-31T23:59:59.999999Z"), "😀 \"quoted\", 'single'\nnew line");
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, List.of(edges, otherEdges, nulls(COLUMNS.size())).iterator());

        List<List<Object>> read = store().preview(PROJECT, "sales", 0, 10).rows();

        assertThat(read.get(0).subList(0, 7)).isEqualTo(values(Long.MIN_VALUE, new BigDecimal("-999999999999999999999999999999999999.99"),
                Double.NaN, false, LocalDate.of(1, 1, 1), Instant.parse("1970-01-01T00:00:00.123456Z"), ""));
        assertThat(read.get(1).subList(0, 7)).isEqualTo(values(Long.MAX_VALUE, new BigDecimal("0.10"), Double.NEGATIVE_INFINITY, true,
                LocalDate.of(9999, 12, 31), Instant.parse("9999-12-31T23:59:59.999999Z"), "😀 \"quoted\", 'single'\nnew line"));
        assertThat(read.get(2)).isEqualTo(values(null, null, null, null, null, null, null, 1L, "run-1", 3L));
    }

    @Test
    public void writesMoreRowsThanOneBatchInOrder() {
        assertThat(store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 4_500))).isEqualTo(4_500);

        List<Long> numbers = new ArrayList<>();
        store().export(PROJECT, "sales", row -> numbers.add((Long) row.get(9)));

        assertThat(numbers).hasSize(4_500).isSorted().startsWith(1L).endsWith(4_500L);
        assertThat(store().table(PROJECT, "sales").orElseThrow().rowCount()).isEqualTo(4_500);
    }

    @Test
    public void leavesTheSameStateWhenTheSameWriteRunsTwice() {
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 5));
        store().writeTable(provenance(2, "run-2"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "a")).iterator());
        TableInfo sales = store().table(PROJECT, "sales").orElseThrow();
        TableInfo notes = store().table(PROJECT, "notes").orElseThrow();
        List<List<Object>> salesRows = export("sales");
        List<List<Object>> notesRows = export("notes");

        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 5));
        store().writeTable(provenance(2, "run-2"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "a")).iterator());

        assertThat(store().table(PROJECT, "sales")).contains(sales);
        assertThat(store().table(PROJECT, "notes")).contains(notes);
        assertThat(export("sales")).isEqualTo(salesRows);
        assertThat(export("notes")).isEqualTo(notesRows);
        assertThat(storedTableNames(PROJECT)).containsExactlyInAnyOrder("sales", "notes");
    }

    @Test
    public void replacesAnOwnTableWholeOnRewrite() {
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 5));

        TableSchema changed = new TableSchema("sales", List.of(new Column("id", ColumnType.INTEGER), new Column("amount", ColumnType.TEXT)));
        store().writeTable(provenance(1, "run-2"), changed, WriteMode.OWN_TABLE, List.of(values(9L, "nine")).iterator());

        assertThat(store().table(PROJECT, "sales")).contains(new TableInfo("sales", withProvenance(changed.columns()), 1, List.of(1L), "run-2"));
        assertThat(export("sales")).containsExactly(values(9L, "nine", 1L, "run-2", 1L));
        assertThat(storedTableNames(PROJECT)).containsExactly("sales");
    }

    @Test
    public void holdsTheRowsOfEveryObjectInASharedTable() {
        store().writeTable(provenance(2, "run-b"), SALES, WriteMode.SHARED_TABLE, rows(4, 5));
        store().writeTable(provenance(1, "run-a"), SALES, WriteMode.SHARED_TABLE, rows(1, 3));

        List<List<Object>> expected = new ArrayList<>(expected(1, 3, 1, "run-a"));
        expected.addAll(expected(4, 5, 2, "run-b"));
        assertThat(export("sales")).isEqualTo(expected);
        assertThat(store().table(PROJECT, "sales")).contains(new TableInfo("sales", withProvenance(COLUMNS), 5, List.of(1L, 2L), "run-a"));
    }

    @Test
    public void replacesOnlyTheRewrittenObjectsRowsInASharedTable() {
        store().writeTable(provenance(1, "run-a"), SALES, WriteMode.SHARED_TABLE, rows(1, 3));
        store().writeTable(provenance(2, "run-b"), SALES, WriteMode.SHARED_TABLE, rows(4, 5));

        store().writeTable(provenance(1, "run-c"), SALES, WriteMode.SHARED_TABLE, rows(9, 9));

        List<List<Object>> expected = new ArrayList<>(expected(9, 9, 1, "run-c"));
        expected.addAll(expected(4, 5, 2, "run-b"));
        assertThat(export("sales")).isEqualTo(expected);
        assertThat(store().table(PROJECT, "sales").orElseThrow().rowCount()).isEqualTo(3);
        assertThat(store().derivedFrom(PROJECT, 1)).containsExactly(new DerivedRecords(GoldZone.SQL, "rows", "sales", 1, 1, "run-c"));
    }

    @Test
    public void addsColumnsASharedTableLacks() {
        store().writeTable(provenance(1, "run-a"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "one")).iterator());
        TableSchema wider = new TableSchema("notes", List.of(new Column("id", ColumnType.INTEGER), new Column("score", ColumnType.DOUBLE),
                new Column("note", ColumnType.TEXT)));
        store().writeTable(provenance(2, "run-b"), wider, WriteMode.SHARED_TABLE, List.of(values(2L, 0.5, "two")).iterator());
        TableSchema narrow = new TableSchema("notes", List.of(new Column("id", ColumnType.INTEGER)));
        store().writeTable(provenance(3, "run-c"), narrow, WriteMode.SHARED_TABLE, List.of(values(3L)).iterator());

        List<Column> columns = List.of(new Column("id", ColumnType.INTEGER), new Column("note", ColumnType.TEXT), new Column("score", ColumnType.DOUBLE));
        assertThat(store().table(PROJECT, "notes").orElseThrow().columns()).isEqualTo(withProvenance(columns));
        assertThat(export("notes")).containsExactly(values(1L, "one", null, 1L, "run-a", 1L), values(2L, "two", 0.5, 2L, "run-b", 1L),
                values(3L, null, null, 3L, "run-c", 1L));
    }

    @Test
    public void refusesATypeClashWithASharedTableAndChangesNothing() {
        store().writeTable(provenance(1, "run-a"), SALES, WriteMode.SHARED_TABLE, rows(1, 3));
        TableInfo before = store().table(PROJECT, "sales").orElseThrow();
        TableSchema clash = new TableSchema("sales", List.of(new Column("extra", ColumnType.TEXT), new Column("id", ColumnType.TEXT)));
        TableSchema morePlaces = new TableSchema("sales", List.of(new Column("amount", ColumnType.DECIMAL, 3)));

        assertUserError(() -> store().writeTable(provenance(2, "run-b"), clash, WriteMode.SHARED_TABLE, List.of(values("x", "1")).iterator()),
                ErrorCode.INVALID_DATA, "id");
        assertUserError(() -> store().writeTable(provenance(2, "run-b"), morePlaces, WriteMode.SHARED_TABLE, List.of(values(BigDecimal.ONE)).iterator()),
                ErrorCode.INVALID_DATA, "amount");

        assertThat(store().table(PROJECT, "sales")).contains(before);
        assertThat(export("sales")).isEqualTo(expected(1, 3, 1, "run-a"));
        assertThat(store().derivedFrom(PROJECT, 2)).isEmpty();
        TableSchema fewerPlaces = new TableSchema("sales", List.of(new Column("amount", ColumnType.DECIMAL, 1)));
        store().writeTable(provenance(2, "run-b"), fewerPlaces, WriteMode.SHARED_TABLE, List.of(values(new BigDecimal("1.5"))).iterator());
        assertThat(store().preview(PROJECT, "sales", 3, 1).rows().get(0).get(1)).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    public void keepsTheOldOwnTableWhenAWriteFailsMidway() {
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 3));
        TableInfo before = store().table(PROJECT, "sales").orElseThrow();

        assertThatThrownBy(() -> store().writeTable(provenance(1, "run-2"), SALES, WriteMode.OWN_TABLE, failingAfter(1, 4_100)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("source failed");

        assertThat(store().table(PROJECT, "sales")).contains(before);
        assertThat(export("sales")).isEqualTo(expected(1, 3, 1, "run-1"));
        assertThat(storedTableNames(PROJECT)).containsExactly("sales");
    }

    @Test
    public void keepsTheSharedTableWhenAWriteFailsMidway() {
        store().writeTable(provenance(1, "run-a"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "one")).iterator());
        TableInfo before = store().table(PROJECT, "notes").orElseThrow();

        assertThatThrownBy(() -> store().writeTable(provenance(1, "run-b"), renamed(SALES, "notes"), WriteMode.SHARED_TABLE, failingAfter(1, 2_500)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store().writeTable(provenance(2, "run-c"), NOTES, WriteMode.SHARED_TABLE, failing(values(2L, "two"))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store().table(PROJECT, "notes")).contains(before);
        assertThat(export("notes")).containsExactly(values(1L, "one", 1L, "run-a", 1L));
        assertThat(store().derivedFrom(PROJECT, 2)).isEmpty();
        assertThat(storedTableNames(PROJECT)).containsExactly("notes");
    }

    @Test
    public void leavesNoTableWhenTheFirstWriteFails() {
        assertThatThrownBy(() -> store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, failingAfter(1, 10)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store().writeTable(provenance(2, "run-2"), NOTES, WriteMode.SHARED_TABLE, failing(values(1L, "one"))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store().tables(PROJECT)).isEmpty();
        assertThat(store().table(PROJECT, "sales")).isEmpty();
        assertThat(store().table(PROJECT, "notes")).isEmpty();
        assertThat(storedTableNames(PROJECT)).isEmpty();
    }

    @Test
    public void refusesValuesThatDoNotFitTheirColumnsAndKeepsTheTable() {
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 3));
        store().writeTable(provenance(1, "run-1"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "one")).iterator());
        List<Object> tooManyPlaces = replaced(row(5), 1, new BigDecimal("1.234"));
        List<Object> tooManyDigits = replaced(row(5), 1, new BigDecimal("1" + "0".repeat(36) + ".00"));
        List<Object> wrongType = replaced(row(5), 0, "five");
        List<Object> notInTime = replaced(row(5), 5, Instant.parse("+10000-01-01T00:00:00Z"));
        List<Object> nul = replaced(row(5), 6, "a\0b");

        for (List<Object> bad : List.of(tooManyPlaces, tooManyDigits, wrongType, notInTime, nul, values(1L))) {
            assertUserError(() -> store().writeTable(provenance(1, "run-2"), SALES, WriteMode.OWN_TABLE, List.of(row(4), bad).iterator()),
                    ErrorCode.INVALID_DATA, "row 2");
            assertUserError(() -> store().writeTable(provenance(1, "run-2"), renamed(SALES, "notes"), WriteMode.SHARED_TABLE,
                    List.of(row(4), bad).iterator()), ErrorCode.INVALID_DATA, "row 2");
        }

        assertThat(export("sales")).isEqualTo(expected(1, 3, 1, "run-1"));
        assertThat(export("notes")).containsExactly(values(1L, "one", 1L, "run-1", 1L));
        assertThat(storedTableNames(PROJECT)).containsExactlyInAnyOrder("sales", "notes");
    }

    @Test
    public void listsTablesWithRowCountsSourcesAndLastRun() {
        store().writeTable(provenance(3, "run-own"), renamed(SALES, "a_table"), WriteMode.OWN_TABLE, rows(1, 4));
        store().writeTable(provenance(1, "run-1"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "one"), values(2L, "two")).iterator());
        store().writeTable(provenance(2, "run-2"), NOTES, WriteMode.SHARED_TABLE, List.<List<Object>>of().iterator());

        assertThat(store().tables(PROJECT)).containsExactly(
                new TableInfo("a_table", withProvenance(COLUMNS), 4, List.of(3L), "run-own"),
                new TableInfo("notes", withProvenance(NOTES.columns()), 2, List.of(1L), "run-2"));
        assertThat(store().tables("nobody")).isEmpty();
    }

    @Test
    public void listsTheTablesAnObjectContributedTo() {
        store().writeTable(provenance(1, "run-1"), renamed(SALES, "own_t"), WriteMode.OWN_TABLE, rows(1, 3));
        store().writeTable(provenance(1, "run-1"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "one"), values(2L, "two")).iterator());
        store().writeTable(provenance(2, "run-2"), NOTES, WriteMode.SHARED_TABLE, List.of(values(3L, "three")).iterator());

        assertThat(store().derivedFrom(PROJECT, 1)).containsExactly(
                new DerivedRecords(GoldZone.SQL, "rows", "notes", 2, 1, "run-1"), new DerivedRecords(GoldZone.SQL, "rows", "own_t", 3, 1, "run-1"));
        assertThat(store().derivedFrom(PROJECT, 2)).containsExactly(new DerivedRecords(GoldZone.SQL, "rows", "notes", 1, 2, "run-2"));
        assertThat(store().derivedFrom(PROJECT, 99)).isEmpty();
        assertThat(store().derivedFrom("beta", 1)).isEmpty();
    }

    @Test
    public void keepsProjectsApart() {
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.OWN_TABLE, rows(1, 2));
        store().writeTable(new Provenance("beta", 1, "run-9"), SALES, WriteMode.OWN_TABLE, rows(7, 7));
        store().writeTable(new Provenance("north-sea", 1, "run-d"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "dash")).iterator());
        store().writeTable(new Provenance("north_sea", 1, "run-u"), NOTES, WriteMode.SHARED_TABLE, List.of(values(1L, "underscore")).iterator());

        assertThat(export("sales")).isEqualTo(expected(1, 2, 1, "run-1"));
        assertThat(exportOf("beta", "sales")).isEqualTo(expected(7, 7, 1, "run-9"));
        assertThat(exportOf("north-sea", "notes")).containsExactly(values(1L, "dash", 1L, "run-d", 1L));
        assertThat(exportOf("north_sea", "notes")).containsExactly(values(1L, "underscore", 1L, "run-u", 1L));
        assertThat(store().tables("beta")).extracting(TableInfo::name).containsExactly("sales");
        assertThat(store().table("gamma", "sales")).isEmpty();
        assertNotFound(() -> store().preview("gamma", "sales", 0, 10));
    }

    @Test
    public void keepsLongProjectNamesWithTheSameBeginningApart() {
        String first = "p".repeat(60) + "one";
        String second = "p".repeat(60) + "two";
        store().writeTable(new Provenance(first, 1, "run-1"), NOTES, WriteMode.OWN_TABLE, List.of(values(1L, "first")).iterator());
        store().writeTable(new Provenance(second, 1, "run-2"), NOTES, WriteMode.OWN_TABLE, List.of(values(1L, "second")).iterator());

        assertThat(exportOf(first, "notes")).containsExactly(values(1L, "first", 1L, "run-1", 1L));
        assertThat(exportOf(second, "notes")).containsExactly(values(1L, "second", 1L, "run-2", 1L));
    }

    @Test
    public void pagesThroughATableInTheExportOrder() {
        store().writeTable(provenance(2, "run-2"), SALES, WriteMode.SHARED_TABLE, rows(11, 25));
        store().writeTable(provenance(1, "run-1"), SALES, WriteMode.SHARED_TABLE, rows(1, 10));

        List<List<Object>> paged = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        long offset = 0;
        while (offset >= 0) {
            TablePage page = store().preview(PROJECT, "sales", offset, 10);
            paged.addAll(page.rows());
            offsets.add(page.nextOffset());
            offset = page.nextOffset();
        }

        assertThat(offsets).containsExactly(10L, 20L, -1L);
        assertThat(paged).isEqualTo(export("sales"));
        assertThat(store().preview(PROJECT, "sales", 20, 5).nextOffset()).isEqualTo(-1);
        assertThat(store().preview(PROJECT, "sales", 100, 5).rows()).isEmpty();
        assertUserError(() -> store().preview(PROJECT, "sales", -1, 5), ErrorCode.INVALID_REQUEST, "offset");
        assertUserError(() -> store().preview(PROJECT, "sales", 0, 0), ErrorCode.INVALID_REQUEST, "limit");
    }

    @Test
    public void answersNotFoundForATableThatIsNotThere() {
        store().writeTable(provenance(1, "run-1"), NOTES, WriteMode.OWN_TABLE, List.of(values(1L, "one")).iterator());

        assertNotFound(() -> store().preview(PROJECT, "missing", 0, 10));
        assertNotFound(() -> store().export(PROJECT, "missing", row -> { }));
        assertNotFound(() -> store().preview(PROJECT, "Not A Name", 0, 10));
        assertThat(store().table(PROJECT, "missing")).isEmpty();
    }

    @Test
    public void landsTheWritesOfSeveralObjectsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> writes = new ArrayList<>();
            for (long objectId = 1; objectId <= 4; objectId++) {
                Provenance provenance = new Provenance("fresh", objectId, "run-" + objectId);
                long first = objectId * 10_000;
                writes.add(pool.submit(() -> store().writeTable(provenance, SALES, WriteMode.SHARED_TABLE, rows(first, first + 2_999))));
                writes.add(pool.submit(() -> store().writeTable(provenance, renamed(SALES, "own_" + provenance.objectId()), WriteMode.OWN_TABLE,
                        rows(first, first + 9))));
            }
            for (Future<Long> write : writes) {
                assertThat(write.get(2, TimeUnit.MINUTES)).isIn(3_000L, 10L);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store().table("fresh", "sales").orElseThrow().rowCount()).isEqualTo(12_000);
        assertThat(store().table("fresh", "sales").orElseThrow().sourceObjectIds()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store().tables("fresh")).extracting(TableInfo::name).containsExactly("own_1", "own_2", "own_3", "own_4", "sales");
        assertThat(store().preview("fresh", "sales", 3_000, 1).rows().get(0)).isEqualTo(stored(20_000, 2, "run-2", 1));
    }

    @Test
    public void showsReadersTheOldOrTheNewOwnTableNeverAPart() throws Exception {
        store().writeTable(provenance(1, "run-0"), SALES, WriteMode.OWN_TABLE, rows(1, 3));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> rewrites = writer.submit(() -> {
                for (int i = 1; i <= 20; i++) {
                    store().writeTable(provenance(1, "run-" + i), SALES, WriteMode.OWN_TABLE, rows(1, i % 2 == 0 ? 3 : 2_500));
                }
            });
            Set<Integer> sizesSeen = new HashSet<>();
            for (int read = 0; read < 200 && !rewrites.isDone(); read++) {
                List<List<Object>> rows = store().preview(PROJECT, "sales", 0, 10_000).rows();
                sizesSeen.add(rows.size());
                assertThat(rows.stream().map(row -> row.get(8)).distinct()).hasSize(1);
            }
            rewrites.get(2, TimeUnit.MINUTES);
            assertThat(sizesSeen).isSubsetOf(3, 2_500);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    public void refusesNamesReservedForTheLake() {
        TableSchema provenanceColumn = new TableSchema("notes", List.of(new Column("zl_row", ColumnType.INTEGER)));
        TableSchema stagingName = renamed(NOTES, "zl_stage_x");

        assertUserError(() -> store().writeTable(provenance(1, "r"), provenanceColumn, WriteMode.OWN_TABLE, List.<List<Object>>of().iterator()),
                ErrorCode.INVALID_NAME, "zl_row");
        assertUserError(() -> store().writeTable(provenance(1, "r"), stagingName, WriteMode.OWN_TABLE, List.<List<Object>>of().iterator()),
                ErrorCode.INVALID_NAME, "zl_stage_x");
        assertThat(store().tables(PROJECT)).isEmpty();
    }

    protected static Provenance provenance(long objectId, String runId) {
        return new Provenance(PROJECT, objectId, runId);
    }

    protected List<List<Object>> export(String table) {
        return exportOf(PROJECT, table);
    }

    protected List<List<Object>> exportOf(String project, String table) {
        List<List<Object>> rows = new ArrayList<>();
        store().export(project, table, rows::add);
        return rows;
    }

    protected static List<List<Object>> expected(long fromId, long toId, long objectId, String runId) {
        List<List<Object>> rows = new ArrayList<>();
        for (long id = fromId; id <= toId; id++) {
            rows.add(stored(id, objectId, runId, id - fromId + 1));
        }
        return rows;
    }

    protected static List<Column> withProvenance(List<Column> columns) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(PROVENANCE);
        return all;
    }

    protected static TableSchema renamed(TableSchema schema, String name) {
        return new TableSchema(name, schema.columns());
    }

    private static List<Object> nulls(int count) {
        return values(new Object[count]);
    }

    private static List<Object> replaced(List<Object> row, int index, Object value) {
        Object[] values = row.toArray();
        values[index] = value;
        return values(values);
    }

    private static Iterator<List<Object>> failing(List<Object> first) {
        return new Iterator<>() {
            private boolean given;

            @Override
            public boolean hasNext() {
                if (given) {
                    throw new IllegalStateException("source failed");
                }
                return true;
            }

            @Override
            public List<Object> next() {
                given = true;
                return first;
            }
        };
    }

    private static void assertUserError(Runnable call, ErrorCode code, String mentioned) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LakeException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.code().type()).isEqualTo(ErrorType.USER_ERROR);
        }).hasMessageContaining(mentioned);
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND));
    }
}
