package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;
import static org.zonelake.metadata.RouteCodec.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RouteRepository;

/** Per-project routing tables in the {@code routes} collection, one document per project holding its ordered lines. */
public final class MongoRouteRepository implements RouteRepository {
    static final String COLLECTION = "routes";

    private final MongoCollection<Document> routes;

    /** The project is the {@code _id}, so the collection needs no index of its own. */
    public MongoRouteRepository(MetadataStore store) {
        requireNonNull(store, "store is null");
        this.routes = store.database().getCollection(COLLECTION);
    }

    @Override
    public Optional<List<Route>> find(String project) {
        requireNonNull(project, "project is null");
        Document document = DriverCalls.call(() -> routes.find(Filters.eq(ID, project)).first(), "Cannot read the routes of project %s", project);
        return Optional.ofNullable(document).map(RouteCodec::fromBson);
    }

    /** One replace with upsert: readers see the old table or the new one, never a mix. */
    @Override
    public void replace(String project, List<Route> table) {
        requireNonNull(project, "project is null");
        requireNonNull(table, "table is null");
        Document document = RouteCodec.toBson(project, table);
        DriverCalls.run(() -> routes.replaceOne(Filters.eq(ID, project), document, new ReplaceOptions().upsert(true)),
                "Cannot set the routes of project %s", project);
    }

    @Override
    public boolean reset(String project) {
        requireNonNull(project, "project is null");
        return DriverCalls.call(() -> routes.deleteOne(Filters.eq(ID, project)).getDeletedCount() == 1,
                "Cannot reset the routes of project %s", project);
    }
}
