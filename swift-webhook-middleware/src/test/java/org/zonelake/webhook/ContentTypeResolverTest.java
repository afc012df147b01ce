package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zonelake.core.raw.ObjectKey;

class ContentTypeResolverTest {
    private static final ObjectKey KEY = new ObjectKey("demo", "1");
    private final ContentTypeResolver resolver = ContentTypeResolver.declaredOrByName();

    @Test
    void keepsADeclaredTypeWithoutItsParameters() {
        assertThat(resolver.contentType(KEY, "a.bin", "Text/CSV; charset=utf-8")).isEqualTo("text/csv");
    }

    @Test
    void guessesFromTheNameWhenTheDeclaredTypeSaysNothing() {
        assertThat(resolver.contentType(KEY, "dir.v2/data.parquet", "application/octet-stream")).isEqualTo("application/vnd.apache.parquet");
        assertThat(resolver.contentType(KEY, "readings.NDJSON", "")).isEqualTo("application/x-ndjson");
        assertThat(resolver.contentType(KEY, "dir.v2/noextension", null)).isEqualTo("application/octet-stream");
        assertThat(resolver.contentType(KEY, "archive.unknown", "")).isEqualTo("application/octet-stream");
    }
}
