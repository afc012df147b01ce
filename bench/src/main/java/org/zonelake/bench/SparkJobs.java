package org.zonelake.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Spark jobs of each job group, heard on the listener bus of the lake's in-process Spark session. The pipelines
 * run their jobs in the group named by the run id, so this tells how much of a step was Spark jobs (scheduling and
 * tasks) and how much of that the tasks themselves ran.
 */
final class SparkJobs extends SparkListener {
    /** One finished job: when it ran, and how long its tasks ran in all (executor run time). */
    record Job(int id, Instant started, Instant ended, long taskMillis, int tasks) {
        double millis() {
            return RunRecord.millis(started, ended);
        }
    }

    private static final String JOB_GROUP = "spark.jobGroup.id";

    private final Map<Integer, Running> running = new ConcurrentHashMap<>();
    private final Map<Integer, Running> runningByStage = new ConcurrentHashMap<>();
    private final Map<String, List<Job>> byGroup = new ConcurrentHashMap<>();

    private record Running(int id, String group, Instant started, AtomicLong taskMillis, AtomicInteger tasks) {}

    /** Listens to the lake's Spark session, which must exist (the lake starts it in the background; a warm-up awaits it). */
    static SparkJobs attach() {
        scala.Option<SparkSession> session = SparkSession.getDefaultSession();
        LakeClient.require(session.isDefined(), "the lake has no Spark session yet");
        SparkJobs jobs = new SparkJobs();
        session.get().sparkContext().addSparkListener(jobs);
        return jobs;
    }

    /** The finished jobs of a group so far (the listener bus delivers events a moment after they happen). */
    List<Job> of(String group) {
        return List.copyOf(byGroup.getOrDefault(group, List.of()));
    }

    /** The finished jobs of a group that started while the step ran. */
    List<Job> of(String group, RunRecord.Step step) {
        // Spark's times are in milliseconds, the step's finer.
        Instant from = step.startedAt().minusMillis(1);
        return of(group).stream().filter(job -> !job.started().isBefore(from) && job.started().isBefore(step.endedAt())).toList();
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        Properties properties = start.properties();
        String group = properties == null ? null : properties.getProperty(JOB_GROUP);
        if (group == null) {
            return;
        }
        Running job = new Running(start.jobId(), group, Instant.ofEpochMilli(start.time()), new AtomicLong(), new AtomicInteger());
        running.put(job.id(), job);
        for (Object stage : CollectionConverters.asJava(start.stageIds())) {
            runningByStage.put((Integer) stage, job);
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        Running job = runningByStage.get(end.stageId());
        if (job != null && end.taskMetrics() != null) {
            job.taskMillis().addAndGet(end.taskMetrics().executorRunTime());
            job.tasks().incrementAndGet();
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        Running job = running.remove(end.jobId());
        if (job != null) {
            runningByStage.values().removeIf(value -> value == job);
            byGroup.computeIfAbsent(job.group(), group -> new CopyOnWriteArrayList<>())
                    .add(new Job(job.id(), job.started(), Instant.ofEpochMilli(end.time()), job.taskMillis().get(), job.tasks().get()));
        }
    }
}
