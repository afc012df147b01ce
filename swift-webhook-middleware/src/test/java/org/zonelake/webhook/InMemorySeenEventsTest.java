package org.zonelake.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemorySeenEventsTest {
    @Test
    void recognisesAnIdOnlyTheSecondTime() {
        SeenEvents seen = new InMemorySeenEvents(10);

        assertThat(seen.markSeen("a")).isTrue();
        assertThat(seen.markSeen("a")).isFalse();
    }

    @Test
    void forgetsTheOldestIdsBeyondItsCapacity() {
        SeenEvents seen = new InMemorySeenEvents(2);
        seen.markSeen("a");
        seen.markSeen("b");
        seen.markSeen("c");

        assertThat(seen.markSeen("b")).isFalse();
        assertThat(seen.markSeen("a")).isTrue();
    }

    @Test
    void aForgottenIdCountsAsNewAgain() {
        SeenEvents seen = new InMemorySeenEvents(10);
        seen.markSeen("a");
        seen.forget("a");

        assertThat(seen.markSeen("a")).isTrue();
    }
}
