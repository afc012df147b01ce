package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.ingest.service.StoreRequest;

/**
 * Reads the object's description from the decoded {@code Upload-Metadata} pairs: {@code filename} (or {@code name}),
 * {@code template}, {@code metadata} (a JSON object of template field values), {@code data_processing},
 * {@code application} and {@code description}. Other keys, such as the {@code filetype} browsers send, are ignored:
 * the content type is detected from the bytes.
 */
final class CreationMetadata {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ObjectMapper mapper;
    private final int maxMetadataBytes;

    CreationMetadata(ObjectMapper mapper, int maxMetadataBytes) {
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.maxMetadataBytes = maxMetadataBytes;
    }

    StoreRequest request(String project, String uploader, Map<String, String> pairs) {
        String name = pairs.containsKey("filename") ? pairs.get("filename") : pairs.get("name");
        if (name == null) {
            throw new LakeException(ErrorCode.INVALID_NAME, "The upload needs a file name: send 'filename' in Upload-Metadata");
        }
        return new StoreRequest(project, uploader, name, optional(pairs, "template"), fieldValues(pairs.get("metadata")),
                optional(pairs, "data_processing"), optional(pairs, "application"), optional(pairs, "description"));
    }

    private Map<String, Object> fieldValues(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxMetadataBytes) {
            throw LakeException.of(ErrorCode.METADATA_TOO_LARGE, "The metadata has %d bytes; at most %d are accepted", bytes.length, maxMetadataBytes);
        }
        try {
            Map<String, Object> values = mapper.readValue(bytes, JSON_OBJECT);
            if (values == null) {
                throw new LakeException(ErrorCode.INVALID_METADATA, "The 'metadata' of Upload-Metadata must be a JSON object, not null");
            }
            return values;
        } catch (JsonProcessingException e) {
            throw new LakeException(ErrorCode.INVALID_METADATA,
                    "The 'metadata' of Upload-Metadata must be a JSON object of template field values: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new LakeException(ErrorCode.INVALID_METADATA, "The 'metadata' of Upload-Metadata is unreadable", e);
        }
    }

    private static String optional(Map<String, String> pairs, String key) {
        String value = pairs.get(key);
        return value == null || value.isBlank() ? null : value;
    }
}
