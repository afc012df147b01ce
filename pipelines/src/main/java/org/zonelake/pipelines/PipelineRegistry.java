package org.zonelake.pipelines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The pipelines a lake runs, by name. */
public final class PipelineRegistry {
    private final Map<String, Pipeline> pipelines = new LinkedHashMap<>();

    public PipelineRegistry(List<Pipeline> pipelines) {
        for (Pipeline pipeline : pipelines) {
            if (this.pipelines.putIfAbsent(pipeline.name(), pipeline) != null) {
                throw new IllegalArgumentException("Two pipelines are named " + pipeline.name());
            }
        }
    }

    public Optional<Pipeline> find(String name) {
        return Optional.ofNullable(pipelines.get(name));
    }

    public Set<String> names() {
        return pipelines.keySet();
    }
}
