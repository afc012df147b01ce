package org.zonelake.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.ingest.TestLake;

/** Assertions on what a finished upload left in the lake. */
final class StoredUploads {
    private StoredUploads() {}

    /** Checks that the upload is stored as a visible object with exactly these bytes; returns the object's document. */
    static ObjectDocument assertStored(TestLake lake, String project, String uploadId, byte[] expected) {
        UploadRecord upload = lake.uploads().find(project, uploadId).orElseThrow();
        assertThat(upload.state()).as("state of %s", upload).isIn(UploadState.STORED, UploadState.PROCESSING, UploadState.PROCESSED);
        assertThat(upload.bytesReceived()).isEqualTo(expected.length);
        assertThat(upload.objectId()).isNotNull();
        ObjectDocument object = lake.objects().find(project, upload.objectId()).orElseThrow();
        assertThat(object.status()).isEqualTo(ObjectStatus.STORED);
        assertThat(object.size()).isEqualTo(expected.length);
        assertThat(object.sha256()).isEqualTo(TusRequests.sha256(expected));
        assertThat(content(lake, object)).isEqualTo(expected);
        assertThat(Files.exists(lake.stagingDir().resolve(uploadId))).as("staging file of a stored upload").isFalse();
        return object;
    }

    static byte[] content(TestLake lake, ObjectDocument object) {
        try (InputStream in = lake.objectStore().open(new ObjectKey(object.project(), object.storageName()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
