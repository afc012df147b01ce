package org.zonelake.pipelines.tabular;

import org.zonelake.pipelines.spark.LakeSpark;

/** One local Spark session for every test class that needs one (starting one costs seconds); it ends with the JVM. */
public final class TestSpark {
    public static final LakeSpark SPARK = LakeSpark.local(2);

    private TestSpark() {}
}
