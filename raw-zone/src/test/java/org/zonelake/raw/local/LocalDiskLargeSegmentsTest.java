package org.zonelake.raw.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.raw.ObjectStoreContract;

/**
 * The contract again with segments large enough that full buffers are written past the page cache (where the file
 * system allows direct writes), and unaligned sizes, whose tails and odd segment boundaries go through the cache.
 */
class LocalDiskLargeSegmentsTest extends ObjectStoreContract {
    private static final long SEGMENT_BYTES = 1 << 20;

    @TempDir
    Path root;

    private LocalDiskObjectStore store;

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
        LocalDiskObjectStoreTest.assertNoLeftovers(root);
    }

    @Test
    void storesByteForByteWithSegmentsThatAreNotAWholeNumberOfBlocks() throws IOException {
        LocalDiskObjectStore odd = new LocalDiskObjectStore(root.resolve("odd"), 1_000_003);
        for (int size : new int[] {4095, 4097, 524_288, 1_000_003, 3_300_001}) {
            byte[] content = randomBytes(size, size);
            ObjectKey key = new ObjectKey("p", "odd-" + size);

            StoredBlob blob = odd.put(key, new ByteArrayInputStream(content));

            assertThat(blob.sha256()).isEqualTo(sha256(content));
            try (var in = odd.open(key)) {
                assertThat(in.readAllBytes()).as("%d bytes", size).isEqualTo(content);
            }
        }
    }
}
