package org.zonelake.pipelines.local;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.zonelake.core.process.PipelineRun;

/** The runs of one object as they stand after an {@link ObjectRunner} went through them. */
public record ObjectRunReport(String project, long objectId, List<PipelineRun> runs) {
    public ObjectRunReport {
        requireNonNull(project, "project is null");
        runs = List.copyOf(runs);
    }

    /** Every run reached a final state (its record says which); true also when the object had nothing to run. */
    public boolean allFinal() {
        return runs.stream().allMatch(run -> run.state().isFinal());
    }

    /** Runs left queued (a step threw and may pass on a later try) or held by another worker. */
    public List<PipelineRun> unfinished() {
        return runs.stream().filter(run -> !run.state().isFinal()).toList();
    }
}
