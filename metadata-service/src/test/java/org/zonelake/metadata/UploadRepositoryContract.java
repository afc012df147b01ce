package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadRepository;
import org.zonelake.core.metadata.UploadState;

/** What every {@link UploadRepository} must do; extend it once per backend. Instants are whole milliseconds. */
public abstract class UploadRepositoryContract {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final String PROJECT = "alpha";

    protected abstract UploadRepository repository();

    @Test
    public void findsAnUploadExactlyAsCreated() {
        UploadRecord upload = new UploadRecord("u-1", PROJECT, UploadKind.RESUMABLE, "alice", "cast 1.csv", null, 0, UploadState.RECEIVING,
                null, "survey", Map.of("depth", 12L, "site", "north", "ratio", 0.5), "raw", null, T0, T0);

        repository().create(upload);

        assertThat(repository().find(PROJECT, "u-1")).contains(upload);
    }

    @Test
    public void findsNothingForAnUnknownIdOrAnotherProject() {
        repository().create(receiving("u-1", T0));

        assertThat(repository().find(PROJECT, "u-2")).isEmpty();
        assertThat(repository().find("beta", "u-1")).isEmpty();
    }

    @Test
    public void advancesTheOffsetFromTheExpectedValue() {
        repository().create(receiving("u-1", T0));

        assertThat(repository().advance(PROJECT, "u-1", 0, 100, T0.plusSeconds(1))).isTrue();
        assertThat(repository().advance(PROJECT, "u-1", 100, 250, T0.plusSeconds(2))).isTrue();

        UploadRecord found = repository().find(PROJECT, "u-1").orElseThrow();
        assertThat(found.bytesReceived()).isEqualTo(250);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(found.startedAt()).isEqualTo(T0);
    }

    @Test
    public void refusesToAdvanceFromAStaleOffset() {
        repository().create(receiving("u-1", T0));
        repository().advance(PROJECT, "u-1", 0, 100, T0.plusSeconds(1));

        assertThat(repository().advance(PROJECT, "u-1", 0, 50, T0.plusSeconds(2))).isFalse();
        assertThat(repository().advance(PROJECT, "u-1", 99, 150, T0.plusSeconds(2))).isFalse();
        assertThat(repository().advance("beta", "u-1", 100, 150, T0.plusSeconds(2))).isFalse();
        assertThat(repository().advance(PROJECT, "unknown", 0, 150, T0.plusSeconds(2))).isFalse();

        UploadRecord found = repository().find(PROJECT, "u-1").orElseThrow();
        assertThat(found.bytesReceived()).isEqualTo(100);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    public void refusesToAdvanceAnUploadThatIsNoLongerReceiving() {
        repository().create(receiving("u-1", T0));
        repository().updateState(PROJECT, "u-1", UploadState.STORED, 7L, null, T0.plusSeconds(1));

        assertThat(repository().advance(PROJECT, "u-1", 0, 10, T0.plusSeconds(2))).isFalse();
        assertThat(repository().find(PROJECT, "u-1").orElseThrow().bytesReceived()).isZero();
    }

    @Test
    public void letsOnlyOneOfConcurrentPatchesAtTheSameOffsetWin() throws Exception {
        repository().create(receiving("u-1", T0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> patches = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                long newOffset = i * 10L;
                patches.add(() -> repository().advance(PROJECT, "u-1", 0, newOffset, T0.plusSeconds(1)));
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> outcome : pool.invokeAll(patches, 60, TimeUnit.SECONDS)) {
                outcomes.add(outcome.get());
            }
            long winners = outcomes.stream().filter(Boolean::booleanValue).count();
            int winner = outcomes.indexOf(true);

            assertThat(winners).isEqualTo(1);
            assertThat(repository().find(PROJECT, "u-1").orElseThrow().bytesReceived()).isEqualTo((winner + 1) * 10L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void updatesTheStateAndKeepsWhatIsNotGiven() {
        repository().create(receiving("u-1", T0));

        repository().updateState(PROJECT, "u-1", UploadState.STORED, 42L, null, T0.plusSeconds(1));
        repository().updateState(PROJECT, "u-1", UploadState.FAILED, null, "pipeline crashed", T0.plusSeconds(2));

        UploadRecord found = repository().find(PROJECT, "u-1").orElseThrow();
        assertThat(found.state()).isEqualTo(UploadState.FAILED);
        assertThat(found.objectId()).isEqualTo(42L);
        assertThat(found.failureReason()).isEqualTo("pipeline crashed");
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    public void refusesToUpdateTheStateOfAnUnknownUpload() {
        assertThatThrownBy(() -> repository().updateState(PROJECT, "nope", UploadState.STORED, 1L, null, T0))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_NOT_FOUND));
    }

    @Test
    public void updatesTheStateOfTheUploadThatProducedAnObject() {
        repository().create(receiving("u-1", T0));
        repository().create(receiving("u-2", T0));
        repository().updateState(PROJECT, "u-1", UploadState.STORED, 7L, null, T0.plusSeconds(1));
        repository().updateState(PROJECT, "u-2", UploadState.STORED, 8L, null, T0.plusSeconds(1));

        repository().updateStateByObject(PROJECT, 7L, UploadState.PROCESSED, null, T0.plusSeconds(5));
        repository().updateStateByObject("beta", 8L, UploadState.FAILED, "wrong project", T0.plusSeconds(5));
        repository().updateStateByObject(PROJECT, 999L, UploadState.FAILED, "no such object", T0.plusSeconds(5));

        UploadRecord processed = repository().find(PROJECT, "u-1").orElseThrow();
        assertThat(processed.state()).isEqualTo(UploadState.PROCESSED);
        assertThat(processed.objectId()).isEqualTo(7L);
        assertThat(processed.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(repository().find(PROJECT, "u-2").orElseThrow().state()).isEqualTo(UploadState.STORED);
    }

    @Test
    public void updatesTheStateOfAnUploadCreatedWithItsObject() {
        repository().create(new UploadRecord("u-1", PROJECT, UploadKind.SINGLE_REQUEST, "alice", "a.csv", 4L, 4, UploadState.STORED,
                7L, null, Map.of(), null, null, T0, T0));

        repository().updateStateByObject(PROJECT, 7L, UploadState.NOT_HANDLED, "no pipeline", T0.plusSeconds(1));

        UploadRecord found = repository().find(PROJECT, "u-1").orElseThrow();
        assertThat(found.state()).isEqualTo(UploadState.NOT_HANDLED);
        assertThat(found.failureReason()).isEqualTo("no pipeline");
    }

    @Test
    public void listsTheProjectsUploadsNewestFirstThroughEveryPage() {
        List<UploadRecord> all = new ArrayList<>();
        int[] seconds = {5, 3, 5, 1, 5, 3, 0, 3, 5, 2};
        for (int i = 0; i < seconds.length; i++) {
            UploadRecord upload = receiving("u-" + i, T0.plusSeconds(seconds[i]));
            repository().create(upload);
            all.add(upload);
        }
        repository().create(new UploadRecord("other", "beta", UploadKind.SINGLE_REQUEST, "bob", "b.csv", 1L, 0, UploadState.RECEIVING,
                null, null, Map.of(), null, null, T0, T0));

        List<String> seen = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            Page<UploadRecord> page = repository().list(PROJECT, 3, cursor);
            seen.addAll(page.items().stream().map(UploadRecord::id).toList());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);

        List<String> expected = all.stream()
                .sorted(Comparator.comparing(UploadRecord::updatedAt).thenComparing(UploadRecord::id).reversed())
                .map(UploadRecord::id).toList();
        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    public void rejectsAnInvalidListCursor() {
        assertThatThrownBy(() -> repository().list(PROJECT, 3, "%%%"))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }

    @Test
    public void findsIdleReceivingUploadsAcrossProjects() {
        repository().create(receiving("idle", T0));
        repository().create(new UploadRecord("idle-beta", "beta", UploadKind.RESUMABLE, "bob", "b.csv", null, 0, UploadState.RECEIVING,
                null, null, Map.of(), null, null, T0, T0.plusSeconds(1)));
        repository().create(receiving("active", T0));
        repository().advance(PROJECT, "active", 0, 10, T0.plusSeconds(100));
        repository().create(receiving("stored", T0));
        repository().updateState(PROJECT, "stored", UploadState.STORED, 3L, null, T0.plusSeconds(2));

        assertThat(repository().findIdle(T0.plusSeconds(50), 10)).extracting(UploadRecord::id).containsExactly("idle", "idle-beta");
        assertThat(repository().findIdle(T0.plusSeconds(50), 1)).extracting(UploadRecord::id).containsExactly("idle");
        assertThat(repository().findIdle(T0, 10)).isEmpty();
    }

    @Test
    public void deletesAnUploadOnce() {
        repository().create(receiving("u-1", T0));

        assertThat(repository().delete("beta", "u-1")).isFalse();
        assertThat(repository().delete(PROJECT, "u-1")).isTrue();
        assertThat(repository().delete(PROJECT, "u-1")).isFalse();
        assertThat(repository().find(PROJECT, "u-1")).isEmpty();
    }

    protected static UploadRecord receiving(String id, Instant at) {
        return new UploadRecord(id, PROJECT, UploadKind.RESUMABLE, "alice", id + ".csv", 1000L, 0, UploadState.RECEIVING,
                null, null, Map.of(), null, null, at, at);
    }
}
