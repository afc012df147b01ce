package org.zonelake.ingest.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An RFC 9457 problem document with the lake's stable {@code code} and the request id.
 *
 * @param type a URN naming the code, e.g. {@code urn:zonelake:problem:invalid_metadata}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String requestId, String instance,
                      @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {
    public static final String CONTENT_TYPE = "application/problem+json";

    @JsonAnyGetter
    public Map<String, Object> anyExtensions() {
        return extensions;
    }
}
