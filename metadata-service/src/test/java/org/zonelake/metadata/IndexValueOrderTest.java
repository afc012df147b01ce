package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexValueOrderTest {
    @Test
    void ordersValuesExactlyAsTheBackendSorts() {
        List<Object> values = Arrays.asList(null, Missing.getInstance(), MinKey.getInstance(), MaxKey.getInstance(), 5, 5L, 5.0, -3, -3L,
                7.5, -0.0, 0.0, 0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9.223372036854776E18, Long.MAX_VALUE, Integer.MIN_VALUE, "", "a", "b", "B", Instant.EPOCH, Instant.parse("2024-05-01T10:00:00Z"), true, false,
                new ObjectId(), new ObjectId(), new Document("a", 1), List.of(1, 2), List.of());
        ValueComparator backend = ValueComparator.asc();

        for (Object left : values) {
            for (Object right : values) {
                assertThat(Integer.signum(InMemoryIndex.compareIndexed(left, right)))
                        .as("%s vs %s", left, right)
                        .isEqualTo(Integer.signum(backend.compare(left, right)));
            }
        }
    }
}
