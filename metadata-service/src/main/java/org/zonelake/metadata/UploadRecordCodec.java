package org.zonelake.metadata;

import static org.zonelake.metadata.BsonValues.date;
import static org.zonelake.metadata.BsonValues.instant;

import java.util.Locale;
import org.bson.Document;
import org.zonelake.core.metadata.UploadKind;
import org.zonelake.core.metadata.UploadRecord;
import org.zonelake.core.metadata.UploadState;

/** An {@link UploadRecord} as stored in the {@code uploads} collection; the upload id is the {@code _id}. */
final class UploadRecordCodec {
    static final String ID = "_id";
    static final String PROJECT = "project";
    static final String KIND = "kind";
    static final String UPLOADER = "uploader";
    static final String ORIGINAL_NAME = "original_name";
    static final String LENGTH = "length";
    static final String BYTES_RECEIVED = "bytes_received";
    static final String STATE = "state";
    static final String OBJECT_ID = "object_id";
    static final String TEMPLATE = "template";
    static final String METADATA = "metadata";
    static final String DATA_PROCESSING = "data_processing";
    static final String FAILURE_REASON = "failure_reason";
    static final String STARTED_AT = "started_at";
    static final String UPDATED_AT = "updated_at";

    private UploadRecordCodec() {}

    static Document toBson(UploadRecord upload) {
        return new Document(ID, upload.id())
                .append(PROJECT, upload.project())
                .append(KIND, upload.kind().name().toLowerCase(Locale.ROOT))
                .append(UPLOADER, upload.uploader())
                .append(ORIGINAL_NAME, upload.originalName())
                .append(LENGTH, upload.length())
                .append(BYTES_RECEIVED, upload.bytesReceived())
                .append(STATE, upload.state().wireName())
                .append(OBJECT_ID, upload.objectId())
                .append(TEMPLATE, upload.template())
                .append(METADATA, BsonValues.document(upload.metadata()))
                .append(DATA_PROCESSING, upload.dataProcessing())
                .append(FAILURE_REASON, upload.failureReason())
                .append(STARTED_AT, date(upload.startedAt()))
                .append(UPDATED_AT, date(upload.updatedAt()));
    }

    static UploadRecord fromBson(Document document) {
        return new UploadRecord(
                document.getString(ID),
                document.getString(PROJECT),
                UploadKind.valueOf(document.getString(KIND).toUpperCase(Locale.ROOT)),
                document.getString(UPLOADER),
                document.getString(ORIGINAL_NAME),
                optionalLong(document, LENGTH),
                document.get(BYTES_RECEIVED, Number.class).longValue(),
                state(document.getString(STATE)),
                optionalLong(document, OBJECT_ID),
                document.getString(TEMPLATE),
                BsonValues.map(document.get(METADATA, Document.class)),
                document.getString(DATA_PROCESSING),
                document.getString(FAILURE_REASON),
                instant(document.getDate(STARTED_AT)),
                instant(document.getDate(UPDATED_AT)));
    }

    static UploadState state(String wireName) {
        return UploadState.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    private static Long optionalLong(Document document, String field) {
        Number number = document.get(field, Number.class);
        return number == null ? null : number.longValue();
    }
}
