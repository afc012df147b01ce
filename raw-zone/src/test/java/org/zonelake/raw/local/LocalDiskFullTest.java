package org.zonelake.raw.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.raw.ObjectKey;

/** A real full disk: a 1 MiB tmpfs. Skipped where mounting is not permitted (not Linux, not root, a container without the capability). */
class LocalDiskFullTest {
    private static final long SEGMENT_BYTES = 64 << 10;

    @TempDir
    Path mountPoint;

    private boolean mounted;

    @BeforeEach
    void mountTinyTmpfs() {
        mounted = run("mount", "-t", "tmpfs", "-o", "size=1m", "zonelake-test", mountPoint.toString());
        assumeTrue(mounted, "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() {
        if (mounted) {
            run("umount", mountPoint.toString());
        }
    }

    @Test
    void reportsFullDeviceAsStorageFullAndFreesTheSpace() throws IOException {
        LocalDiskObjectStore store = new LocalDiskObjectStore(mountPoint, SEGMENT_BYTES);
        ObjectKey key = new ObjectKey("full-project", "too-big");

        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(randomBytes(2 << 20))))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FULL));

        assertThat(store.stat(key)).isEmpty();
        LocalDiskObjectStoreTest.assertNoLeftovers(mountPoint);
        byte[] fits = randomBytes(700 << 10);
        store.put(key, new ByteArrayInputStream(fits));
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(fits);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static boolean run(String... command) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
