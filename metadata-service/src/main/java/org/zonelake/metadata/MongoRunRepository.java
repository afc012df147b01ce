package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;
import static org.zonelake.metadata.PipelineRunCodec.ATTEMPTS;
import static org.zonelake.metadata.PipelineRunCodec.CANCEL_REQUESTED;
import static org.zonelake.metadata.PipelineRunCodec.ENDED_AT;
import static org.zonelake.metadata.PipelineRunCodec.ID;
import static org.zonelake.metadata.PipelineRunCodec.IN_BACKLOG;
import static org.zonelake.metadata.PipelineRunCodec.LEASE_UNTIL;
import static org.zonelake.metadata.PipelineRunCodec.NOT_BEFORE;
import static org.zonelake.metadata.PipelineRunCodec.OBJECT_ID;
import static org.zonelake.metadata.PipelineRunCodec.PROJECT;
import static org.zonelake.metadata.PipelineRunCodec.QUEUED_AT;
import static org.zonelake.metadata.PipelineRunCodec.REASON;
import static org.zonelake.metadata.PipelineRunCodec.STARTED_AT;
import static org.zonelake.metadata.PipelineRunCodec.STATE;
import static org.zonelake.metadata.PipelineRunCodec.STEPS;
import static org.zonelake.metadata.PipelineRunCodec.STEP_NAME;
import static org.zonelake.metadata.PipelineRunCodec.WORKER;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.zonelake.core.metadata.Page;
import org.zonelake.core.process.PipelineRun;
import org.zonelake.core.process.RunQuery;
import org.zonelake.core.process.RunRepository;
import org.zonelake.core.process.RunState;
import org.zonelake.core.process.StepRun;

/**
 * Pipeline runs in the {@code runs} collection, unique by (project, id), which is also the process zone's work
 * queue. Every change is one conditional single-document update: a claim is one findOneAndUpdate, and a worker's
 * updates match only while the run is running and owned by that worker, so a worker that lost its lease changes
 * nothing.
 */
public final class MongoRunRepository implements RunRepository {
    static final String COLLECTION = "runs";
    private static final PagedQuery NEWEST_FIRST = new PagedQuery(QUEUED_AT, ID, true);
    /** Conditional updates lose only to a concurrent change of the run's state; each round re-reads that state. */
    private static final int ROUNDS = 5;

    private final MongoDatabase database;
    private final MongoCollection<Document> runs;

    public MongoRunRepository(MetadataStore store) {
        requireNonNull(store, "store is null");
        this.database = store.database();
        this.runs = database.getCollection(COLLECTION);
        DriverCalls.run(() -> runs.createIndexes(List.of(
                new IndexModel(Indexes.ascending(PROJECT, ID), new IndexOptions().unique(true)),
                // Pins in_backlog and follows the claim order, so a claim passes over running runs only, never the finished ones.
                new IndexModel(Indexes.ascending(IN_BACKLOG, NOT_BEFORE, QUEUED_AT)),
                new IndexModel(Indexes.ascending(PROJECT, QUEUED_AT, ID)),
                new IndexModel(Indexes.ascending(PROJECT, OBJECT_ID, QUEUED_AT, ID)),
                new IndexModel(Indexes.ascending(PROJECT, STATE, QUEUED_AT, ID)))), "Cannot create the indexes of collection %s", COLLECTION);
    }

    @Override
    public boolean create(PipelineRun run) {
        requireNonNull(run, "run is null");
        try {
            runs.insertOne(PipelineRunCodec.toBson(run));
            return true;
        } catch (MongoException e) {
            if (DriverCalls.isDuplicateKey(e)) {
                return false;
            }
            throw DriverCalls.failure(e, "Cannot create run %s of project %s", run.id(), run.project());
        }
    }

    @Override
    public Optional<PipelineRun> find(String project, String runId) {
        return read(project, runId).map(PipelineRunCodec::fromBson);
    }

    @Override
    public Page<PipelineRun> list(RunQuery query) {
        requireNonNull(query, "query is null");
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq(PROJECT, query.project()));
        if (query.objectId() != null) {
            filters.add(Filters.eq(OBJECT_ID, query.objectId()));
        }
        if (query.state() != null) {
            filters.add(Filters.eq(STATE, query.state().wireName()));
        }
        return DriverCalls.call(() -> NEWEST_FIRST.run(runs, Filters.and(filters), query.limit(), query.cursor(), PipelineRunCodec::fromBson),
                "Cannot list the runs of project %s", query.project());
    }

    /**
     * One findOneAndUpdate over "queued and due, or running with an expired lease", oldest {@code not_before} first.
     * A run whose cancel was requested stays claimable after its worker died, so that the next worker settles it.
     */
    @Override
    public Optional<PipelineRun> claim(String worker, Duration lease, Instant now) {
        requireNonNull(worker, "worker is null");
        requireNonNull(lease, "lease is null");
        requireNonNull(now, "now is null");
        Date at = Date.from(now);
        Bson claimable = Filters.and(Filters.eq(IN_BACKLOG, true), Filters.or(
                Filters.and(Filters.eq(STATE, RunState.QUEUED.wireName()), Filters.lte(NOT_BEFORE, at)),
                Filters.and(Filters.eq(STATE, RunState.RUNNING.wireName()), Filters.lt(LEASE_UNTIL, at))));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(Sorts.ascending(NOT_BEFORE, QUEUED_AT))
                .returnDocument(ReturnDocument.AFTER);
        Document claimed = DriverCalls.call(() -> runs.findOneAndUpdate(claimable, claimedBy(worker, lease, now), options),
                "Worker %s cannot claim a run", worker);
        return Optional.ofNullable(claimed).map(PipelineRunCodec::fromBson);
    }

    /** The same findOneAndUpdate on one run; a queued run is claimable before its {@code not_before}. */
    @Override
    public Optional<PipelineRun> claim(String project, String runId, String worker, Duration lease, Instant now) {
        requireNonNull(worker, "worker is null");
        requireNonNull(lease, "lease is null");
        requireNonNull(now, "now is null");
        Bson claimable = Filters.and(key(project, runId), Filters.eq(IN_BACKLOG, true), Filters.or(
                Filters.eq(STATE, RunState.QUEUED.wireName()),
                Filters.and(Filters.eq(STATE, RunState.RUNNING.wireName()), Filters.lt(LEASE_UNTIL, Date.from(now)))));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        Document claimed = DriverCalls.call(() -> runs.findOneAndUpdate(claimable, claimedBy(worker, lease, now), options),
                "Worker %s cannot claim run %s of project %s", worker, runId, project);
        return Optional.ofNullable(claimed).map(PipelineRunCodec::fromBson);
    }

    private static Bson claimedBy(String worker, Duration lease, Instant now) {
        return Updates.combine(
                Updates.set(STATE, RunState.RUNNING.wireName()),
                Updates.set(WORKER, worker),
                Updates.set(LEASE_UNTIL, Date.from(now.plus(lease))),
                Updates.set(STARTED_AT, Date.from(now)),
                Updates.inc(ATTEMPTS, 1));
    }

    @Override
    public boolean renewLease(String project, String runId, String worker, Instant leaseUntil) {
        requireNonNull(leaseUntil, "leaseUntil is null");
        Bson update = Updates.set(LEASE_UNTIL, Date.from(leaseUntil));
        return DriverCalls.call(() -> runs.updateOne(owned(project, runId, worker), update).getMatchedCount() == 1,
                "Worker %s cannot renew its lease of run %s in project %s", worker, runId, project);
    }

    /** A step the run does not list yet is appended. */
    @Override
    public boolean updateStep(String project, String runId, String worker, StepRun step) {
        requireNonNull(step, "step is null");
        Bson owned = owned(project, runId, worker);
        String stepName = STEPS + "." + STEP_NAME;
        Document stored = PipelineRunCodec.step(step);
        return DriverCalls.call(
                () -> runs.updateOne(Filters.and(owned, Filters.eq(stepName, step.name())), Updates.set(STEPS + ".$", stored)).getMatchedCount() == 1
                        || runs.updateOne(Filters.and(owned, Filters.ne(stepName, step.name())), Updates.push(STEPS, stored)).getMatchedCount() == 1,
                "Worker %s cannot update step %s of run %s in project %s", worker, step.name(), runId, project);
    }

    @Override
    public boolean finish(String project, String runId, String worker, RunState state, String reason, Instant now) {
        requireNonNull(state, "state is null");
        requireNonNull(now, "now is null");
        if (!state.isFinal()) {
            throw new IllegalArgumentException("Cannot finish run " + runId + " as " + state.wireName() + ": not a final state");
        }
        Bson update = Updates.combine(
                Updates.set(STATE, state.wireName()),
                Updates.set(REASON, reason == null ? "" : reason),
                Updates.set(ENDED_AT, Date.from(now)),
                Updates.set(LEASE_UNTIL, null),
                Updates.set(IN_BACKLOG, false));
        return DriverCalls.call(() -> runs.updateOne(owned(project, runId, worker), update).getMatchedCount() == 1,
                "Worker %s cannot finish run %s of project %s as %s", worker, runId, project, state.wireName());
    }

    @Override
    public boolean retryLater(String project, String runId, String worker, String reason, Instant notBefore) {
        requireNonNull(notBefore, "notBefore is null");
        Bson update = Updates.combine(
                Updates.set(STATE, RunState.QUEUED.wireName()),
                Updates.set(NOT_BEFORE, Date.from(notBefore)),
                Updates.set(REASON, reason == null ? "" : reason),
                Updates.set(WORKER, null),
                Updates.set(LEASE_UNTIL, null));
        return DriverCalls.call(() -> runs.updateOne(owned(project, runId, worker), update).getMatchedCount() == 1,
                "Worker %s cannot hand run %s of project %s back to the queue", worker, runId, project);
    }

    /**
     * Re-queues a final run, due at once, and resets the steps that will run again (state, times, reason, log;
     * attempts are kept). The update is conditional on the run being final with the steps it was read with.
     */
    @Override
    public boolean requestRedo(String project, String runId, String fromStep, Instant now) {
        requireNonNull(now, "now is null");
        return repeat(() -> {
            Optional<Document> current = read(project, runId);
            if (current.isEmpty() || !PipelineRunCodec.state(current.get().getString(STATE)).isFinal()) {
                return false;
            }
            RunRedo redo = RunRedo.of(current.get(), fromStep, now);
            boolean requeued = DriverCalls.call(
                    () -> runs.updateOne(Filters.and(key(project, runId), redo.condition()), redo.update()).getMatchedCount() == 1,
                    "Cannot redo run %s of project %s", runId, project);
            return requeued ? Boolean.TRUE : null;
        });
    }

    @Override
    public boolean requestCancel(String project, String runId, Instant now) {
        requireNonNull(now, "now is null");
        Bson cancelNow = Updates.combine(
                Updates.set(STATE, RunState.CANCELLED.wireName()),
                Updates.set(ENDED_AT, Date.from(now)),
                Updates.set(REASON, "cancelled before it ran"),
                Updates.set(IN_BACKLOG, false));
        Bson askWorker = Updates.set(CANCEL_REQUESTED, true);
        return repeat(() -> DriverCalls.call(() -> {
            if (runs.updateOne(inState(project, runId, RunState.QUEUED), cancelNow).getMatchedCount() == 1
                    || runs.updateOne(inState(project, runId, RunState.RUNNING), askWorker).getMatchedCount() == 1) {
                return true;
            }
            // Neither queued nor running at the time of its update: unknown, final, or it just moved between the two.
            Document current = runs.find(key(project, runId)).first();
            return current == null || PipelineRunCodec.state(current.getString(STATE)).isFinal() ? false : null;
        }, "Cannot cancel run %s of project %s", runId, project));
    }

    /**
     * The {@code count} command rather than {@code countDocuments}: the embedded server answers an aggregation by
     * reading every run, the count command through the (in_backlog, ...) index, as a real MongoDB answers both.
     */
    @Override
    public long backlog() {
        Document count = new Document("count", COLLECTION).append("query", new Document(IN_BACKLOG, true));
        return DriverCalls.call(() -> database.runCommand(count).get("n", Number.class).longValue(), "Cannot count the run backlog");
    }

    /** Runs a round until it decides (true or false, null = the run changed meanwhile, again); false after many rounds. */
    private static boolean repeat(Supplier<Boolean> round) {
        for (int i = 0; i < ROUNDS; i++) {
            Boolean decided = round.get();
            if (decided != null) {
                return decided;
            }
        }
        return false;
    }

    private Optional<Document> read(String project, String runId) {
        Bson key = key(project, runId);
        return Optional.ofNullable(DriverCalls.call(() -> runs.find(key).first(), "Cannot read run %s of project %s", runId, project));
    }

    private static Bson owned(String project, String runId, String worker) {
        requireNonNull(worker, "worker is null");
        return Filters.and(inState(project, runId, RunState.RUNNING), Filters.eq(WORKER, worker));
    }

    private static Bson inState(String project, String runId, RunState state) {
        return Filters.and(key(project, runId), Filters.eq(STATE, state.wireName()));
    }

    private static Bson key(String project, String runId) {
        requireNonNull(project, "project is null");
        requireNonNull(runId, "runId is null");
        return Filters.and(Filters.eq(PROJECT, project), Filters.eq(ID, runId));
    }
}
