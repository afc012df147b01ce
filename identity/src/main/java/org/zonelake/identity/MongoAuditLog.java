package org.zonelake.identity;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static java.util.Objects.requireNonNull;
import static org.zonelake.identity.MongoErrors.call;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.AuditLog;
import org.zonelake.core.metadata.Page;
import org.zonelake.metadata.MetadataStore;

/**
 * The audit log in the metadata zone, collection {@code audit}: one inserted document per entry, listed newest
 * first by {@code (at, _id)}. Times are kept to the millisecond, as BSON dates are.
 */
public final class MongoAuditLog implements AuditLog {
    public static final int MAX_LIMIT = 1000;

    private final MetadataStore store;
    private final MongoCollection<Document> audit;

    public MongoAuditLog(MetadataStore store) {
        this.store = requireNonNull(store, "store is null");
        this.audit = store.database().getCollection("audit");
        call("create the audit index", () -> audit.createIndex(Indexes.descending("at", "_id")));
    }

    @Override
    public void append(AuditEntry entry) {
        requireNonNull(entry, "entry is null");
        call("append to the audit log", () -> audit.insertOne(document(entry)));
        store.makeDurable();
    }

    @Override
    public Page<AuditEntry> list(int limit, String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw LakeException.of(ErrorCode.INVALID_REQUEST, "Limit must be between 1 and %d, was %d", MAX_LIMIT, limit);
        }
        Bson filter = cursor == null || cursor.isEmpty() ? new Document() : Cursor.decode(cursor).olderEntries();
        List<Document> found = call("read the audit log", () -> audit.find(filter)
                .sort(Sorts.descending("at", "_id")).limit(limit + 1).into(new ArrayList<>()));
        List<Document> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? Cursor.of(page.get(page.size() - 1)).encode() : null;
        return new Page<>(page.stream().map(MongoAuditLog::entry).toList(), next);
    }

    private static Document document(AuditEntry entry) {
        return new Document("_id", new ObjectId())
                .append("at", Date.from(entry.at()))
                .append("actor", entry.actor())
                .append("action", entry.action())
                .append("target", entry.target())
                .append("outcome", entry.outcome())
                .append("request_id", entry.requestId())
                .append("detail", entry.detail());
    }

    private static AuditEntry entry(Document document) {
        return new AuditEntry(document.getDate("at").toInstant(), document.getString("actor"), document.getString("action"),
                document.getString("target"), document.getString("outcome"), document.getString("request_id"), document.getString("detail"));
    }

    /** Position after the last entry of a page; opaque to clients (base64url of {@code millis:objectId}). */
    private record Cursor(Instant at, ObjectId id) {
        static Cursor of(Document document) {
            return new Cursor(document.getDate("at").toInstant(), document.getObjectId("_id"));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected two parts");
                }
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), new ObjectId(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new LakeException(ErrorCode.INVALID_CURSOR, "Invalid audit log cursor", e);
            }
        }

        String encode() {
            String text = at.toEpochMilli() + ":" + id.toHexString();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        Bson olderEntries() {
            Date date = Date.from(at);
            return or(lt("at", date), and(eq("at", date), lt("_id", id)));
        }
    }
}
