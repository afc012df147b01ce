package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.LimitsConfig;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class ObjectLimitsTest {
    private static final int MAX_OBJECT_BYTES = 4096;
    private static TestLake lake;
    private static ObjectsApi api;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false).limits(new LimitsConfig(MAX_OBJECT_BYTES, 1 << 20, 20, 256)));
        api = new ObjectsApi(lake);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void objectOfExactlyTheLimitIsStored() {
        lake.createProject("at-limit");
        byte[] bytes = ObjectUploadTest.randomBytes(MAX_OBJECT_BYTES, 10);

        long id = api.store("at-limit", lake.adminToken(), "limit.bin", bytes);

        assertThat(api.content("at-limit", lake.adminToken(), id).body()).isEqualTo(bytes);
    }

    @Test
    void objectOverTheLimitIsRefusedAndLeavesNothing() {
        lake.createProject("over-limit");

        Response answer = api.upload("over-limit", lake.adminToken(), "big.bin", ObjectUploadTest.randomBytes(MAX_OBJECT_BYTES * 4, 11));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("object_too_large");
        api.assertNothingLeft("over-limit");
        assertThat(lake.uploads().list("over-limit", 10, null).items())
                .singleElement().satisfies(upload -> assertThat(upload.state()).isEqualTo(UploadState.FAILED));
    }

    @Test
    void nameOverTheConfiguredLengthIsRefused() {
        lake.createProject("long-name");

        Response answer = api.upload("long-name", lake.adminToken(), "twenty-one-chars.txt!", new byte[10]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_name");
        api.assertNothingLeft("long-name");
    }

    @Test
    void metadataOverTheConfiguredSizeIsRefused() {
        lake.createProject("big-metadata");

        Response answer = api.upload("big-metadata", lake.adminToken(),
                Multipart.create().metadata("{\"description\": \"" + "d".repeat(300) + "\"}").file("a.txt", new byte[10]));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("metadata_too_large");
        api.assertNothingLeft("big-metadata");
    }
}
