package org.zonelake.ingest.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunState;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class RunRoutesTest {
    private static final String PROJECT = "runs";
    private static final String RUNS = "/api/v1/projects/" + PROJECT + "/runs";
    private static final AtomicLong OBJECT_IDS = new AtomicLong(100);
    private static TestLake lake;
    private static String reader;
    private static String member;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start(builder -> builder.runPipelines(false));
        lake.createProject(PROJECT);
        lake.createProject("other");
        reader = lake.tokenFor(PROJECT, ProjectRole.READER);
        member = lake.tokenFor(PROJECT, ProjectRole.MEMBER);
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    private static PipelineRun run(RunState state) {
        return Runs.create(lake, PROJECT, OBJECT_IDS.incrementAndGet(), PipelineNames.SQL_TABULAR, state);
    }

    @Test
    void listsTheRunsOfAnObjectWithTheirStepsAndState() {
        long objectId = OBJECT_IDS.incrementAndGet();
        PipelineRun failed = Runs.create(lake, PROJECT, objectId, PipelineNames.SQL_TABULAR, RunState.FAILED);
        Runs.create(lake, PROJECT, objectId, PipelineNames.GRAPH_IMAGE, RunState.SUCCEEDED);
        run(RunState.SUCCEEDED);

        Response answer = lake.get(RUNS + "?object_id=" + objectId, reader);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode items = answer.json().path("items");
        assertThat(items).hasSize(2);
        assertThat(answer.json().path("next_cursor").isNull()).isTrue();
        JsonNode run = byId(items, failed.id());
        assertThat(run.path("project").asText()).isEqualTo(PROJECT);
        assertThat(run.path("object_id").asLong()).isEqualTo(objectId);
        assertThat(run.path("pipeline").asText()).isEqualTo("sql-tabular");
        assertThat(run.path("state").asText()).isEqualTo("failed");
        assertThat(run.path("attempts").asInt()).isEqualTo(1);
        assertThat(run.path("reason").asText()).contains("row 3");
        assertThat(run.path("queued_at").asText()).isEqualTo(failed.queuedAt().toString());
        assertThat(run.path("ended_at").asText()).isEqualTo(failed.endedAt().toString());
        assertThat(run.path("redo_from_step").isNull()).isTrue();
        assertThat(run.path("cancel_requested").asBoolean()).isFalse();
        assertThat(run.path("steps").findValuesAsText("name")).containsExactly("read", "load", "profile");
        assertThat(run.path("steps").findValuesAsText("state")).containsExactly("succeeded", "failed", "queued");
        assertThat(run.path("steps").get(1).path("log").asText()).contains("read 2 rows");
        assertThat(run.has("worker")).isFalse();
    }

    @Test
    void filtersByStateAndPagesWithTheCursor() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(run(RunState.NOT_HANDLED).id());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = lake.get(RUNS + "?state=not_handled&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), reader);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            page.json().path("items").forEach(item -> {
                assertThat(item.path("state").asText()).isEqualTo("not_handled");
                seen.add(item.path("id").asText());
            });
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
    }

    @Test
    void getsOneRunAndAnUnknownOneIsNotFound() {
        PipelineRun run = run(RunState.SUCCEEDED);

        assertThat(lake.get(RUNS + "/" + run.id(), reader).json().path("state").asText()).isEqualTo("succeeded");
        Response unknown = lake.get(RUNS + "/9999-sql-tabular", reader);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("run_not_found");
    }

    @Test
    void badListParametersAreRefusedNamingThem() {
        assertBadParameter(RUNS + "?state=done", "state");
        assertBadParameter(RUNS + "?object_id=abc", "object_id");
        assertBadParameter(RUNS + "?limit=0", "limit");
        assertBadParameter(RUNS + "?objectid=3", "objectid");
        assertThat(lake.get(RUNS + "?cursor=not-a-cursor", reader).code()).isEqualTo("invalid_cursor");
    }

    private static void assertBadParameter(String path, String parameter) {
        Response answer = lake.get(path, reader);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_request");
        assertThat(answer.json().path("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void redoRequeuesAFinishedRunWakesTheRunnerAndIsAudited() {
        PipelineRun run = run(RunState.FAILED);
        int wakeUps = lake.runsChangedCount();

        Response answer = lake.post(RUNS + "/" + run.id() + "/redo", member, null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().path("state").asText()).isEqualTo("queued");
        assertThat(answer.json().path("steps").findValuesAsText("state")).containsOnly("queued");
        assertThat(answer.json().path("reason").asText()).isEmpty();
        assertThat(lake.get(RUNS + "/" + run.id(), reader).json().path("state").asText()).isEqualTo("queued");
        assertThat(lake.runsChangedCount()).isEqualTo(wakeUps + 1);
        assertThat(audit("run.redo", run)).isPresent();
    }

    @Test
    void redoFromAStepKeepsTheStepsBeforeIt() {
        PipelineRun run = run(RunState.FAILED);

        Response answer = lake.post(RUNS + "/" + run.id() + "/redo", member, Map.of("step", "load"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().path("redo_from_step").asText()).isEqualTo("load");
        assertThat(answer.json().path("steps").findValuesAsText("state")).containsExactly("succeeded", "queued", "queued");
    }

    @Test
    void redoOfAnUnknownStepIsRefused() {
        PipelineRun run = run(RunState.FAILED);

        Response answer = lake.post(RUNS + "/" + run.id() + "/redo", member, Map.of("step", "transform"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("unknown_step");
        assertThat(answer.json().path("detail").asText()).contains("transform", "read", "load", "profile");
        assertThat(lake.get(RUNS + "/" + run.id(), reader).json().path("state").asText()).isEqualTo("failed");
    }

    @Test
    void redoOfAQueuedOrRunningRunConflicts() {
        for (RunState state : List.of(RunState.QUEUED, RunState.RUNNING)) {
            PipelineRun run = run(state);
            int wakeUps = lake.runsChangedCount();

            Response answer = lake.post(RUNS + "/" + run.id() + "/redo", member, null);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.code()).isEqualTo("run_in_progress");
            assertThat(lake.runsChangedCount()).isEqualTo(wakeUps);
        }
    }

    @Test
    void redoAndCancelOfAnUnknownRunAreNotFound() {
        assertThat(lake.post(RUNS + "/12345-json/redo", member, null).code()).isEqualTo("run_not_found");
        assertThat(lake.post(RUNS + "/12345-json/cancel", member, null).code()).isEqualTo("run_not_found");
    }

    @Test
    void redoWithABrokenBodyIsMalformed() {
        PipelineRun run = run(RunState.FAILED);

        assertThat(lake.post(RUNS + "/" + run.id() + "/redo", member, "{\"step\": ").code()).isEqualTo("malformed_json");
        assertThat(lake.post(RUNS + "/" + run.id() + "/redo", member, Map.of("from", "load")).code()).isEqualTo("malformed_json");
    }

    @Test
    void cancelEndsAQueuedRunAtOnce() {
        PipelineRun run = run(RunState.QUEUED);
        int wakeUps = lake.runsChangedCount();

        Response answer = lake.post(RUNS + "/" + run.id() + "/cancel", member, null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().path("state").asText()).isEqualTo("cancelled");
        assertThat(lake.runsChangedCount()).isEqualTo(wakeUps + 1);
        assertThat(audit("run.cancel", run)).isPresent();
    }

    @Test
    void cancelOfARunningRunAsksItsWorkerToStop() {
        PipelineRun run = run(RunState.RUNNING);

        Response answer = lake.post(RUNS + "/" + run.id() + "/cancel", member, null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().path("state").asText()).isEqualTo("running");
        assertThat(answer.json().path("cancel_requested").asBoolean()).isTrue();
    }

    @Test
    void cancelOfAFinishedRunConflicts() {
        for (RunState state : List.of(RunState.SUCCEEDED, RunState.FAILED, RunState.NOT_HANDLED, RunState.CANCELLED)) {
            PipelineRun run = run(state);

            Response answer = lake.post(RUNS + "/" + run.id() + "/cancel", member, null);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.code()).isEqualTo("run_finished");
            assertThat(lake.get(RUNS + "/" + run.id(), reader).json().path("state").asText()).isEqualTo(state.wireName());
        }
    }

    @Test
    void readersCannotRedoOrCancel() {
        PipelineRun run = run(RunState.FAILED);

        assertThat(lake.post(RUNS + "/" + run.id() + "/redo", reader, null).status()).isEqualTo(403);
        assertThat(lake.post(RUNS + "/" + run.id() + "/cancel", reader, null).status()).isEqualTo(403);
        assertThat(lake.get(RUNS + "/" + run.id(), reader).json().path("state").asText()).isEqualTo("failed");
    }

    @Test
    void runsNeedATokenAndTheProject() {
        PipelineRun run = run(RunState.SUCCEEDED);
        String otherReader = lake.tokenFor("other", ProjectRole.READER);

        assertThat(lake.get(RUNS, null).status()).isEqualTo(401);
        assertThat(lake.get(RUNS + "/" + run.id(), otherReader).status()).isEqualTo(403);
        assertThat(lake.get("/api/v1/projects/other/runs/" + run.id(), otherReader).code()).isEqualTo("run_not_found");
        Response missing = lake.get("/api/v1/projects/nowhere/runs", lake.adminToken());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("project_not_found");
    }

    private static JsonNode byId(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No run " + id + " in " + items);
    }

    private static Optional<AuditEntry> audit(String action, PipelineRun run) {
        return lake.audit().list(1000, null).items().stream()
                .filter(entry -> entry.action().equals(action) && entry.target().equals(PROJECT + "/" + run.id()))
                .findFirst();
    }
}
