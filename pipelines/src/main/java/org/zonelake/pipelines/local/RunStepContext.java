package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.raw.ObjectKey;
import org.zonelake.core.raw.ObjectStore;
import org.zonelake.pipelines.StepContext;

/**
 * The context of one step of a run in this process: the object's bytes from the raw zone, staged once per run
 * in the run's work directory (a temporary name, then renamed, so a crash never leaves a partial copy in use).
 */
final class RunStepContext implements StepContext {
    private static final String STAGED_NAME = "object";

    private final ObjectDocument object;
    private final Provenance provenance;
    private final ObjectStore store;
    private final Path workDirectory;
    private final StepLog log;
    private final BooleanSupplier cancelRequested;

    RunStepContext(ObjectDocument object, Provenance provenance, ObjectStore store, Path workDirectory, StepLog log,
                   BooleanSupplier cancelRequested) {
        this.object = requireNonNull(object, "object is null");
        this.provenance = requireNonNull(provenance, "provenance is null");
        this.store = requireNonNull(store, "store is null");
        this.workDirectory = requireNonNull(workDirectory, "workDirectory is null");
        this.log = requireNonNull(log, "log is null");
        this.cancelRequested = requireNonNull(cancelRequested, "cancelRequested is null");
    }

    @Override
    public ObjectDocument object() {
        return object;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public InputStream openObject() {
        return store.open(new ObjectKey(object.project(), object.storageName()));
    }

    @Override
    public synchronized Path stagedObject() throws IOException {
        Path staged = workDirectory().resolve(STAGED_NAME);
        if (Files.exists(staged) && Files.size(staged) == object.size()) {
            return staged;
        }
        Path partial = Files.createTempFile(workDirectory(), STAGED_NAME, ".partial");
        try (InputStream in = openObject()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return staged;
    }

    @Override
    public Path workDirectory() throws IOException {
        return Files.createDirectories(workDirectory);
    }

    @Override
    public void log(String format, Object... arguments) {
        log.append(arguments.length == 0 ? format : String.format(format, arguments));
    }

    @Override
    public boolean cancelRequested() {
        return cancelRequested.getAsBoolean();
    }
}
