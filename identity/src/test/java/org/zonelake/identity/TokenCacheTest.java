package org.zonelake.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.Principal;

class TokenCacheTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));

    private final TokenCache cache = new TokenCache(2, Duration.ofSeconds(5));

    @Test
    void servesAnEntryWhileItIsFresh() {
        cache.put("a", principal("alice"), LATER, cache.generation(), NOW);

        assertThat(cache.get("a", NOW.plusSeconds(4))).contains(principal("alice"));
        assertThat(cache.get("a", NOW.plusSeconds(5))).isEmpty();
    }

    @Test
    void neverServesAnEntryPastTheTokensExpiry() {
        cache.put("a", principal("alice"), NOW.plusSeconds(1), cache.generation(), NOW);

        assertThat(cache.get("a", NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void holdsAtMostItsMaximumDroppingTheLeastRecentlyUsed() {
        cache.put("a", principal("alice"), LATER, cache.generation(), NOW);
        cache.put("b", principal("bob"), LATER, cache.generation(), NOW);
        cache.get("a", NOW);

        cache.put("c", principal("carol"), LATER, cache.generation(), NOW);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b", NOW)).isEmpty();
        assertThat(cache.get("a", NOW)).isPresent();
        assertThat(cache.get("c", NOW)).isPresent();
    }

    @Test
    void invalidationDropsEverything() {
        cache.put("a", principal("alice"), LATER, cache.generation(), NOW);

        cache.invalidateAll();

        assertThat(cache.get("a", NOW)).isEmpty();
    }

    @Test
    void anEntryLoadedBeforeAnInvalidationIsNotServedEvenWhenPutAfterIt() {
        long loadedUnder = cache.generation();
        cache.invalidateAll();

        cache.put("a", principal("alice"), LATER, loadedUnder, NOW);

        assertThat(cache.get("a", NOW)).isEmpty();
    }

    @Test
    void aCacheOfSizeZeroHoldsNothing() {
        TokenCache disabled = new TokenCache(0, Duration.ofSeconds(5));

        disabled.put("a", principal("alice"), LATER, disabled.generation(), NOW);

        assertThat(disabled.get("a", NOW)).isEmpty();
    }

    private static Principal principal(String name) {
        return new Principal(name, false, Map.of());
    }
}
