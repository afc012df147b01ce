package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.timeseries.Point;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;

/** The contract on the embedded QuestDB engine, plus what is particular to QuestDB. */
class QuestDbTimeSeriesStoreTest extends TimeSeriesStoreContract {
    @TempDir
    static Path directory;
    private static EmbeddedQuestDb questDb;

    @BeforeAll
    static void startQuestDb() {
        questDb = EmbeddedQuestDb.start(directory.resolve("questdb"));
    }

    @AfterAll
    static void stopQuestDb() {
        questDb.close();
    }

    @Override
    protected TimeSeriesStore newStore(int batchSize) {
        return new QuestDbTimeSeriesStore(questDb.httpUri(), batchSize, Duration.ofSeconds(30));
    }

    @Override
    protected TimeSeriesStore unreachableStore() {
        return new QuestDbTimeSeriesStore(URI.create("http://127.0.0.1:" + closedPort()), 10, Duration.ofSeconds(1));
    }

    @Override
    protected boolean keepsPreviousPointsUntilTheWriteCompletes() {
        return true;
    }

    @Test
    void namesATablePerProjectAndMeasurementThatQuestDbAccepts() {
        write(1, "run-1", List.of(point("Air temp", T0, Map.of(), Map.of("value", 1.0))));

        QuestDbClient client = new QuestDbClient(questDb.httpUri(), Duration.ofSeconds(10));
        String expected = "zl_" + QuestDbNames.encode(project) + "__" + QuestDbNames.encode("Air temp");
        assertThat(client.rows("SELECT table_name, dedup, walEnabled FROM tables() WHERE table_name = '" + expected + "'"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get(1).asBoolean()).as("dedup").isTrue();
                    assertThat(row.get(2).asBoolean()).as("WAL").isTrue();
                });
    }

    @Test
    void keepsStalePointsOnDiskButOutOfEveryRead() {
        write(1, "run-1", List.of(point("weather", T0, Map.of(), Map.of("temp", 1.0)), point("weather", T0.plusSeconds(1), Map.of(), Map.of("temp", 2.0))));
        write(1, "run-2", List.of(point("weather", T0, Map.of(), Map.of("temp", 3.0))));

        QuestDbClient client = new QuestDbClient(questDb.httpUri(), Duration.ofSeconds(10));
        String table = QuestDbNames.table(project, "weather");
        assertThat(client.rows("SELECT count() FROM " + table).get(0).get(0).asLong()).isEqualTo(2);
        assertThat(export("weather", null, null)).extracting(Point::time).containsExactly(T0);
    }

    @Test
    void keepsPointsAcrossARestartOfTheEngine(@TempDir Path data) {
        Point point = point("weather", T0, Map.of("site", "north"), Map.of("temp", 1.5));
        try (TimeSeriesStore store = QuestDbTimeSeriesStore.owning(EmbeddedQuestDb.start(data))) {
            store.replacePoints(provenance(1, "run-1"), List.of(point).iterator());
        }
        try (TimeSeriesStore reopened = QuestDbTimeSeriesStore.owning(EmbeddedQuestDb.start(data))) {
            List<Point> points = new ArrayList<>();
            reopened.export(project, "weather", null, null, points::add);
            assertThat(points).containsExactly(withProvenance(point, 1, "run-1"));
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
