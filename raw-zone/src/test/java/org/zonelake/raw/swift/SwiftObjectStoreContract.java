package org.zonelake.raw.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ByteRange;
import org.zonelake.core.raw.ForeignObject;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.raw.ObjectStoreContract;

/**
 * The raw-zone contract, and what is particular to Swift, against a real Swift proxy. Each test has containers of its
 * own (a fresh container prefix), removed afterwards.
 */
abstract class SwiftObjectStoreContract extends ObjectStoreContract {
    static final int SEGMENT_BYTES = 64 << 10;

    private SwiftConfig config;
    private SwiftObjectStore store;
    private SwiftInspector swift;

    /** The proxy and credentials, from the environment {@code services/swift.sh env} prints. */
    protected abstract SwiftConfig serverConfig();

    @BeforeEach
    void openStoreWithContainersOfItsOwn() {
        String prefix = "it" + UUID.randomUUID().toString().substring(0, 8) + "_";
        config = serverConfig().withContainerPrefix(prefix).withSegmentBytes(SEGMENT_BYTES);
        store = new SwiftObjectStore(config);
        swift = new SwiftInspector(config);
    }

    @AfterEach
    void removeContainers() {
        if (swift != null) {
            swift.deleteAll(config.containerPrefix());
            store.close();
        }
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected long segmentBytes() {
        return SEGMENT_BYTES;
    }

    /** Every segment in a segments container belongs to a large object of its project container, and nothing else is there. */
    @Override
    protected void assertNoLeftovers() {
        for (String container : swift.containers(config.containerPrefix())) {
            if (container.endsWith(SwiftNames.SEGMENTS_SUFFIX)) {
                continue;
            }
            List<String> referenced = new ArrayList<>();
            for (String name : swift.objects(container)) {
                swift.segmentsOf(container, name).forEach(path -> referenced.add(path.substring(path.indexOf('/', 1) + 1)));
            }
            assertThat(swift.objects(SwiftNames.segmentsOf(container)))
                    .as("segments in %s", SwiftNames.segmentsOf(container)).containsExactlyInAnyOrderElementsOf(referenced);
        }
    }

    @Test
    void storesObjectAboveTheSegmentSizeAsStaticLargeObjectWithTheLakesMetadata() {
        byte[] content = randomBytes(3 * SEGMENT_BYTES + 11, 21);

        store.put(key("large"), new ByteArrayInputStream(content));

        Headers headers = swift.head(container(), "large");
        assertThat(headers.get("X-Static-Large-Object")).isEqualToIgnoringCase("true");
        assertThat(headers.get("X-Object-Meta-Zonelake-Sha256")).isEqualTo(sha256(content));
        assertThat(headers.get("X-Object-Meta-Zonelake-Writer")).isEqualTo("zonelake");
        assertThat(swift.segmentsOf(container(), "large")).hasSize(4)
                .allSatisfy(path -> assertThat(path).startsWith("/" + container() + "_segments/large/"));
        assertNoLeftovers();
    }

    @Test
    void storesObjectsUpToTheSegmentSizeAsPlainObjectsWithTheLakesMetadata() {
        byte[] small = randomBytes(1000, 22);
        byte[] oneSegment = randomBytes(SEGMENT_BYTES, 23);

        store.put(key("small"), new ByteArrayInputStream(small));
        store.put(key("one-segment"), new ByteArrayInputStream(oneSegment));

        for (var expected : Map.of("small", small, "one-segment", oneSegment).entrySet()) {
            Headers headers = swift.head(container(), expected.getKey());
            assertThat(headers.get("X-Static-Large-Object")).isNull();
            assertThat(headers.get("Content-Length")).isEqualTo(Integer.toString(expected.getValue().length));
            assertThat(headers.get("ETag")).isEqualTo(SwiftInspector.md5(expected.getValue()));
            assertThat(headers.get("X-Object-Meta-Zonelake-Sha256")).isEqualTo(sha256(expected.getValue()));
        }
        assertThat(swift.objects(container() + "_segments")).isEmpty();
    }

    @Test
    void readsAMultiSegmentObjectBackByteExactWithRangesAcrossSegmentBoundaries() throws IOException {
        byte[] content = randomBytes(5 * SEGMENT_BYTES + SEGMENT_BYTES / 3, 24);
        store.put(key("many-segments"), new ByteArrayInputStream(content));
        long last = content.length - 1;

        assertThat(readAll(key("many-segments"), null)).isEqualTo(content);
        for (ByteRange range : List.of(new ByteRange(SEGMENT_BYTES - 1, SEGMENT_BYTES), new ByteRange(SEGMENT_BYTES, SEGMENT_BYTES),
                new ByteRange(2L * SEGMENT_BYTES - 10, 4L * SEGMENT_BYTES + 10), new ByteRange(1, last - 1),
                new ByteRange(5L * SEGMENT_BYTES - 1, last), new ByteRange(last, last))) {
            assertThat(readAll(key("many-segments"), range)).as("range %s", range)
                    .isEqualTo(java.util.Arrays.copyOfRange(content, (int) range.first(), (int) range.last() + 1));
        }
    }

    @Test
    void aStreamedPutRefusedForItsTokenIsRepeatedWithAFreshTokenAndTheStreamUntouched() throws IOException {
        store.put(key("creates-the-container"), new ByteArrayInputStream(new byte[1]));
        OkHttpClient http = SwiftObjectStore.httpClient(config.timeout());
        SwiftAuth real = SwiftAuth.of(config, http, Clock.systemUTC());
        AtomicInteger signIns = new AtomicInteger();
        SwiftAuth staleFirst = () -> signIns.getAndIncrement() == 0
                ? new SwiftSession("AUTH_tk" + "0".repeat(32), real.authenticate().storageUrl(), Instant.MAX)
                : real.authenticate();
        SwiftClient client = new SwiftClient(http, staleFirst, Clock.systemUTC());
        byte[] content = randomBytes(SEGMENT_BYTES + 7, 27);
        SegmentBody body = new SegmentBody(new UploadSource(new ByteArrayInputStream(content)), content.length);

        try (Response response = client.execute(session -> new Request.Builder().url(SwiftClient.url(session, container(), "streamed")).put(body))) {
            assertThat(response.code()).isEqualTo(201);
        }

        assertThat(signIns).hasValue(2);
        assertThat(body.written()).isEqualTo(content.length);
        assertThat(swift.head(container(), "streamed").get("ETag")).isEqualTo(SwiftInspector.md5(content));
    }

    @Test
    void objectUploadedLikeSwiftUploadIsForeignUntilAdopted() throws IOException {
        byte[] content = "time,value\n1,2\n".getBytes();
        swift.upload(container(), "reports/2024/data.csv", content, Map.of("Content-Type", "text/csv"));

        assertThat(store.projectOfContainer(container())).contains(PROJECT);
        ForeignObject foreign = store.stat(PROJECT, "reports/2024/data.csv").orElseThrow();
        assertThat(foreign.writtenByLake()).isFalse();
        assertThat(foreign.size()).isEqualTo(content.length);
        assertThat(foreign.contentType()).isEqualTo("text/csv");
        assertThat(store.stat(key("whatever"))).isEmpty();
        assertThat(names()).isEmpty();

        StoredBlob adopted = store.adopt(PROJECT, "reports/2024/data.csv", key("adopted-0001"));

        assertThat(adopted.key()).isEqualTo(key("adopted-0001"));
        assertThat(adopted.size()).isEqualTo(content.length);
        assertThat(adopted.sha256()).isEqualTo(sha256(content));
        assertThat(readAll(key("adopted-0001"), null)).isEqualTo(content);
        assertThat(store.stat(key("adopted-0001")).orElseThrow().sha256()).isEqualTo(sha256(content));
        assertThat(store.stat(PROJECT, "adopted-0001").orElseThrow().writtenByLake()).isTrue();
        assertThat(store.stat(PROJECT, "reports/2024/data.csv")).isEmpty();
        assertThat(names()).containsExactly("adopted-0001");
    }

    @Test
    void largeObjectUploadedLikeSwiftUploadIsAdoptedWithoutCopyingItsSegments() throws IOException {
        byte[] content = randomBytes(3 * SEGMENT_BYTES + 5, 25);
        swift.uploadLarge(container(), "camera/big.bin", content, SEGMENT_BYTES);
        List<String> segments = swift.segmentsOf(container(), "camera/big.bin");

        StoredBlob adopted = store.adopt(PROJECT, "camera/big.bin", key("adopted-large"));

        assertThat(adopted.sha256()).isEqualTo(sha256(content));
        assertThat(adopted.size()).isEqualTo(content.length);
        assertThat(readAll(key("adopted-large"), null)).isEqualTo(content);
        assertThat(readAll(key("adopted-large"), new ByteRange(SEGMENT_BYTES - 2, SEGMENT_BYTES + 2)))
                .isEqualTo(java.util.Arrays.copyOfRange(content, SEGMENT_BYTES - 2, SEGMENT_BYTES + 3));
        assertThat(swift.segmentsOf(container(), "adopted-large")).isEqualTo(segments);
        assertThat(store.stat(PROJECT, "camera/big.bin")).isEmpty();
        assertNoLeftovers();

        assertThat(store.delete(key("adopted-large"))).isTrue();
        assertThat(swift.objects(container() + "_segments")).isEmpty();
    }

    @Test
    void repeatingACompletedAdoptionReturnsTheAdoptedObject() {
        byte[] content = randomBytes(500, 26);
        swift.upload(container(), "again.bin", content, Map.of());
        StoredBlob first = store.adopt(PROJECT, "again.bin", key("adopted-again"));

        StoredBlob second = store.adopt(PROJECT, "again.bin", key("adopted-again"));

        assertThat(second.sha256()).isEqualTo(first.sha256()).isEqualTo(sha256(content));
        assertThat(second.size()).isEqualTo(first.size());
    }

    @Test
    void adoptingANameThatHoldsNothingIsNotFound() {
        assertThatThrownBy(() -> store.adopt(PROJECT, "never/uploaded.bin", key("adopted-nothing")))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND));
        assertThat(store.stat(PROJECT, "never/uploaded.bin")).isEmpty();
    }

    @Test
    void recognisesOnlyTheLakesProjectContainers() {
        assertThat(store.projectOfContainer(container())).contains(PROJECT);
        assertThat(store.projectOfContainer(container() + "_segments")).isEmpty();
        assertThat(store.projectOfContainer("someone-elses-container")).isEmpty();
    }

    private String container() {
        return config.containerPrefix() + PROJECT;
    }

    private List<String> names() {
        try (Stream<StoredBlob> listed = store.list(PROJECT)) {
            return listed.map(blob -> blob.key().name()).toList();
        }
    }
}
