package org.zonelake.raw.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.raw.ObjectStoreContract;

class LocalDiskObjectStoreTest extends ObjectStoreContract {
    private static final long SEGMENT_BYTES = 64 << 10;

    @TempDir
    Path root;

    private LocalDiskObjectStore store;
    private final AtomicInteger openSinks = new AtomicInteger();

    @BeforeEach
    void createStore() {
        store = new LocalDiskObjectStore(root, SEGMENT_BYTES);
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected long segmentBytes() {
        return SEGMENT_BYTES;
    }

    @Override
    protected void assertNoLeftovers() {
        assertNoLeftovers(root);
    }

    @Test
    void layoutUsesOnlyTheKey() throws IOException {
        ObjectKey key = new ObjectKey("layout-project", "obj-0001.bin");

        store.put(key, new ByteArrayInputStream(randomBytes((int) (2.5 * SEGMENT_BYTES), 1)));

        Path objectDirectory = root.resolve("layout-project").resolve("objects").resolve("obj-0001.bin");
        assertThat(regularFiles(root)).containsExactlyInAnyOrder(
                objectDirectory.resolve("segment-000000"),
                objectDirectory.resolve("segment-000001"),
                objectDirectory.resolve("segment-000002"),
                objectDirectory.resolve("manifest.properties"));
        assertThat(Files.size(objectDirectory.resolve("segment-000002"))).isEqualTo(SEGMENT_BYTES / 2);
    }

    @Test
    void removesLeftoverTemporaryDirectoryOfACrashedWriteAtConstruction() throws IOException {
        Path leftover = root.resolve("crashed-project").resolve(".tmp").resolve("6f1c2a8e-0000-0000-0000-000000000000");
        Files.createDirectories(leftover);
        Files.write(leftover.resolve("segment-000000"), new byte[1000]);

        new LocalDiskObjectStore(root, SEGMENT_BYTES);

        assertThat(leftover).doesNotExist();
        assertNoLeftovers(root);
    }

    @Test
    void restoresObjectDisplacedByAReplaceThatCrashedAtConstruction() throws IOException {
        byte[] content = randomBytes((int) SEGMENT_BYTES + 10, 2);
        ObjectKey key = new ObjectKey("crashed-project", "half-replaced");
        store.put(key, new ByteArrayInputStream(content));
        Path objectDirectory = root.resolve("crashed-project").resolve("objects").resolve("half-replaced");
        Path displaced = root.resolve("crashed-project").resolve(".tmp").resolve("0b5c-x.displaced");
        Files.move(objectDirectory, displaced);

        LocalDiskObjectStore restarted = new LocalDiskObjectStore(root, SEGMENT_BYTES);

        try (var in = restarted.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertNoLeftovers(root);
    }

    @Test
    void discardsDisplacedObjectWhoseReplacementWasCommittedAtConstruction() throws IOException {
        ObjectKey key = new ObjectKey("crashed-project", "replaced");
        store.put(key, new ByteArrayInputStream(randomBytes(100, 3)));
        Path displaced = root.resolve("crashed-project").resolve(".tmp").resolve("old.displaced");
        copyTree(root.resolve("crashed-project").resolve("objects").resolve("replaced"), displaced);
        byte[] replacement = randomBytes(50, 4);
        store.put(key, new ByteArrayInputStream(replacement));

        LocalDiskObjectStore restarted = new LocalDiskObjectStore(root, SEGMENT_BYTES);

        try (var in = restarted.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(replacement);
        }
        assertNoLeftovers(root);
    }

    @Test
    void reportsFullDiskAsStorageFullAndLeavesNothingBehind() {
        LocalDiskObjectStore full = new LocalDiskObjectStore(root, SEGMENT_BYTES,
                failingAfter(SEGMENT_BYTES + SEGMENT_BYTES / 2, "No space left on device"), Clock.systemUTC());
        ObjectKey key = new ObjectKey("full-project", "too-big");

        assertThatThrownBy(() -> full.put(key, new ByteArrayInputStream(randomBytes((int) (3 * SEGMENT_BYTES), 5))))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FULL))
                .hasMessageContaining("full-project/too-big");

        assertThat(full.stat(key)).isEmpty();
        assertThat(openSinks).as("files left open").hasValue(0);
        assertNoLeftovers(root);
    }

    @Test
    void fullDiskDuringReplaceKeepsPreviousObject() throws IOException {
        ObjectKey key = new ObjectKey("full-project", "kept");
        byte[] original = randomBytes(100, 6);
        store.put(key, new ByteArrayInputStream(original));
        LocalDiskObjectStore full = new LocalDiskObjectStore(root, SEGMENT_BYTES,
                failingAfter(SEGMENT_BYTES, "No space left on device"), Clock.systemUTC());

        assertThatThrownBy(() -> full.put(key, new ByteArrayInputStream(randomBytes((int) (2 * SEGMENT_BYTES), 7))))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FULL));

        try (var in = full.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(original);
        }
        assertNoLeftovers(root);
    }

    @Test
    void reportsOtherDiskErrorsAsStorageFailure() {
        LocalDiskObjectStore broken = new LocalDiskObjectStore(root, SEGMENT_BYTES,
                failingAfter(10, "Input/output error"), Clock.systemUTC());

        assertThatThrownBy(() -> broken.put(new ObjectKey("p", "o"), new ByteArrayInputStream(randomBytes(1000, 8))))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));
        assertThat(openSinks).as("files left open").hasValue(0);
        assertNoLeftovers(root);
    }

    @Test
    void syncsSegmentsBehindTheWritesAndLastAfterTheirLastWrite() throws IOException {
        // Segments of several buffers, so that a segment takes several writes.
        long segmentBytes = 4L * SegmentWriter.BUFFER_BYTES;
        List<List<String>> events = new CopyOnWriteArrayList<>();
        LocalDiskObjectStore behind = new LocalDiskObjectStore(root, segmentBytes, SegmentWriter.BUFFER_BYTES, recording(events), Clock.systemUTC());
        byte[] content = randomBytes((int) (3.5 * segmentBytes), 12);

        behind.put(new ObjectKey("p", "synced"), new ByteArrayInputStream(content));

        try (var in = behind.open(new ObjectKey("p", "synced"))) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(events.subList(0, 3)).as("full segments").allSatisfy(file ->
                assertThat(file.stream().filter("sync"::equals).count()).as("an early sync and the last one").isGreaterThanOrEqualTo(2));
        assertThat(events.subList(0, 4)).allSatisfy(file -> {
            assertThat(file.subList(file.size() - 2, file.size())).as("last steps").containsExactly("sync", "close");
            assertThat(file.lastIndexOf("write")).as("last write").isLessThan(file.lastIndexOf("sync"));
        });
        assertThat(openSinks).as("files left open").hasValue(0);
    }

    @Test
    void failingBackgroundSyncFailsThePutAndLeavesNothingBehind() {
        AtomicInteger syncs = new AtomicInteger();
        SegmentSink.Factory disk = SegmentSink.fileChannels();
        LocalDiskObjectStore failing = new LocalDiskObjectStore(root, SEGMENT_BYTES, SEGMENT_BYTES / 8, file -> {
            SegmentSink sink = counted(disk.create(file));
            return new DelegatingSink(sink) {
                @Override
                public void sync() throws IOException {
                    if (syncs.incrementAndGet() == 2) {
                        throw new IOException("Input/output error");
                    }
                    super.sync();
                }
            };
        }, Clock.systemUTC());
        ObjectKey key = new ObjectKey("p", "sync-fails");

        assertThatThrownBy(() -> failing.put(key, new ByteArrayInputStream(randomBytes((int) (3 * SEGMENT_BYTES), 13))))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE));

        assertThat(failing.stat(key)).isEmpty();
        assertThat(openSinks).as("files left open").hasValue(0);
        assertNoLeftovers(root);
    }

    /** Sinks that record, per file in creation order, the steps taken on them. */
    private SegmentSink.Factory recording(List<List<String>> events) {
        SegmentSink.Factory disk = SegmentSink.fileChannels();
        return file -> {
            List<String> steps = new CopyOnWriteArrayList<>();
            events.add(steps);
            return new DelegatingSink(counted(disk.create(file))) {
                @Override
                public void write(ByteBuffer buffer) throws IOException {
                    steps.add("write");
                    super.write(buffer);
                }

                @Override
                public void sync() throws IOException {
                    super.sync();
                    steps.add("sync");
                }

                @Override
                public void close() throws IOException {
                    steps.add("close");
                    super.close();
                }
            };
        };
    }

    /** Counts the sink in {@link #openSinks} until it is closed. */
    private SegmentSink counted(SegmentSink sink) {
        openSinks.incrementAndGet();
        return new DelegatingSink(sink) {
            @Override
            public void close() throws IOException {
                openSinks.decrementAndGet();
                super.close();
            }
        };
    }

    private static class DelegatingSink implements SegmentSink {
        private final SegmentSink sink;

        DelegatingSink(SegmentSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            sink.write(buffer);
        }

        @Override
        public void sync() throws IOException {
            sink.sync();
        }

        @Override
        public void close() throws IOException {
            sink.close();
        }
    }

    @Test
    void readsObjectWrittenWithAnotherSegmentSize() throws IOException {
        byte[] content = randomBytes((int) (3 * SEGMENT_BYTES), 9);
        store.put(new ObjectKey("p", "old-segments"), new ByteArrayInputStream(content));

        LocalDiskObjectStore reconfigured = new LocalDiskObjectStore(root, SEGMENT_BYTES * 4);

        try (var in = reconfigured.open(new ObjectKey("p", "old-segments"))) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void readerOfAReplacedObjectSeesOnlyTheVersionItOpened() throws IOException {
        ObjectKey key = new ObjectKey("p", "moving");
        byte[] first = randomBytes((int) (3 * SEGMENT_BYTES), 10);
        store.put(key, new ByteArrayInputStream(first));

        try (var in = store.open(key)) {
            byte[] head = in.readNBytes((int) SEGMENT_BYTES);
            store.put(key, new ByteArrayInputStream(randomBytes((int) (3 * SEGMENT_BYTES), 11)));
            byte[] rest;
            try {
                rest = in.readAllBytes();
            } catch (IOException e) {
                return; // Failing is allowed; mixing versions is not.
            }
            assertThat(concat(head, rest)).isEqualTo(first);
        }
    }

    @Test
    void rejectsUnsafeProjectWhenListing() {
        assertThatThrownBy(() -> store.list("../etc"))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NAME));
    }

    /** Sinks that write to disk until {@code limit} bytes in all, then fail like a full (or broken) device. */
    private SegmentSink.Factory failingAfter(long limit, String reason) {
        SegmentSink.Factory disk = SegmentSink.fileChannels();
        AtomicLong written = new AtomicLong();
        return file -> new DelegatingSink(counted(disk.create(file))) {
            @Override
            public void write(ByteBuffer buffer) throws IOException {
                if (written.addAndGet(buffer.remaining()) > limit) {
                    throw new IOException(reason);
                }
                super.write(buffer);
            }
        };
    }

    static void assertNoLeftovers(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> temporary = paths.filter(path -> path.getParent() != null && path.getParent().getFileName() != null
                    && path.getParent().getFileName().toString().equals(".tmp")).toList();
            assertThat(temporary).as("leftovers in temporary areas").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    private static byte[] concat(byte[] head, byte[] rest) {
        byte[] all = new byte[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

}
