package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;
import static org.zonelake.metadata.TableProfileCodec.OBJECT_ID;
import static org.zonelake.metadata.TableProfileCodec.PROJECT;
import static org.zonelake.metadata.TableProfileCodec.TABLE;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.zonelake.core.metadata.ProfileRepository;
import org.zonelake.core.metadata.TableProfile;

/** Table profiles in the {@code profiles} collection, unique by (project, object_id, table); saving again replaces. */
public final class MongoProfileRepository implements ProfileRepository {
    static final String COLLECTION = "profiles";

    private final MongoCollection<Document> profiles;

    public MongoProfileRepository(MetadataStore store) {
        requireNonNull(store, "store is null");
        this.profiles = store.database().getCollection(COLLECTION);
        DriverCalls.run(() -> profiles.createIndexes(List.of(
                new IndexModel(Indexes.ascending(PROJECT, OBJECT_ID, TABLE), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending(PROJECT, TABLE, OBJECT_ID)),
                // Redundant on MongoDB; the embedded server reads a prefix of the non-unique indexes only.
                new IndexModel(Indexes.ascending(PROJECT, OBJECT_ID)))), "Cannot create the indexes of collection %s", COLLECTION);
    }

    /**
     * One replace with upsert. Two first saves of the same profile at once may both try to insert: the loser
     * meets the unique index, and replaces the winner's document instead.
     */
    @Override
    public void save(TableProfile profile) {
        requireNonNull(profile, "profile is null");
        Bson key = Filters.and(Filters.eq(PROJECT, profile.project()), Filters.eq(OBJECT_ID, profile.objectId()), Filters.eq(TABLE, profile.table()));
        Document document = TableProfileCodec.toBson(profile);
        try {
            profiles.replaceOne(key, document, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!DriverCalls.isDuplicateKey(e)) {
                throw DriverCalls.failure(e, "Cannot save the profile of table %s of object %d in project %s", profile.table(), profile.objectId(),
                        profile.project());
            }
            DriverCalls.run(() -> profiles.replaceOne(key, document), "Cannot save the profile of table %s of object %d in project %s",
                    profile.table(), profile.objectId(), profile.project());
        }
    }

    /** The object's profiles by table name. */
    @Override
    public List<TableProfile> forObject(String project, long objectId) {
        requireNonNull(project, "project is null");
        Bson filter = Filters.and(Filters.eq(PROJECT, project), Filters.eq(OBJECT_ID, objectId));
        return DriverCalls.call(() -> profiles.find(filter).sort(Sorts.ascending(TABLE)).map(TableProfileCodec::fromBson).into(new ArrayList<>()),
                "Cannot read the table profiles of object %d in project %s", objectId, project);
    }

    /** The profiles of every object loaded into the table, by object id. */
    @Override
    public List<TableProfile> forTable(String project, String table) {
        requireNonNull(project, "project is null");
        requireNonNull(table, "table is null");
        Bson filter = Filters.and(Filters.eq(PROJECT, project), Filters.eq(TABLE, table));
        return DriverCalls.call(() -> profiles.find(filter).sort(Sorts.ascending(OBJECT_ID)).map(TableProfileCodec::fromBson).into(new ArrayList<>()),
                "Cannot read the profiles of table %s in project %s", table, project);
    }
}
