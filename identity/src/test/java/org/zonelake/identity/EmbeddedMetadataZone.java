package org.zonelake.identity;

import java.util.UUID;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;

/** Test helpers: a fresh database on an in-memory metadata server, and a provider with cheap hashing. */
final class EmbeddedMetadataZone {
    /** Argon2id at its minimum cost; the production parameters would make every test hash take ~100 ms. */
    static final IdentityConfig FAST = IdentityConfig.defaults().withArgon2(64, 1, 1);

    private EmbeddedMetadataZone() {}

    static MetadataStore freshStore(EmbeddedMongoServer server) {
        return MetadataStore.on(server, "identity_test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    static IdentityProvider fastProvider(MetadataStore store) {
        return new BuiltinIdentityProvider(store, java.time.Clock.systemUTC(), FAST);
    }
}
