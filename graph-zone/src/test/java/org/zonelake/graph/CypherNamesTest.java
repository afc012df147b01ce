package org.zonelake.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class CypherNamesTest {
    @Test
    void acceptsIdentifiersUpTo63Characters() {
        assertThat(CypherNames.checked("label", "Cast")).isEqualTo("Cast");
        assertThat(CypherNames.checked("label", "_x9")).isEqualTo("_x9");
        assertThat(CypherNames.checked("relationship type", "A".repeat(63))).hasSize(63);
    }

    @Test
    void rejectsAnythingElse() {
        for (String name : List.of("", "9a", "a-b", "a b", "a`b", "é", "A".repeat(64), "ZlNode")) {
            assertThatThrownBy(() -> CypherNames.checked("label", name))
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATA));
        }
    }

    @Test
    void quotesWithBackticksAndDoublesTheOnesInside() {
        assertThat(CypherNames.quoted("Cast")).isEqualTo("`Cast`");
        assertThat(CypherNames.quoted("we`ird")).isEqualTo("`we``ird`");
        assertThat(CypherNames.labelClause(List.of("A", "B"))).isEqualTo(":`A`:`B`");
    }
}
