package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Prints a run's steps: each step's log on the step's own time line, and the Spark jobs it ran. */
final class RunReport {
    private final PrintStream out;
    private final SparkJobs spark;

    RunReport(PrintStream out, SparkJobs spark) {
        this.out = requireNonNull(out, "out is null");
        this.spark = requireNonNull(spark, "spark is null");
    }

    /** Spark jobs of one step, summed. */
    record StepJobs(int jobs, double jobMillis, double taskMillis) {
        static StepJobs of(List<SparkJobs.Job> jobs) {
            return new StepJobs(jobs.size(), jobs.stream().mapToDouble(SparkJobs.Job::millis).sum(),
                    jobs.stream().mapToDouble(SparkJobs.Job::taskMillis).sum());
        }
    }

    StepJobs jobs(RunRecord run, String step) {
        return StepJobs.of(spark.of(run.id(), run.step(step)));
    }

    void printSteps(RunRecord run) {
        run.steps().forEach((name, step) -> {
            StepJobs jobs = jobs(run, name);
            out.printf("    step %s: %.3f s, of which %d Spark jobs %.3f s (their tasks ran %.3f s)%n", name, step.millis() / 1e3,
                    jobs.jobs(), jobs.jobMillis() / 1e3, jobs.taskMillis() / 1e3);
            printLog(step);
            printJobs(step, spark.of(run.id(), step));
        });
    }

    /** The step's log lines start with an instant: shown relative to the step's start, they tell where its time went. */
    private void printLog(RunRecord.Step step) {
        for (String line : step.log().split("\n")) {
            int space = line.indexOf(' ');
            try {
                Instant at = Instant.parse(line.substring(0, Math.max(space, 0)));
                out.printf("      %+8.3f s  %s%n", RunRecord.millis(step.startedAt(), at) / 1e3, line.substring(space + 1));
            } catch (DateTimeParseException e) {
                out.printf("                  %s%n", line);
            }
        }
    }

    private void printJobs(RunRecord.Step step, List<SparkJobs.Job> jobs) {
        StringBuilder line = new StringBuilder();
        for (SparkJobs.Job job : jobs) {
            line.append(String.format("%s%+.3f s for %.3f s (%d tasks, %.3f s)", line.length() == 0 ? "" : "; ",
                    RunRecord.millis(step.startedAt(), job.started()) / 1e3, job.millis() / 1e3, job.tasks(), job.taskMillis() / 1e3));
        }
        if (!jobs.isEmpty()) {
            out.printf("      Spark jobs at: %s%n", line);
        }
    }
}
