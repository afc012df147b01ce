package org.zonelake.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.metadata.ObjectDocument;

/** What a step sees of its run: the object, where to keep intermediate files, a log and cancellation. */
public interface StepContext {
    /** The object's metadata document as the run found it. */
    ObjectDocument object();

    /** Project, object id and run id: pass it with every gold write. */
    Provenance provenance();

    /** Streams the object's bytes from the raw zone. */
    InputStream openObject() throws IOException;

    /**
     * The object's bytes in a local file (for engines that read files, like Spark), copied from the raw zone on
     * first use and kept for the run's other steps.
     */
    Path stagedObject() throws IOException;

    /** A directory of the run, kept across its steps and restarts, removed when the run ends. */
    Path workDirectory() throws IOException;

    /** Appends a line to the step's log, which the API returns with the run. */
    void log(String format, Object... arguments);

    /** Whether a user asked to cancel the run; long steps check it between units of work. */
    boolean cancelRequested();
}
