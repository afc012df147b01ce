package org.zonelake.identity.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.testing.MutableClock;

class KeystoneTokenCacheTest {
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant IN_AN_HOUR = START.plus(Duration.ofHours(1));

    private final MutableClock clock = new MutableClock(START);
    private final KeystoneTokenCache cache = new KeystoneTokenCache(3, Duration.ofSeconds(5), clock);

    @Test
    void servesAnEntryUntilItsTtlPassesThenAsksAgain() {
        cache.put("a", "alice-id", principal("alice"), IN_AN_HOUR, cache.generation());

        clock.advance(Duration.ofMillis(4_999));
        assertThat(cache.get("a")).contains(principal("alice"));
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void neverServesATokenPastItsExpiryEvenWithinTheTtl() {
        cache.put("a", "alice-id", principal("alice"), START.plusSeconds(2), cache.generation());

        clock.advance(Duration.ofSeconds(2));

        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void aRevokedTokenIsForgottenAndTheOthersKept() {
        cache.put("a", "alice-id", principal("alice"), IN_AN_HOUR, cache.generation());
        cache.put("b", "alice-id", principal("alice"), IN_AN_HOUR, cache.generation());

        cache.evictToken("a");

        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("b")).contains(principal("alice"));
    }

    @Test
    void evictingAUserForgetsEveryTokenOfThatUserOnly() {
        cache.put("a1", "alice-id", principal("alice"), IN_AN_HOUR, cache.generation());
        cache.put("a2", "alice-id", principal("alice"), IN_AN_HOUR, cache.generation());
        cache.put("b", "bob-id", principal("bob"), IN_AN_HOUR, cache.generation());

        cache.evictUser("alice-id");

        assertThat(cache.get("a1")).isEmpty();
        assertThat(cache.get("a2")).isEmpty();
        assertThat(cache.get("b")).contains(principal("bob"));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aValidationThatRacedWithARevocationIsNotCached() {
        long loadedUnder = cache.generation();
        cache.evictToken("a");

        cache.put("a", "alice-id", principal("alice"), IN_AN_HOUR, loadedUnder);

        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void holdsAtMostItsBoundDroppingTheLeastRecentlyUsed() {
        cache.put("a", "alice-id", principal("alice"), IN_AN_HOUR, cache.generation());
        cache.put("b", "bob-id", principal("bob"), IN_AN_HOUR, cache.generation());
        cache.put("c", "carol-id", principal("carol"), IN_AN_HOUR, cache.generation());
        cache.get("a");

        cache.put("d", "dave-id", principal("dave"), IN_AN_HOUR, cache.generation());

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("c")).isPresent();
        assertThat(cache.get("d")).isPresent();
    }

    @Test
    void aCacheOfSizeZeroOrTtlZeroHoldsNothing() {
        KeystoneTokenCache sizeZero = new KeystoneTokenCache(0, Duration.ofSeconds(5), clock);
        KeystoneTokenCache ttlZero = new KeystoneTokenCache(10, Duration.ZERO, clock);

        sizeZero.put("a", "alice-id", principal("alice"), IN_AN_HOUR, sizeZero.generation());
        ttlZero.put("a", "alice-id", principal("alice"), IN_AN_HOUR, ttlZero.generation());

        assertThat(sizeZero.get("a")).isEmpty();
        assertThat(ttlZero.get("a")).isEmpty();
    }

    private static Principal principal(String name) {
        return new Principal(name, false, Map.of("project", ProjectRole.READER));
    }
}
