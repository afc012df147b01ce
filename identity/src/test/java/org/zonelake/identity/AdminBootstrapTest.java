package org.zonelake.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;

class AdminBootstrapTest {
    private static EmbeddedMongoServer server;

    private MetadataStore store;
    private IdentityProvider provider;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.startInMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createProvider() {
        store = EmbeddedMetadataZone.freshStore(server);
        provider = EmbeddedMetadataZone.fastProvider(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void createsAPlatformAdminWithAGeneratedPasswordOnFirstStart() {
        String password = AdminBootstrap.ensureAdmin(provider, Optional.empty()).orElseThrow();

        assertThat(password).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
        assertThat(provider.authenticate(provider.login("admin", password).token()).platformAdmin()).isTrue();
    }

    @Test
    void generatesADifferentPasswordForEachLake() {
        String first = AdminBootstrap.ensureAdmin(provider, Optional.empty()).orElseThrow();
        try (MetadataStore otherStore = EmbeddedMetadataZone.freshStore(server)) {
            String second = AdminBootstrap.ensureAdmin(EmbeddedMetadataZone.fastProvider(otherStore), Optional.empty()).orElseThrow();

            assertThat(second).isNotEqualTo(first);
        }
    }

    @Test
    void usesTheConfiguredPasswordAndReturnsNothingToPrint() {
        Optional<String> printed = AdminBootstrap.ensureAdmin(provider, Optional.of("configured-admin-pw"));

        assertThat(printed).isEmpty();
        assertThat(provider.login("admin", "configured-admin-pw").principal().platformAdmin()).isTrue();
    }

    @Test
    void neverResetsThePasswordOfAnExistingAdmin() {
        String original = AdminBootstrap.ensureAdmin(provider, Optional.empty()).orElseThrow();

        assertThat(AdminBootstrap.ensureAdmin(provider, Optional.empty())).isEmpty();
        assertThat(AdminBootstrap.ensureAdmin(provider, Optional.of("configured-admin-pw"))).isEmpty();

        assertThat(provider.login("admin", original).principal().username()).isEqualTo("admin");
        LakeException configured = catchThrowableOfType(LakeException.class, () -> provider.login("admin", "configured-admin-pw"));
        assertThat(configured.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }
}
