package org.zonelake.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ByteRange;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;

/**
 * What every {@link ObjectStore} adapter guarantees. An adapter's test extends this class and supplies the store;
 * tests hold a few segments in memory, so adapters under test use small segments (64 KiB to a few MiB).
 */
public abstract class ObjectStoreContract {
    protected static final String PROJECT = "contract-project";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** The store under test: the same instance throughout one test, a fresh (empty) one for each test. */
    protected abstract ObjectStore store();

    /** The segment size the store under test was given. */
    protected abstract long segmentBytes();

    /** Fails if a failed or finished write left anything behind (temporary files, orphan segments). */
    protected void assertNoLeftovers() {
    }

    @Test
    void storesBytesByteForByteWithSizeAndSha256() throws IOException {
        byte[] content = randomBytes(segment() + segment() / 2 + 17, 1);
        ObjectKey key = key("byte-for-byte");

        StoredBlob blob = store().put(key, new ByteArrayInputStream(content));

        assertThat(blob.key()).isEqualTo(key);
        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(blob.sha256()).isEqualTo(sha256(content));
        assertThat(readAll(key, null)).isEqualTo(content);
        assertNoLeftovers();
    }

    @Test
    void storesEmptyObject() throws IOException {
        ObjectKey key = key("empty");

        StoredBlob blob = store().put(key, InputStream.nullInputStream());

        assertThat(blob.size()).isZero();
        assertThat(blob.sha256()).isEqualTo(EMPTY_SHA256);
        assertThat(readAll(key, null)).isEmpty();
        assertThat(store().stat(key)).hasValueSatisfying(stat -> assertThat(stat.size()).isZero());
    }

    @Test
    void storesObjectLargerThanSeveralSegments() throws IOException {
        byte[] content = randomBytes(2 * segment() + segment() / 2, 2);
        ObjectKey key = key("several-segments");

        StoredBlob blob = store().put(key, new ByteArrayInputStream(content));

        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(blob.sha256()).isEqualTo(sha256(content));
        assertThat(readAll(key, null)).isEqualTo(content);
    }

    @Test
    void storesObjectOfExactlyOneSegment() throws IOException {
        byte[] content = randomBytes(segment(), 3);
        ObjectKey key = key("one-segment");

        store().put(key, new ByteArrayInputStream(content));

        assertThat(readAll(key, null)).isEqualTo(content);
    }

    @Test
    void readsByteRangeWithinOneSegment() throws IOException {
        byte[] content = storeRandom("range-in-one", 2 * segment(), 4);

        assertThat(readAll(key("range-in-one"), new ByteRange(10, 99))).isEqualTo(slice(content, 10, 99));
        assertThat(readAll(key("range-in-one"), new ByteRange(segment() + 1, segment() + 1))).isEqualTo(slice(content, segment() + 1, segment() + 1));
    }

    @Test
    void readsByteRangeAcrossSegments() throws IOException {
        byte[] content = storeRandom("range-across", 3 * segment() + 100, 5);
        ByteRange range = new ByteRange(segment() - 5, 2L * segment() + 5);

        assertThat(readAll(key("range-across"), range)).isEqualTo(slice(content, range.first(), range.last()));
    }

    @Test
    void clampsRangeEndBeyondSize() throws IOException {
        byte[] content = storeRandom("clamped", segment() + 50, 6);
        int size = content.length;

        assertThat(readAll(key("clamped"), new ByteRange(size - 10, size + 1_000_000L))).isEqualTo(slice(content, size - 10, size - 1));
    }

    @Test
    void rejectsRangeStartingBeyondEnd() {
        storeRandom("short", 100, 7);

        assertThatThrownBy(() -> store().open(key("short"), new ByteRange(100, 200)))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RANGE_NOT_SATISFIABLE));
        store().put(key("empty"), InputStream.nullInputStream());
        assertThatThrownBy(() -> store().open(key("empty"), new ByteRange(0, 0)))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RANGE_NOT_SATISFIABLE));
    }

    @Test
    void reportsMissingObjectAsNotFound() {
        ObjectKey key = key("never-stored");

        assertNotFound(key);
        assertThatThrownBy(() -> store().open(key, new ByteRange(0, 10)))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND));
        assertThat(store().stat(key)).isEmpty();
    }

    @Test
    void statReturnsSizeAndHash() {
        byte[] content = storeRandom("stat", segment() + 1, 8);

        StoredBlob stat = store().stat(key("stat")).orElseThrow();

        assertThat(stat.key()).isEqualTo(key("stat"));
        assertThat(stat.size()).isEqualTo(content.length);
        assertThat(stat.sha256()).isEqualTo(sha256(content));
        assertThat(stat.storedAt()).isNotNull();
    }

    @Test
    void deleteRemovesObjectAndReportsWhetherItExisted() {
        storeRandom("doomed", 2 * segment() + 3, 9);

        assertThat(store().delete(key("doomed"))).isTrue();

        assertThat(store().stat(key("doomed"))).isEmpty();
        assertNotFound(key("doomed"));
        assertThat(store().delete(key("doomed"))).isFalse();
        assertNoLeftovers();
    }

    @Test
    void putReplacesExistingObject() throws IOException {
        storeRandom("replaced", 2 * segment() + segment() / 2, 10);
        byte[] replacement = randomBytes(100, 11);

        StoredBlob blob = store().put(key("replaced"), new ByteArrayInputStream(replacement));

        assertThat(blob.sha256()).isEqualTo(sha256(replacement));
        assertThat(readAll(key("replaced"), null)).isEqualTo(replacement);
        assertThat(store().stat(key("replaced")).orElseThrow().size()).isEqualTo(100);
        assertThat(names(PROJECT)).containsExactly("replaced");
        assertNoLeftovers();
    }

    @Test
    void listsObjectsOfOneProjectOnly() {
        store().put(new ObjectKey("project-one", "b-object"), new ByteArrayInputStream(randomBytes(10, 12)));
        store().put(new ObjectKey("project-one", "a-object"), new ByteArrayInputStream(randomBytes(segment() + 1, 13)));
        store().put(new ObjectKey("project-two", "c-object"), new ByteArrayInputStream(randomBytes(30, 14)));

        List<StoredBlob> listed;
        try (Stream<StoredBlob> stream = store().list("project-one")) {
            listed = stream.toList();
        }

        assertThat(listed).extracting(blob -> blob.key().name()).containsExactly("a-object", "b-object");
        assertThat(listed).extracting(StoredBlob::size).containsExactly((long) segment() + 1, 10L);
        assertThat(listed).allSatisfy(blob -> assertThat(blob.key().project()).isEqualTo("project-one"));
        assertThat(names("project-three")).isEmpty();
    }

    @Test
    void failingStreamLeavesNothingVisible() {
        IllegalStateException failure = new IllegalStateException("client went away");
        int failAfter = segment() + segment() / 2;

        assertThatThrownBy(() -> store().put(key("failed"), new FailingInputStream(failAfter, failure))).isSameAs(failure);

        assertThat(store().stat(key("failed"))).isEmpty();
        assertNotFound(key("failed"));
        assertThat(names(PROJECT)).isEmpty();
        assertNoLeftovers();
    }

    @Test
    void failingReplaceKeepsPreviousObject() throws IOException {
        byte[] original = storeRandom("kept", 2 * segment() + 7, 15);

        assertThatThrownBy(() -> store().put(key("kept"), new FailingInputStream(3 * segment(), new IllegalStateException("boom"))))
                .hasMessage("boom");

        assertThat(readAll(key("kept"), null)).isEqualTo(original);
        assertThat(store().stat(key("kept")).orElseThrow().sha256()).isEqualTo(sha256(original));
        assertNoLeftovers();
    }

    @Test
    void streamIoExceptionPropagatesWrappedInUncheckedIoException() {
        IOException failure = new IOException("connection reset by client");

        assertThatThrownBy(() -> store().put(key("reset"), new FailingInputStream(segment() + 1, failure)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCause(failure);

        assertThat(store().stat(key("reset"))).isEmpty();
        assertNoLeftovers();
    }

    @Test
    void concurrentPutsToDistinctKeysAllSucceed() throws Exception {
        int writers = 8;
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            contents.add(randomBytes(segment() + segment() / 3 + i, 100 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<StoredBlob>> puts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int index = i;
                puts.add(pool.submit(() -> store().put(key("parallel-" + index), new ByteArrayInputStream(contents.get(index)))));
            }
            for (int i = 0; i < writers; i++) {
                assertThat(puts.get(i).get(30, TimeUnit.SECONDS).sha256()).isEqualTo(sha256(contents.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < writers; i++) {
            assertThat(readAll(key("parallel-" + i), null)).isEqualTo(contents.get(i));
        }
        assertThat(names(PROJECT)).hasSize(writers);
        assertNoLeftovers();
    }

    protected static ObjectKey key(String name) {
        return new ObjectKey(PROJECT, name);
    }

    protected byte[] readAll(ObjectKey key, ByteRange range) throws IOException {
        try (InputStream in = store().open(key, range)) {
            return in.readAllBytes();
        }
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    protected static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int segment() {
        return Math.toIntExact(segmentBytes());
    }

    private byte[] storeRandom(String name, int size, long seed) {
        byte[] content = randomBytes(size, seed);
        store().put(key(name), new ByteArrayInputStream(content));
        return content;
    }

    private static byte[] slice(byte[] content, long first, long last) {
        byte[] slice = new byte[Math.toIntExact(last - first + 1)];
        System.arraycopy(content, (int) first, slice, 0, slice.length);
        return slice;
    }

    private List<String> names(String project) {
        try (Stream<StoredBlob> stream = store().list(project)) {
            return stream.map(blob -> blob.key().name()).toList();
        }
    }

    private void assertNotFound(ObjectKey key) {
        assertThatThrownBy(() -> store().open(key))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND));
    }

    /** Serves generated bytes, then fails with the given exception instead of serving byte {@code failAfter}. */
    protected static final class FailingInputStream extends InputStream {
        private final long failAfter;
        private final Exception failure;
        private long served;

        public FailingInputStream(long failAfter, Exception failure) {
            this.failAfter = failAfter;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (served >= failAfter) {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
            int count = (int) Math.min(length, failAfter - served);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) (served + i);
            }
            served += count;
            return count;
        }
    }
}
