package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class UploadLocksTest {
    @Test
    void letsOneHolderAtATimeWorkOnAnUpload() throws Exception {
        UploadLocks locks = new UploadLocks();
        UploadLocks.Held held = locks.tryAcquire("a").orElseThrow();

        boolean otherThreadGotIt = CompletableFuture.supplyAsync(() -> locks.tryAcquire("a").isPresent()).get();
        boolean otherUploadIsFree = CompletableFuture.supplyAsync(() -> {
            UploadLocks.Held other = locks.tryAcquire("b").orElseThrow();
            other.release();
            return true;
        }).get();

        assertThat(otherThreadGotIt).isFalse();
        assertThat(otherUploadIsFree).isTrue();
        held.release();
        assertThat(CompletableFuture.supplyAsync(() -> locks.acquire("a", Duration.ofSeconds(5)).map(h -> {
            h.release();
            return true;
        }).orElse(false)).get()).isTrue();
    }

    @Test
    void forgetsLocksNobodyHoldsOrWaitsFor() {
        UploadLocks locks = new UploadLocks();
        locks.tryAcquire("a").orElseThrow().release();
        locks.tryAcquire("b").orElseThrow().release();

        assertThat(locks.size()).isZero();
    }
}
