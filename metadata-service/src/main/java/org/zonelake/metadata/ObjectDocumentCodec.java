package org.zonelake.metadata;

import static org.zonelake.metadata.BsonValues.date;
import static org.zonelake.metadata.BsonValues.instant;

import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectStatus;
import org.zonelake.core.metadata.Operation;

/** An {@link ObjectDocument} as stored in the {@code objects} collection, with the reference system's field names. */
final class ObjectDocumentCodec {
    static final String PROJECT = "project";
    static final String OBJECT_ID = "object_id";
    static final String STORAGE_NAME = "storage_name";
    static final String ORIGINAL_OBJECT_NAME = "original_object_name";
    static final String CONTENT_TYPE = "content_type";
    static final String DATA_PROCESSING = "data_processing";
    static final String UPLOADER = "uploader";
    static final String APPLICATION = "application";
    static final String DESCRIPTION = "description";
    static final String TEMPLATE = "template";
    static final String OTHER_DATA = "other_data";
    static final String SHA256 = "sha256";
    static final String SIZE = "size";
    static final String STATUS = "status";
    static final String CREATION_DATE = "creation_date";
    static final String LAST_MODIFIED = "last_modified";
    static final String TRIGGERED_AT = "triggered_at";
    static final String SUCCESSFUL_OPERATIONS = "successful_operations";
    static final String FAILED_OPERATIONS = "failed_operations";
    static final String PARENT_ID = "parent_id";

    private ObjectDocumentCodec() {}

    static Document toBson(ObjectDocument object) {
        return new Document(PROJECT, object.project())
                .append(OBJECT_ID, object.id())
                .append(STORAGE_NAME, object.storageName())
                .append(ORIGINAL_OBJECT_NAME, object.originalObjectName())
                .append(CONTENT_TYPE, object.contentType())
                .append(DATA_PROCESSING, object.dataProcessing())
                .append(UPLOADER, object.uploader())
                .append(APPLICATION, object.application())
                .append(DESCRIPTION, object.description())
                .append(TEMPLATE, object.template())
                .append(OTHER_DATA, BsonValues.document(object.otherData()))
                .append(SHA256, object.sha256())
                .append(SIZE, object.size())
                .append(STATUS, status(object.status()))
                .append(CREATION_DATE, date(object.creationDate()))
                .append(LAST_MODIFIED, date(object.lastModified()))
                .append(TRIGGERED_AT, date(object.triggeredAt()))
                .append(SUCCESSFUL_OPERATIONS, object.successfulOperations().stream().map(ObjectDocumentCodec::operation).toList())
                .append(FAILED_OPERATIONS, object.failedOperations().stream().map(ObjectDocumentCodec::operation).toList())
                .append(PARENT_ID, object.parentId());
    }

    static ObjectDocument fromBson(Document document) {
        return new ObjectDocument(
                document.getString(PROJECT),
                document.get(OBJECT_ID, Number.class).longValue(),
                document.getString(STORAGE_NAME),
                document.getString(ORIGINAL_OBJECT_NAME),
                document.getString(CONTENT_TYPE),
                document.getString(DATA_PROCESSING),
                document.getString(UPLOADER),
                document.getString(APPLICATION),
                document.getString(DESCRIPTION),
                document.getString(TEMPLATE),
                BsonValues.map(document.get(OTHER_DATA, Document.class)),
                document.getString(SHA256),
                document.get(SIZE, Number.class).longValue(),
                ObjectStatus.valueOf(document.getString(STATUS).toUpperCase(Locale.ROOT)),
                instant(document.getDate(CREATION_DATE)),
                instant(document.getDate(LAST_MODIFIED)),
                instant(document.getDate(TRIGGERED_AT)),
                operations(document.getList(SUCCESSFUL_OPERATIONS, Document.class)),
                operations(document.getList(FAILED_OPERATIONS, Document.class)),
                parentId(document.get(PARENT_ID, Number.class)));
    }

    private static Long parentId(Number stored) {
        return stored == null ? null : stored.longValue();
    }

    /** The stored form of a status: lower case, as in the reference system. */
    static String status(ObjectStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static Document operation(Operation operation) {
        return new Document("name", operation.name())
                .append("at", date(operation.at()))
                .append("detail", operation.detail())
                .append("run_id", operation.runId());
    }

    private static List<Operation> operations(List<Document> documents) {
        if (documents == null) {
            return List.of();
        }
        return documents.stream()
                .map(d -> new Operation(d.getString("name"), instant(d.getDate("at")), d.getString("detail"), d.getString("run_id")))
                .toList();
    }
}
