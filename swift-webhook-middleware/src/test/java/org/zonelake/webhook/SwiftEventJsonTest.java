package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class SwiftEventJsonTest {
    private static final String VALID = """
            {"account": "AUTH_lake", "container": "zonelake_demo", "object": "a/b.csv", "method": "PUT", "etag": "abc",
             "size": 12, "content_type": "text/csv", "timestamp": "1779350400.12345", "transaction_id": "tx1"}""";

    @Test
    void readsEveryFieldOfTheFiltersEvent() {
        assertThat(SwiftEventJson.parse(bytes(VALID))).isEqualTo(
                new SwiftEvent("AUTH_lake", "zonelake_demo", "a/b.csv", "PUT", "abc", 12, "text/csv", "1779350400.12345", "tx1"));
    }

    @Test
    void emptyOrNullEtagAndTypeAreEmptyStrings() {
        SwiftEvent event = SwiftEventJson.parse(bytes(VALID.replace("\"abc\"", "null").replace("\"text/csv\"", "\"\"")));

        assertThat(event.etag()).isEmpty();
        assertThat(event.contentType()).isEmpty();
    }

    @Test
    void rejectsBodiesThatAreNotJsonAsMalformed() {
        assertCode("{\"account\": ", ErrorCode.MALFORMED_JSON);
        assertCode(VALID.replace("\"etag\"", "\"account\""), ErrorCode.MALFORMED_JSON);
    }

    @Test
    void rejectsMissingFieldsWrongTypesAndUnknownMethodsAsInvalid() {
        assertCode("[]", ErrorCode.INVALID_REQUEST);
        assertCode(VALID.replace("\"object\": \"a/b.csv\",", ""), ErrorCode.INVALID_REQUEST);
        assertCode(VALID.replace("\"size\": 12", "\"size\": \"12\""), ErrorCode.INVALID_REQUEST);
        assertCode(VALID.replace("\"size\": 12", "\"size\": 1.5"), ErrorCode.INVALID_REQUEST);
        assertCode(VALID.replace("\"size\": 12", "\"size\": -2"), ErrorCode.INVALID_REQUEST);
        assertCode(VALID.replace("\"PUT\"", "\"GET\""), ErrorCode.INVALID_REQUEST);
        assertCode(VALID.replace("\"tx1\"", "7"), ErrorCode.INVALID_REQUEST);
        assertCode("", ErrorCode.INVALID_REQUEST);
        assertCode(VALID.replace("\"a/b.csv\"", "\"" + "x".repeat(SwiftEventJson.MAX_BODY_BYTES) + "\""), ErrorCode.INVALID_REQUEST);
    }

    private static void assertCode(String body, ErrorCode code) {
        assertThatThrownBy(() -> SwiftEventJson.parse(bytes(body)))
                .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
