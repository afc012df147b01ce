package org.zonelake.pipelines.timeseries;

import org.zonelake.pipelines.spark.LakeSpark;

/** One local Spark session for every test class of the package: starting one takes seconds. Stopped with the JVM. */
final class SharedSpark {
    private static final LakeSpark SPARK = LakeSpark.local(2);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SPARK::close, "shared-spark-stop"));
    }

    private SharedSpark() {}

    static LakeSpark spark() {
        return SPARK;
    }
}
