package org.zonelake.ingest.runs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunQuery;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.JsonBodies;
import org.zonelake.ingest.QueryParameters;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Answers;
import org.zonelake.ingest.http.Authentication;
import org.zonelake.ingest.http.RequestIds;
import org.zonelake.ingest.objects.VisibleObjects;

/**
 * Endpoints under /api/v1/projects/{project}/runs: the process zone's pipeline runs. Readers list them; members redo a
 * finished run (whole or from one step) or cancel one that has not finished. Both wake the pipeline runner.
 */
public final class RunRoutes implements Routes {
    static final String RUNS = "/api/v1/projects/{project}/runs";
    private static final Set<String> LIST_PARAMETERS = Set.of("object_id", "state", "cursor", "limit");

    private final GatewayServices services;
    private final Access access;
    private final ObjectMapper mapper;
    private final RunRepository runs;

    /** The body of {@code POST .../redo}, optional: {@code step} redoes from that step, none redoes the whole run. */
    record RedoBody(String step) {}

    public RunRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        this.services = requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.runs = services.process().runs();
    }

    @Override
    public void register(Javalin app) {
        app.get(RUNS, this::list);
        app.get(RUNS + "/{run}", this::get);
        app.post(RUNS + "/{run}/redo", this::redo);
        app.post(RUNS + "/{run}/cancel", this::cancel);
    }

    private void list(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        QueryParameters parameters = QueryParameters.of(ctx, LIST_PARAMETERS);
        RunQuery query = new RunQuery(project, objectId(parameters), state(parameters), parameters.text("cursor"), parameters.limit());
        Page<PipelineRun> page = runs.list(query);
        Answers.json(ctx, mapper, 200, new ItemsPage<>(page.items().stream().map(RunView::of).toList(), page.nextCursor()));
    }

    private static Long objectId(QueryParameters parameters) {
        String value = parameters.text("object_id");
        if (value == null) {
            return null;
        }
        return VisibleObjects.parseId(value).stream().boxed().filter(id -> id > 0).findFirst()
                .orElseThrow(() -> QueryParameters.invalid("object_id", "must be an object id, was '" + value + "'"));
    }

    private static RunState state(QueryParameters parameters) {
        String value = parameters.text("state");
        if (value == null) {
            return null;
        }
        return Arrays.stream(RunState.values()).filter(state -> state.wireName().equals(value.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> QueryParameters.invalid("state", "must be one of "
                        + String.join(", ", Arrays.stream(RunState.values()).map(RunState::wireName).toList()) + ", was '" + value + "'"));
    }

    private void get(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        Answers.json(ctx, mapper, 200, RunView.of(existing(project, ctx.pathParam("run"))));
    }

    private void redo(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.MEMBER);
        RedoBody body = JsonBodies.readOptional(ctx, mapper, RedoBody.class);
        String step = body == null || body.step() == null || body.step().isBlank() ? null : body.step();
        PipelineRun run = existing(project, ctx.pathParam("run"));
        if (step != null && run.steps().stream().noneMatch(s -> s.name().equals(step))) {
            throw new LakeException(ErrorCode.UNKNOWN_STEP, String.format("Run %s has no step '%s'; its steps are %s", run.id(), step,
                    run.steps().stream().map(StepRun::name).toList()), Map.of("step", step), null);
        }
        if (!run.state().isFinal() || !runs.requestRedo(project, run.id(), step, services.clock().instant())) {
            throw LakeException.of(ErrorCode.RUN_IN_PROGRESS, "Cannot redo run %s of project %s while it is %s: cancel it or let it end first",
                    run.id(), project, current(project, run).state().wireName());
        }
        changed(ctx, "run.redo", run, step == null ? "whole run" : "from step " + step);
    }

    private void cancel(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.MEMBER);
        PipelineRun run = existing(project, ctx.pathParam("run"));
        if (run.state().isFinal() || !runs.requestCancel(project, run.id(), services.clock().instant())) {
            throw LakeException.of(ErrorCode.RUN_FINISHED, "Cannot cancel run %s of project %s: it has ended (%s)",
                    run.id(), project, current(project, run).state().wireName());
        }
        changed(ctx, "run.cancel", run, "");
    }

    /** Audits the change, wakes the runner and answers 202 with the run as it is now. */
    private void changed(Context ctx, String action, PipelineRun run, String detail) throws IOException {
        services.audit().append(new AuditEntry(services.clock().instant(), Authentication.principal(ctx).username(), action,
                run.project() + "/" + run.id(), "success", RequestIds.of(ctx), detail));
        services.process().runsChanged().run();
        Answers.json(ctx, mapper, 202, RunView.of(current(run.project(), run)));
    }

    private PipelineRun current(String project, PipelineRun earlier) {
        return runs.find(project, earlier.id()).orElse(earlier);
    }

    private PipelineRun existing(String project, String runId) {
        return runs.find(project, runId)
                .orElseThrow(() -> LakeException.of(ErrorCode.RUN_NOT_FOUND, "Run %s does not exist in project %s", runId, project));
    }
}
