package org.zonelake.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuthToken;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.Project;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.identity.RoleAssignment;
import org.zonelake.core.identity.UserAccount;
import org.zonelake.core.testing.ItEnvironment;
import org.zonelake.identity.keystone.KeystoneConfig;
import org.zonelake.identity.keystone.KeystoneIdentityProvider;

/**
 * The identity contract against a real Keystone v3 ({@code services/keystone.sh start}, then
 * {@code eval "$(services/keystone.sh env)"}), plus what only Keystone does. It lives in the contract's package so
 * that it can override the two contract tests Keystone cannot pass as written (see each override). Every test
 * works on users and projects with unique names and deletes them afterwards.
 */
class KeystoneIdentityProviderIT extends IdentityProviderContract {
    private static final String HOW = "run services/keystone.sh start and eval \"$(services/keystone.sh env)\"";
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private final List<KeystoneIdentityProvider> opened = new ArrayList<>();
    private KeystoneIdentityProvider provider;
    private String runMarker;

    @BeforeEach
    void connect() {
        provider = open(config());
        String probe = uniqueName("x");
        runMarker = probe.substring(1, probe.lastIndexOf('-') + 1);
    }

    @AfterEach
    void deleteWhatTheTestCreated() {
        if (provider != null) {
            provider.listUsers().stream().map(UserAccount::username).filter(name -> name.contains(runMarker)).forEach(this::deleteUserIfPresent);
            provider.listProjects().stream().map(Project::name).filter(name -> name.contains(runMarker)).forEach(provider::deleteProject);
        }
        opened.forEach(KeystoneIdentityProvider::close);
    }

    @Override
    protected IdentityProvider provider() {
        return provider;
    }

    /**
     * Overrides the contract: Keystone answers a disabled user's correct password with the same bare 401 as a wrong
     * one (it tells them apart only with {@code insecure_debug}, which leaks more than it should), so the provider
     * cannot report {@code ACCOUNT_DISABLED}; both logins fail with {@code INVALID_CREDENTIALS}.
     */
    @Override
    @Test
    void disabledUserCannotLogInAndTheirExistingTokenStopsWorking() {
        String user = newUser();
        String token = provider.login(user, PASSWORD).token();
        provider.authenticate(token);

        provider.setEnabled(user, false);

        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider.authenticate(token));
        assertFailsWith(ErrorCode.INVALID_CREDENTIALS, () -> provider.login(user, PASSWORD));
        assertFailsWith(ErrorCode.INVALID_CREDENTIALS, () -> provider.login(user, "not the password"));
        assertThat(provider.findUser(user)).get().extracting(UserAccount::enabled).isEqualTo(false);
    }

    /**
     * Overrides the contract: Keystone deletes a user's role assignments together with the user, so there is
     * nothing left to list or to purge; the assignments of other users stay.
     */
    @Override
    @Test
    void assignmentsOfADeletedUserAreListedUntilPurged() {
        String user = newUser();
        String project = newProject();
        provider.grant(user, project, ProjectRole.MEMBER);
        String survivor = newUser();
        provider.grant(survivor, project, ProjectRole.READER);

        provider.deleteUser(user);

        assertThat(provider.assignments(user)).isEmpty();
        assertThat(provider.purgeOrphanAssignments()).isZero();
        assertThat(provider.assignments(survivor)).containsExactly(new RoleAssignment(survivor, project, ProjectRole.READER));
    }

    @Test
    void theServiceUserIsAPlatformAdminAndTheAdminProjectIsNoLakeProject() {
        KeystoneConfig config = config();

        Principal admin = provider.authenticate(provider.login(config.adminUser(), config.adminPassword()).token());

        assertThat(admin.platformAdmin()).isTrue();
        assertThat(admin.projectRoles()).doesNotContainKey(config.adminProject());
        assertThat(provider.findProject(config.adminProject())).isEmpty();
        assertThat(provider.listProjects()).extracting(Project::name).doesNotContain(config.adminProject());
        assertThat(provider.findUser(config.adminUser())).get().extracting(UserAccount::platformAdmin).isEqualTo(true);
    }

    @Test
    void aTokenLastsAsLongAsKeystoneSays() {
        AuthToken token = provider.login(newUser(), PASSWORD);

        // services/keystone.sh keeps Keystone's default token lifetime, [token] expiration = 3600 s.
        assertThat(Duration.between(token.issuedAt(), token.expiresAt())).isEqualTo(Duration.ofHours(1));
        assertThat(token.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void aTokenRevokedElsewhereIsServedFromTheCacheUntilItsTtlThenRejected() {
        KeystoneIdentityProvider gateway = open(config().withTokenCache(100, Duration.ofSeconds(3)));
        String user = newUser();
        String token = gateway.login(user, PASSWORD).token();
        gateway.authenticate(token);

        provider.revoke(token);

        assertThat(gateway.authenticate(token).username()).isEqualTo(user);
        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider.authenticate(token));
        awaitRejection(gateway, token);
    }

    @Test
    void aProjectAdminHoldsTheConfiguredKeystoneRoleNotKeystonesAdmin() {
        String user = newUser();
        String project = newProject();

        provider.grant(user, project, ProjectRole.ADMIN);

        Principal principal = provider.authenticate(provider.login(user, PASSWORD).token());
        assertThat(principal.projectRoles()).containsEntry(project, ProjectRole.ADMIN);
        assertThat(principal.platformAdmin()).isFalse();
        assertThat(provider.assignments(user)).containsExactly(new RoleAssignment(user, project, ProjectRole.ADMIN));
    }

    private void awaitRejection(KeystoneIdentityProvider gateway, String token) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            try {
                gateway.authenticate(token);
            } catch (LakeException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("A token revoked elsewhere was still accepted " + DEADLINE + " later");
    }

    private void deleteUserIfPresent(String username) {
        try {
            provider.deleteUser(username);
        } catch (LakeException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
        }
    }

    private KeystoneIdentityProvider open(KeystoneConfig config) {
        KeystoneIdentityProvider opened = new KeystoneIdentityProvider(config, Clock.systemUTC());
        this.opened.add(opened);
        return opened;
    }

    private static KeystoneConfig config() {
        return KeystoneConfig.of(
                ItEnvironment.require("ZONELAKE_IT_KEYSTONE_URL", HOW),
                ItEnvironment.require("ZONELAKE_IT_KEYSTONE_ADMIN_USER", HOW),
                ItEnvironment.require("ZONELAKE_IT_KEYSTONE_ADMIN_PASSWORD", HOW),
                ItEnvironment.require("ZONELAKE_IT_KEYSTONE_ADMIN_PROJECT", HOW),
                ItEnvironment.require("ZONELAKE_IT_KEYSTONE_DOMAIN", HOW));
    }
}
