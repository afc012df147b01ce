package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.bson.BsonDateTime;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class PageCursorTest {
    @Test
    void encodesTheLastItemAsAnOpaqueUrlSafeString() {
        Document last = new Document("creation_date", Date.from(Instant.parse("2024-05-01T10:00:00Z"))).append("object_id", 42L);

        String text = PageCursor.after(last, "creation_date", "object_id").encode();

        assertThat(text).matches("[A-Za-z0-9_-]+");
        PageCursor decoded = PageCursor.decode(text, "creation_date");
        assertThat(decoded.value()).isEqualTo(new BsonDateTime(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli()));
        assertThat(decoded.id()).isEqualTo(new BsonInt64(42));
    }

    @Test
    void keepsStringValuesAndIds() {
        PageCursor cursor = new PageCursor("original_object_name", new BsonString("ä ö/\"x\".csv"), new BsonString("u-1"));

        assertThat(PageCursor.decode(cursor.encode(), "original_object_name")).isEqualTo(cursor);
    }

    @Test
    void rejectsTextThatIsNotACursorOfTheSameOrder() {
        String bySize = new PageCursor("size", new BsonInt64(3), new BsonInt64(1)).encode();

        for (String text : new String[] {"", "!!", "bm90IGpzb24", "eyJzIjoic2l6ZSJ9", bySize}) {
            assertThatThrownBy(() -> PageCursor.decode(text, "creation_date"))
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
        }
    }
}
