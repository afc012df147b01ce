package org.zonelake.identity;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.identity.AuthToken;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.NewUser;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.testing.MutableClock;
import org.zonelake.metadata.EmbeddedMongoServer;
import org.zonelake.metadata.MetadataStore;

class BuiltinIdentityProviderTest extends IdentityProviderContract {
    private static final Duration TOKEN_TTL = Duration.ofHours(1);
    private static EmbeddedMongoServer server;

    private MetadataStore store;
    private MutableClock clock;
    private BuiltinIdentityProvider provider;

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
        clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        provider = new BuiltinIdentityProvider(store, clock, EmbeddedMetadataZone.FAST.withTokenTtl(TOKEN_TTL));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    protected IdentityProvider provider() {
        return provider;
    }

    @Test
    void tokenExpiresAfterItsTimeToLive() {
        String user = newUser();
        AuthToken token = provider.login(user, PASSWORD);
        assertThat(token.expiresAt()).isEqualTo(token.issuedAt().plus(TOKEN_TTL));

        clock.advance(TOKEN_TTL.minusMillis(1));
        assertThat(provider.authenticate(token.token()).username()).isEqualTo(user);

        clock.advance(Duration.ofMillis(1));
        assertFailsWith(ErrorCode.TOKEN_EXPIRED, () -> provider.authenticate(token.token()));
        assertThat(collection("tokens").countDocuments()).isZero();
    }

    @Test
    void anExpiredTokenIsNeverServedFromTheCache() {
        IdentityConfig config = new IdentityConfig(Duration.ofSeconds(2), Optional.empty(), 64, 1, 1, 100, Duration.ofMinutes(1));
        BuiltinIdentityProvider shortLived = new BuiltinIdentityProvider(store, clock, config);
        String user = newUser();
        String token = shortLived.login(user, PASSWORD).token();
        shortLived.authenticate(token);

        clock.advance(Duration.ofSeconds(2));

        assertFailsWith(ErrorCode.TOKEN_EXPIRED, () -> shortLived.authenticate(token));
    }

    @Test
    void changesMadeByAnotherProcessAreSeenOnceTheCacheEntryIsStale() {
        String user = newUser();
        String token = provider.login(user, PASSWORD).token();
        provider.authenticate(token);
        collection("tokens").deleteMany(new Document());

        assertThat(provider.authenticate(token).username()).isEqualTo(user);
        clock.advance(IdentityConfig.DEFAULT_TOKEN_CACHE_TTL);
        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider.authenticate(token));
    }

    @Test
    void tokensSurviveARestartOfTheProvider() {
        String user = newUser();
        String token = provider.login(user, PASSWORD).token();

        BuiltinIdentityProvider restarted = new BuiltinIdentityProvider(store, clock, EmbeddedMetadataZone.FAST);

        assertThat(restarted.authenticate(token).username()).isEqualTo(user);
    }

    @Test
    void storedPasswordHashIsAnArgon2idPhcStringAndNotThePassword() {
        String user = newUser();

        String hash = collection("users").find(eq("_id", user)).first().getString("password_hash");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hash).doesNotContain(PASSWORD);
    }

    @Test
    void productionParametersAreTheOwaspOnes() {
        BuiltinIdentityProvider production = new BuiltinIdentityProvider(store, clock, IdentityConfig.defaults());
        String user = production.createUser(new NewUser(uniqueName("user"), PASSWORD, null, false)).username();

        String hash = collection("users").find(eq("_id", user)).first().getString("password_hash");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(provider.login(user, PASSWORD).principal().username()).isEqualTo(user);
    }

    @Test
    void tokenIsStoredOnlyAsItsSha256Digest() throws Exception {
        String user = newUser();
        String token = provider.login(user, PASSWORD).token();

        List<Document> stored = collection("tokens").find().into(new ArrayList<>());

        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("_id")).isEqualTo(digest);
        assertThat(stored.get(0).getString("username")).isEqualTo(user);
        assertThat(stored.get(0).toJson()).doesNotContain(token);
    }

    @Test
    void tokenIsA32ByteRandomValueInBase64Url() {
        String user = newUser();

        String first = provider.login(user, PASSWORD).token();
        String second = provider.login(user, PASSWORD).token();

        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(second).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(first);
    }

    @Test
    void purgeExpiredTokensRemovesOnlyExpiredOnes() {
        String user = newUser();
        provider.login(user, PASSWORD);
        clock.advance(Duration.ofMinutes(30));
        String fresh = provider.login(user, PASSWORD).token();

        int purged = provider.purgeExpiredTokens(clock.instant().plus(Duration.ofMinutes(30)));

        assertThat(purged).isEqualTo(1);
        assertThat(provider.authenticate(fresh).username()).isEqualTo(user);
    }

    @Test
    void purgeOrphanAssignmentsReturnsTheExactCount() {
        String project = newProject();
        String gone = newUser();
        String alsoGone = newUser();
        String staying = newUser();
        provider.grant(gone, project, ProjectRole.READER);
        provider.grant(gone, project, ProjectRole.MEMBER);
        provider.grant(alsoGone, project, ProjectRole.ADMIN);
        provider.grant(staying, project, ProjectRole.READER);
        provider.deleteUser(gone);
        provider.deleteUser(alsoGone);

        assertThat(provider.purgeOrphanAssignments()).isEqualTo(3);
        assertThat(provider.purgeOrphanAssignments()).isZero();
        assertThat(collection("assignments").countDocuments()).isEqualTo(1);
    }

    @Test
    void disablingAUserDeletesTheirTokenDocuments() {
        String user = newUser();
        String other = newUser();
        provider.login(user, PASSWORD);
        provider.login(user, PASSWORD);
        provider.login(other, PASSWORD);

        provider.setEnabled(user, false);

        assertThat(collection("tokens").countDocuments(eq("username", user))).isZero();
        assertThat(collection("tokens").countDocuments(eq("username", other))).isEqualTo(1);
    }

    @Test
    void documentsUseSnakeCaseFields() {
        String user = newUser();
        String project = newProject();
        provider.grant(user, project, ProjectRole.MEMBER);
        provider.login(user, PASSWORD);

        assertThat(collection("users").find().first().keySet())
                .containsExactlyInAnyOrder("_id", "email", "password_hash", "enabled", "platform_admin", "created_at");
        assertThat(collection("tokens").find().first().keySet()).containsExactlyInAnyOrder("_id", "username", "issued_at", "expires_at");
        assertThat(collection("projects").find().first().keySet()).containsExactlyInAnyOrder("_id", "description", "created_at");
        assertThat(collection("assignments").find().first())
                .isEqualTo(new Document("_id", user + "|" + project + "|member").append("username", user).append("project", project).append("role", "member"));
    }

    @Test
    void createsTheIndexesItQueriesBy() {
        assertThat(indexedFields("tokens")).contains("username", "expires_at");
        assertThat(indexedFields("assignments")).contains("username", "project");
    }

    private List<String> indexedFields(String name) {
        List<String> fields = new ArrayList<>();
        collection(name).listIndexes().forEach(index -> fields.addAll(index.get("key", Document.class).keySet()));
        return fields;
    }

    private MongoCollection<Document> collection(String name) {
        return store.database().getCollection(name);
    }
}
