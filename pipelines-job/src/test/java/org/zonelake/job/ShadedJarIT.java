package org.zonelake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.zonelake.core.testing.ItEnvironment;

/**
 * The shaded job jar against the Spark distribution that runs it ({@code ZONELAKE_IT_SPARK_HOME} of
 * {@code services/spark.sh env}): no class may exist in both, since the cluster's copy would win on the driver and
 * the executors alike, whatever version ours is.
 */
class ShadedJarIT {
    private static final Path JOB_JAR = Path.of(System.getProperty("zonelake.job.jar", "target/zonelake-pipelines-job.jar"));

    @Test
    void sharesNoClassWithTheSparkDistribution() throws IOException {
        Path sparkJars = Path.of(ItEnvironment.require("ZONELAKE_IT_SPARK_HOME", "run services/spark.sh start and eval its env"), "jars");
        Set<String> ours = classes(JOB_JAR);
        List<String> clashes = new ArrayList<>();
        try (Stream<Path> jars = Files.list(sparkJars)) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                classes(jar).stream().filter(ours::contains).limit(3).forEach(name -> clashes.add(name + " (" + jar.getFileName() + ")"));
            }
        }

        assertThat(ours).contains("org/zonelake/job/PipelinesJob.class", "org/zonelake/job/shaded/com/zaxxer/hikari/HikariConfig.class");
        assertThat(clashes).isEmpty();
    }

    @Test
    void startsAtThePipelinesJob() throws IOException {
        try (JarFile jar = new JarFile(JOB_JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(PipelinesJob.class.getName());
        }
    }

    private static Set<String> classes(Path jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(entry -> entry.getName()).filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
                    .forEach(names::add);
        }
        return names;
    }
}
