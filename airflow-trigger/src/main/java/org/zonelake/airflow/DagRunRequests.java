package org.zonelake.airflow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zonelake.core.process.ObjectStoredEvent;

/** How an "object stored" event becomes a DAG run: its id and its conf. */
final class DagRunRequests {
    private DagRunRequests() {}

    /**
     * Derived from the event id alone, so that handing the same event over again finds the run already there. Project
     * names ({@code [a-z0-9][a-z0-9_-]*}) and object ids fit Airflow's run id pattern {@code ^[A-Za-z0-9_.~:+-]+$}.
     */
    static String dagRunId(ObjectStoredEvent event) {
        return "zonelake:" + event.eventId();
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
}
