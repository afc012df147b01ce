package org.zonelake.pipelines.spark;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark session pipelines run on. In the lake's own process it is a {@code local[*]} session bound to
 * 127.0.0.1 without UI, created on first use; under {@code spark-submit} it is the session the submitter
 * configured. Job code only ever asks this class, so it runs the same in both.
 */
public final class LakeSpark implements Supplier<SparkSession>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LakeSpark.class);

    private final String master;
    private volatile SparkSession session;

    private LakeSpark(String master) {
        this.master = master;
    }

    /** A session in this JVM with {@code threads} cores ({@code 0}: all). */
    public static LakeSpark local(int threads) {
        return new LakeSpark(threads <= 0 ? "local[*]" : "local[" + threads + "]");
    }

    /**
     * The session {@code spark-submit} configured (master, application name and the rest from its command line);
     * only the SQL session time zone is set, to UTC, as in the lake's own JVM.
     */
    public static LakeSpark submitted() {
        return new LakeSpark(null);
    }

    @Override
    public SparkSession get() {
        SparkSession current = session;
        if (current == null) {
            synchronized (this) {
                if (session == null) {
                    session = create();
                }
                current = session;
            }
        }
        return current;
    }

    /** Runs {@code work} as Spark job group {@code group}, so {@link #cancel} can stop its jobs. */
    public <T> T inJobGroup(String group, String description, Supplier<T> work) {
        SparkSession spark = get();
        spark.sparkContext().setJobGroup(group, description, true);
        try {
            return work.get();
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    /** Cancels the running jobs of a group; nothing if no session was ever created. */
    public void cancel(String group) {
        SparkSession current = session;
        if (current != null) {
            current.sparkContext().cancelJobGroup(group);
        }
    }

    private SparkSession create() {
        long started = System.nanoTime();
        // Times without an offset are UTC in every pipeline, whichever zone the submitter's machines are in.
        SparkSession.Builder builder = SparkSession.builder().config("spark.sql.session.timeZone", "UTC");
        if (master != null) {
            builder.appName("zonelake-pipelines")
                    .master(master)
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.adaptive.enabled", "true");
        }
        SparkSession created = builder.getOrCreate();
        LOG.info("Spark session on {} ready in {} ms", created.sparkContext().master(), (System.nanoTime() - started) / 1_000_000);
        return created;
    }

    /** Stops the session if one was created: in the lake's JVM at shutdown, under spark-submit when the job ends. */
    @Override
    public synchronized void close() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
