package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.CatalogQuery;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.ingest.TestLake;

/** An upload whose bytes all arrived but that cannot be stored fails cleanly: a reason, and nothing left behind. */
class FailedFinishTest {
    private static final String PROJECT = "failed-finish";

    private static TestLake lake;
    private static TusRequests tus;
    private static String member;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        tus = new TusRequests(lake);
        lake.createProject(PROJECT);
        member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
        Instant now = Instant.now();
        lake.templates().create(new MetadataTemplate(PROJECT, "tables", "Tables", "", List.of("text/csv"), List.of(),
                true, true, true, now, now));
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void anUploadOfATypeTheTemplateRefusesFailsWithTheReasonAndLeavesNothing() {
        byte[] content = TusRequests.randomBytes(200_000, 5);
        String upload = tus.created(PROJECT, member, content.length,
                TusRequests.metadata(TusRequests.pairs("filename", "not-a-table.bin", "template", "tables")));
        tus.patch(upload, member, 0, java.util.Arrays.copyOf(content, 100_000));

        TestLake.Response last = tus.patch(upload, member, 100_000, java.util.Arrays.copyOfRange(content, 100_000, content.length));

        assertThat(last.status()).isEqualTo(400);
        assertThat(last.code()).isEqualTo("content_type_not_accepted");
        UploadRecord failed = lake.uploads().find(PROJECT, TusRequests.id(upload)).orElseThrow();
        assertThat(failed.state()).isEqualTo(UploadState.FAILED);
        assertThat(failed.failureReason()).contains("tables").contains("application/octet-stream");
        assertThat(failed.objectId()).isNull();
        assertThat(lake.stagingDir().resolve(TusRequests.id(upload))).doesNotExist();
        assertThat(lake.stagingDir().resolve(TusRequests.id(upload) + ".json")).doesNotExist();
        try (Stream<StoredBlob> raw = lake.objectStore().list(PROJECT)) {
            assertThat(raw).isEmpty();
        }
        assertThat(lake.objects().search(CatalogQuery.all(PROJECT, 10)).items()).isEmpty();
        TestLake.Response tracked = lake.get(upload, member);
        assertThat(tracked.json().path("state").asText()).isEqualTo("failed");
        assertThat(tus.head(upload, member).status()).isEqualTo(410);
    }
}
