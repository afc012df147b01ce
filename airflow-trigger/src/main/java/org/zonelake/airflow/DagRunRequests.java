package org.zonelake.airflow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.process.ObjectStoredEvent;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.PipelineRun;

/** How an "object stored" event, or one generation of a run asked for again, becomes a DAG run: its id and its conf. */
final class DagRunRequests {
    private DagRunRequests() {}

    /**
     * Derived from the event id alone, so that handing the same event over again finds the run already there. Project
     * names ({@code [a-z0-9][a-z0-9_-]*}) and object ids fit Airflow's run id pattern {@code ^[A-Za-z0-9_.~:+-]+$}.
     */
    static String dagRunId(ObjectStoredEvent event) {
        return objectDagRunId(event.project(), event.objectId());
    }

    /** The DAG run of the "object stored" event of one object. */
    static String objectDagRunId(String project, long objectId) {
        return "zonelake:" + project + ":" + objectId;
    }

    /**
     * One generation of a run: a redo queues the run again with a new {@code queued_at}, so each redo gets a DAG run of
     * its own, and the same generation never a second one. Run ids ({@code <objectId>-<pipeline>}) fit the pattern too;
     * milliseconds, since the metadata zone stores no finer time.
     */
    static String dagRunId(PipelineRun run) {
        return objectDagRunId(run.project(), run.objectId()) + ":" + run.pipeline() + ":" + run.queuedAt().toEpochMilli();
    }

    /** The event as the DAG reads it from {@code dag_run.conf}. */
    static Map<String, Object> conf(ObjectStoredEvent event) {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("project", event.project());
        conf.put("object_id", event.objectId());
        conf.put("storage_name", event.storageName());
        conf.put("content_type", event.contentType());
        conf.put("size", event.size());
        conf.put("sha256", event.sha256());
        conf.put("template", event.template());
        conf.put("uploader", event.uploader());
        conf.put("stored_at", event.storedAt().toString());
        return conf;
    }

    /**
     * The object's event plus the run's pipeline, which the job runs instead of routing the object. A run of no real
     * pipeline ({@code none}: not handled; {@code airflow}: a DAG run that failed before the job recorded any run) goes
     * without: the job routes the object and settles every unfinished run of it, that one too.
     */
    static Map<String, Object> conf(ObjectDocument object, PipelineRun run) {
        Map<String, Object> conf = conf(eventOf(object));
        if (PipelineNames.ROUTABLE.contains(run.pipeline())) {
            conf.put("pipeline", run.pipeline());
        }
        return conf;
    }

    /** The event the gateway handed over when the object was stored. */
    static ObjectStoredEvent eventOf(ObjectDocument stored) {
        return new ObjectStoredEvent(stored.project(), stored.id(), stored.storageName(), stored.contentType(), stored.size(),
                stored.sha256(), stored.template(), stored.uploader(), stored.lastModified() == null ? Instant.EPOCH : stored.lastModified());
    }
}
