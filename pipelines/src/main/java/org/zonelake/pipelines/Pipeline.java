package org.zonelake.pipelines;

import java.util.List;

/**
 * A named sequence of steps that turns one kind of object into gold records. The name is what routes point
 * to and what the run records; steps run in order, each only after the one before succeeded.
 */
public interface Pipeline {
    String name();

    List<PipelineStep> steps();

    /** The step names, in order. */
    default List<String> stepNames() {
        return steps().stream().map(PipelineStep::name).toList();
    }
}
