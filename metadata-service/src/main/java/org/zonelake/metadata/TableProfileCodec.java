package org.zonelake.metadata;

import static org.zonelake.metadata.BsonValues.date;
import static org.zonelake.metadata.BsonValues.instant;

import java.util.List;
import org.bson.Document;
import org.zonelake.core.metadata.ColumnProfile;
import org.zonelake.core.metadata.TableProfile;

/** A {@link TableProfile} as stored in the {@code profiles} collection, its columns as an array of sub-documents. */
final class TableProfileCodec {
    static final String PROJECT = "project";
    static final String OBJECT_ID = "object_id";
    static final String RUN_ID = "run_id";
    static final String TABLE = "table";
    static final String ROW_COUNT = "row_count";
    static final String QUARANTINED_ROWS = "quarantined_rows";
    static final String COLUMNS = "columns";
    static final String PROFILED_AT = "profiled_at";

    private TableProfileCodec() {}

    static Document toBson(TableProfile profile) {
        return new Document(PROJECT, profile.project())
                .append(OBJECT_ID, profile.objectId())
                .append(RUN_ID, profile.runId())
                .append(TABLE, profile.table())
                .append(ROW_COUNT, profile.rowCount())
                .append(QUARANTINED_ROWS, profile.quarantinedRows())
                .append(COLUMNS, profile.columns().stream().map(TableProfileCodec::column).toList())
                .append(PROFILED_AT, date(profile.profiledAt()));
    }

    static TableProfile fromBson(Document document) {
        return new TableProfile(
                document.getString(PROJECT),
                document.get(OBJECT_ID, Number.class).longValue(),
                document.getString(RUN_ID),
                document.getString(TABLE),
                document.get(ROW_COUNT, Number.class).longValue(),
                document.get(QUARANTINED_ROWS, Number.class).longValue(),
                document.getList(COLUMNS, Document.class, List.of()).stream().map(TableProfileCodec::column).toList(),
                instant(document.getDate(PROFILED_AT)));
    }

    private static Document column(ColumnProfile column) {
        return new Document("name", column.name())
                .append("type", column.type())
                .append("nulls", column.nulls())
                .append("min", column.min())
                .append("max", column.max())
                .append("distinct_estimate", column.distinctEstimate());
    }

    private static ColumnProfile column(Document document) {
        return new ColumnProfile(
                document.getString("name"),
                document.getString("type"),
                document.get("nulls", Number.class).longValue(),
                document.getString("min"),
                document.getString("max"),
                document.get("distinct_estimate", Number.class).longValue());
    }
}
