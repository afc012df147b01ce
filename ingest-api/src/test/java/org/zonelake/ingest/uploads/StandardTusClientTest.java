package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusURLStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.ingest.TestLake;

/** The tus reference client for Java uploads to the lake unchanged, and resumes an upload it abandoned. */
class StandardTusClientTest {
    private static final String PROJECT = "tus-client";
    private static final int MIB = 1 << 20;

    private static TestLake lake;
    private static String token;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        lake.createProject(PROJECT);
        token = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void storesAFileSentByTusJavaClientByteForByte() throws Exception {
        byte[] content = TusRequests.randomBytes(5 * MIB + 12_345, 1);
        TusClient client = client();

        TusUploader uploader = client.createUpload(upload(content, "five-mebibytes.bin", "fingerprint-1"));
        uploader.setChunkSize(256 * 1024);
        uploader.setRequestPayloadSize(MIB);
        while (uploader.uploadChunk() > -1) {
            // each call sends one chunk; the uploader opens a new PATCH every mebibyte
        }
        uploader.finish();

        String uploadId = TusRequests.id(uploader.getUploadURL().getPath());
        ObjectDocument object = StoredUploads.assertStored(lake, PROJECT, uploadId, content);
        assertThat(object.originalObjectName()).isEqualTo("five-mebibytes.bin");
        assertThat(object.uploader()).startsWith("member-" + PROJECT);
        assertThat(lake.get("/api/v1/projects/" + PROJECT + "/uploads/" + uploadId, token).json().path("state").asText()).isEqualTo("stored");
    }

    @Test
    void resumesAnAbandonedUploadFromItsUrlStore() throws Exception {
        byte[] content = TusRequests.randomBytes(4 * MIB + 777, 2);
        TusURLStore urls = new TusURLMemoryStore();
        TusClient first = client();
        first.enableResuming(urls);
        TusUploader abandoned = first.resumeOrCreateUpload(upload(content, "resumed.bin", "fingerprint-2"));
        abandoned.setChunkSize(256 * 1024);
        abandoned.setRequestPayloadSize(MIB);
        while (abandoned.getOffset() < 2L * MIB) {
            abandoned.uploadChunk();
        }
        URL uploadUrl = abandoned.getUploadURL();
        // The first client goes away without finishing; a new one (after a restart, say) resumes from the store.

        TusClient second = client();
        second.enableResuming(urls);
        TusUploader resumed = second.resumeOrCreateUpload(upload(content, "resumed.bin", "fingerprint-2"));
        assertThat(resumed.getUploadURL()).isEqualTo(uploadUrl);
        assertThat(resumed.getOffset()).isEqualTo(2L * MIB);
        resumed.setChunkSize(256 * 1024);
        resumed.setRequestPayloadSize(MIB);
        while (resumed.uploadChunk() > -1) {
            // send the rest
        }
        resumed.finish();

        StoredUploads.assertStored(lake, PROJECT, TusRequests.id(uploadUrl.getPath()), content);
    }

    private static TusClient client() throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(lake.uri(TusRequests.collection(PROJECT)).toURL());
        client.setHeaders(Map.of("X-Auth-Token", token));
        return client;
    }

    private static TusUpload upload(byte[] content, String name, String fingerprint) {
        TusUpload upload = new TusUpload();
        upload.setSize(content.length);
        upload.setInputStream(new ByteArrayInputStream(content));
        upload.setFingerprint(fingerprint);
        upload.setMetadata(Map.of("filename", name, "filetype", "application/octet-stream"));
        return upload;
    }
}
