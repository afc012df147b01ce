package org.zonelake.job;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.StoredBlob;
import org.zonelake.metadata.MetadataStore;
import org.zonelake.metadata.MongoObjectRepository;
import org.zonelake.metadata.MongoRunRepository;
import org.zonelake.raw.local.LocalDiskObjectStore;

/** A lake's raw and metadata zones as the gateway leaves them after uploads: objects stored and catalogued. */
final class TestLake {
    final MongoObjectRepository objects;
    final MongoRunRepository runs;
    final LocalDiskObjectStore raw;
    private final Clock clock = Clock.systemUTC();

    /** The raw zone lies where the job looks for it: {@code <dataDir>/raw}. */
    TestLake(MetadataStore store, Path dataDir) {
        requireNonNull(store, "store is null");
        this.objects = new MongoObjectRepository(store);
        this.runs = new MongoRunRepository(store);
        this.raw = new LocalDiskObjectStore(dataDir.resolve("raw"), 1 << 20);
    }

    /** Stores a test resource from {@code /objects} as an object of the project; returns its "stored" event. */
    ObjectStoredEvent store(String project, String resource, String contentType) {
        Instant now = clock.instant();
        long id = objects.allocateId(project);
        String storageName = Long.toString(id);
        StoredBlob blob;
        try (InputStream content = requireNonNull(TestLake.class.getResourceAsStream("/objects/" + resource), resource)) {
            blob = raw.put(new ObjectKey(project, storageName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        objects.insert(ObjectDocument.pending(project, id, storageName, resource, "alice", null, "tests", null, null, Map.of(), now));
        objects.markStored(project, id, blob, contentType, now);
        return new ObjectStoredEvent(project, id, storageName, contentType, blob.size(), blob.sha256(), null, "alice", now);
    }

    PipelineRun run(ObjectStoredEvent event, String pipeline) {
        return runs.find(event.project(), PipelineRun.idOf(event.objectId(), pipeline)).orElseThrow();
    }
}
