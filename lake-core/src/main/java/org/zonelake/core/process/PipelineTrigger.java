package org.zonelake.core.process;

/** Hands "object stored" events to the process zone. Idempotent: the same event twice is one event. */
public interface PipelineTrigger {
    void objectStored(ObjectStoredEvent event);
}
