package org.zonelake.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone cluster of {@code services/spark.sh}: submits the job jar in client mode and reads what the master
 * and the workers report about an application (their {@code /json} pages).
 */
final class SparkCluster {
    private static final Pattern APPLICATION_ID = Pattern.compile("app-\\d{14}-\\d{4}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sparkSubmit;
    private final String master;
    private final String masterUi;
    private final Path jobJar;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * What one spark-submit did: its exit code, the application id the master gave it (empty when the job never
     * needed Spark: a pipeline without Spark work starts no context), and its output.
     */
    record Submission(long objectId, int exitCode, String applicationId, String log) {
    }

    SparkCluster(String sparkSubmit, String master, String masterUi, Path jobJar) {
        this.sparkSubmit = requireNonNull(sparkSubmit, "sparkSubmit is null");
        this.master = requireNonNull(master, "master is null");
        this.masterUi = requireNonNull(masterUi, "masterUi is null");
        this.jobJar = requireNonNull(jobJar, "jobJar is null").toAbsolutePath();
        if (!Files.isRegularFile(this.jobJar)) {
            throw new IllegalStateException("No job jar at " + this.jobJar + ": build it with ./mvnw -pl pipelines-job package");
        }
    }

    /** Runs the job for one object with {@code environment} added to its own; waits for it to end. */
    Submission submit(String project, long objectId, Map<String, String> environment, Path logDirectory, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(logDirectory);
        Path log = Files.createTempFile(logDirectory, project + "-" + objectId + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(sparkSubmit,
                "--master", master, "--deploy-mode", "client",
                "--name", "zonelake-it " + project + " object " + objectId,
                "--class", "org.zonelake.job.PipelinesJob",
                "--driver-memory", "1g", "--executor-memory", "1g",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false",
                jobJar.toString(), "--project", project, "--object-id", Long.toString(objectId)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("spark-submit of object " + objectId + " did not end within " + timeout + "; see " + log);
        }
        String output = Files.readString(log);
        Matcher id = APPLICATION_ID.matcher(output);
        return new Submission(objectId, process.exitValue(), id.find() ? id.group() : "", output);
    }

    /** The master's record of a completed application (id, name, state, ...); empty if it has none. */
    Map<String, Object> completedApplication(String applicationId) throws IOException, InterruptedException {
        for (JsonNode app : get(masterUi + "/json/").path("completedapps")) {
            if (app.path("id").asText().equals(applicationId)) {
                return JSON.convertValue(app, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            }
        }
        return Map.of();
    }

    /** The web UI addresses of the workers that list a finished executor of the application. */
    List<String> workersThatRanExecutorsOf(String applicationId) throws IOException, InterruptedException {
        List<String> workers = new ArrayList<>();
        for (JsonNode worker : get(masterUi + "/json/").path("workers")) {
            String ui = worker.path("webuiaddress").asText();
            for (JsonNode executor : get(ui + "/json/").path("finishedexecutors")) {
                if (executor.path("appid").asText().equals(applicationId)) {
                    workers.add(ui);
                    break;
                }
            }
        }
        return workers;
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
