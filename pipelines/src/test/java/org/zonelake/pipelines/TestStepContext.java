package org.zonelake.pipelines;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;

/** A step context over a local file, for testing steps without a runner: records the log, cancels on demand. */
public final class TestStepContext implements StepContext {
    private final ObjectDocument object;
    private final Path content;
    private final Path workDirectory;
    private final String runId;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile boolean cancelRequested;

    public TestStepContext(ObjectDocument object, Path content, Path workDirectory, String runId) {
        this.object = requireNonNull(object, "object is null");
        this.content = requireNonNull(content, "content is null");
        this.workDirectory = requireNonNull(workDirectory, "workDirectory is null");
        this.runId = requireNonNull(runId, "runId is null");
    }

    /** A stored object of {@code project} with the given id, name, content type and template, over {@code content}. */
    public static TestStepContext of(String project, long objectId, String name, String contentType, String template,
                                     Map<String, Object> otherData, Path content, Path workDirectory) throws IOException {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ObjectDocument object = new ObjectDocument(project, objectId, "obj-" + objectId, name, contentType, null, "alice", null, null,
                template, otherData, null, Files.size(content), ObjectStatus.STORED, now, now, now, List.of(), List.of(), null);
        return new TestStepContext(object, content, workDirectory, objectId + "-test");
    }

    @Override
    public ObjectDocument object() {
        return object;
    }

    @Override
    public Provenance provenance() {
        return new Provenance(object.project(), object.id(), runId);
    }

    @Override
    public InputStream openObject() throws IOException {
        return Files.newInputStream(content);
    }

    @Override
    public Path stagedObject() {
        return content;
    }

    @Override
    public Path workDirectory() throws IOException {
        return Files.createDirectories(workDirectory);
    }

    @Override
    public void log(String format, Object... arguments) {
        log.add(String.format(format, arguments));
    }

    @Override
    public boolean cancelRequested() {
        return cancelRequested;
    }

    public void requestCancel() {
        cancelRequested = true;
    }

    public List<String> logLines() {
        return List.copyOf(log);
    }
}
