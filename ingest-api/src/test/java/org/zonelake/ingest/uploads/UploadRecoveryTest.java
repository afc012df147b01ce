package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.TestLake;

/** Recovery finishes uploads a crash interrupted, expires abandoned ones and removes orphan staging files. */
class UploadRecoveryTest {
    private static final String PROJECT = "recovery";
    private static final Duration EXPIRY = Duration.ofHours(1);

    private TestLake lake;
    private TusRequests tus;
    private String member;
    private UploadRecovery recovery;

    @BeforeEach
    void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        tus = new TusRequests(lake);
        lake.createProject(PROJECT);
        member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
        recovery = new UploadRecovery(lake.services(), new UploadConfig(EXPIRY));
    }

    @AfterEach
    void stopLake() {
        lake.close();
    }

    @Test
    void storesAnUploadWhoseBytesAllArrivedButThatWasNeverStored() throws IOException {
        byte[] content = TusRequests.randomBytes(300_000, 6);
        String id = TusRequests.id(tus.created(PROJECT, member, content.length, TusRequests.filename("crashed.bin")));
        // A crash between the last PATCH's offset update and the store: all bytes on disk, offset at the end.
        Files.write(lake.stagingDir().resolve(id), content);
        Instant crashedAt = Instant.now();
        assertThat(lake.uploads().advance(PROJECT, id, 0, content.length, crashedAt)).isTrue();

        // Recovery takes uploads last touched strictly before its instant: one millisecond later is enough.
        int fixed = recovery.recover(crashedAt.plusMillis(1));

        assertThat(fixed).isEqualTo(1);
        StoredUploads.assertStored(lake, PROJECT, id, content);
    }

    @Test
    void expiresAnUploadIdleForLongerThanTheExpiryAndDeletesItsBytes() {
        byte[] content = TusRequests.randomBytes(50_000, 7);
        String upload = tus.created(PROJECT, member, content.length, TusRequests.filename("abandoned.bin"));
        tus.patch(upload, member, 0, Arrays.copyOf(content, 20_000));
        String id = TusRequests.id(upload);

        int early = recovery.recover(Instant.now().plus(EXPIRY).minusSeconds(60));
        int late = recovery.recover(Instant.now().plus(EXPIRY).plusSeconds(60));

        assertThat(early).isZero();
        assertThat(late).isEqualTo(1);
        UploadRecord expired = lake.uploads().find(PROJECT, id).orElseThrow();
        assertThat(expired.state()).isEqualTo(UploadState.FAILED);
        assertThat(expired.failureReason()).startsWith("expired");
        assertThat(lake.stagingDir().resolve(id)).doesNotExist();
        assertThat(tus.head(upload, member).status()).isEqualTo(410);
    }

    @Test
    void leavesAnActiveUploadAlone() {
        String upload = tus.created(PROJECT, member, 10, TusRequests.filename("active.bin"));
        tus.patch(upload, member, 0, new byte[] {1, 2, 3});

        assertThat(recovery.recover(Instant.now())).isZero();

        assertThat(tus.offset(upload, member)).isEqualTo(3);
        assertThat(lake.stagingDir().resolve(TusRequests.id(upload))).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void removesStagingFilesWithoutAReceivingUploadAndNothingElse() throws IOException {
        Path orphan = Files.write(lake.stagingDir().resolve(UploadIds.newId()), new byte[] {1, 2, 3});
        String described = UploadIds.newId();
        Path orphanBytes = Files.write(lake.stagingDir().resolve(described), new byte[] {4});
        Path orphanDescription = Files.writeString(lake.stagingDir().resolve(described + ".json"),
                "{\"project\":\"" + PROJECT + "\",\"application\":null,\"description\":null,\"upload_metadata\":null}");
        Path foreign = Files.writeString(lake.stagingDir().resolve("notes.txt"), "not ours");

        int fixed = recovery.recover(Instant.now());

        assertThat(fixed).isEqualTo(2);
        assertThat(orphan).doesNotExist();
        assertThat(orphanBytes).doesNotExist();
        assertThat(orphanDescription).doesNotExist();
        assertThat(foreign).exists();
    }

    @Test
    void atStartUpFailsSingleRequestUploadsThePreviousRunLeftReceivingButKeepsResumableOnes() {
        Instant before = Instant.now().minusSeconds(60);
        lake.uploads().create(new UploadRecord("0f3a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b", PROJECT, UploadKind.SINGLE_REQUEST, "someone",
                "cut-off.csv", null, 0, UploadState.RECEIVING, null, null, null, null, null, before, before));
        String resumable = tus.created(PROJECT, member, 10, TusRequests.filename("resumable.bin"));
        Instant startedAt = Instant.now().plusSeconds(1);

        int fixed = recovery.recoverAtStartUp(startedAt);

        assertThat(fixed).isEqualTo(1);
        UploadRecord interrupted = lake.uploads().find(PROJECT, "0f3a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b").orElseThrow();
        assertThat(interrupted.state()).isEqualTo(UploadState.FAILED);
        assertThat(interrupted.failureReason()).startsWith("interrupted");
        assertThat(tus.offset(resumable, member)).isZero();
    }
}
