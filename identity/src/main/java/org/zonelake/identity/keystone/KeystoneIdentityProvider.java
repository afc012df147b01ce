package org.zonelake.identity.keystone;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuthToken;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.NewUser;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.Project;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.identity.RoleAssignment;
import org.zonelake.core.identity.UserAccount;
import org.zonelake.identity.keystone.KeystoneClient.Reply;
import org.zonelake.identity.keystone.KeystoneDirectory.Grant;
import org.zonelake.identity.keystone.KeystoneDirectory.Layout;
import org.zonelake.identity.keystone.KeystoneDirectory.ProjectRef;
import org.zonelake.identity.keystone.KeystoneDirectory.User;
import org.zonelake.identity.keystone.KeystoneDirectory.ValidToken;

/**
 * The identity provider of the distributed lake: users, projects and role assignments live in one Keystone v3
 * domain, logins are Keystone password logins (unscoped tokens), and validated tokens are cached briefly.
 * A platform admin holds the platform-admin role on the admin project; that project is not a lake project.
 */
public final class KeystoneIdentityProvider implements IdentityProvider, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneIdentityProvider.class);
    private static final String INVALID_CREDENTIALS = "Invalid user name or password";
    /** What Keystone says, only when it runs with {@code insecure_debug}, for a disabled user's correct password. */
    private static final String DISABLED_MESSAGE = "The account is disabled";

    private final KeystoneConfig config;
    private final Clock clock;
    private final KeystoneClient client;
    private final KeystoneDirectory directory;
    private final KeystoneRoles roles;
    private final KeystoneTokenCache cache;

    public KeystoneIdentityProvider(KeystoneConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.client = new KeystoneClient(config, clock);
        this.directory = new KeystoneDirectory(config, client);
        this.roles = new KeystoneRoles(config, directory);
        this.cache = new KeystoneTokenCache(config.tokenCacheSize(), config.tokenCacheTtl(), clock);
    }

    @Override
    public AuthToken login(String username, String password) {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        long generation = cache.generation();
        Reply reply = directory.passwordLogin(username, password);
        if (reply.status() == 401 && reply.message().startsWith(DISABLED_MESSAGE)) {
            throw LakeException.of(ErrorCode.ACCOUNT_DISABLED, "Account %s is disabled", username);
        }
        if (reply.status() != 201 || reply.subjectToken() == null) {
            // 401 for a wrong password, an unknown or a disabled user alike; 400 for input Keystone cannot parse.
            throw new LakeException(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
        }
        ValidToken token = directory.token(reply);
        Principal principal = roles.principalOf(token.userId(), token.userName());
        cache.put(digest(token.token()), token.userId(), principal, token.expiresAt(), generation);
        return new AuthToken(token.token(), principal, token.issuedAt(), token.expiresAt());
    }

    @Override
    public Principal authenticate(String token) {
        if (token == null || token.isEmpty()) {
            throw notAuthenticated();
        }
        String digest = digest(token);
        Optional<Principal> cached = cache.get(digest);
        if (cached.isPresent()) {
            return cached.get();
        }
        long generation = cache.generation();
        ValidToken valid = directory.validate(token).orElseThrow(KeystoneIdentityProvider::notAuthenticated);
        if (!clock.instant().isBefore(valid.expiresAt())) {
            throw LakeException.of(ErrorCode.TOKEN_EXPIRED, "Token expired at %s; log in again", valid.expiresAt());
        }
        if (!config.domain().equals(valid.userDomainId())) {
            // A Keystone user of another domain: its name could collide with a lake user's.
            throw notAuthenticated();
        }
        Principal principal = roles.principalOf(valid.userId(), valid.userName());
        cache.put(digest, valid.userId(), principal, valid.expiresAt(), generation);
        return principal;
    }

    @Override
    public void revoke(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        directory.deleteToken(token);
        cache.evictToken(digest(token));
    }

    @Override
    public List<Project> listProjects() {
        return directory.listProjects().stream()
                .filter(project -> roles.isLakeProject(project.id(), project.name()))
                .map(KeystoneIdentityProvider::project)
                .sorted(Comparator.comparing(Project::name))
                .toList();
    }

    @Override
    public Optional<Project> findProject(String name) {
        requireNonNull(name, "name is null");
        return lakeProject(name).map(KeystoneIdentityProvider::project);
    }

    @Override
    public Project createProject(String name, String description) {
        try {
            Project.requireValidName(name);
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_NAME, e.getMessage());
        }
        Instant now = now();
        ProjectRef created = directory.createProject(name, description == null ? "" : description, now)
                .orElseThrow(() -> LakeException.of(ErrorCode.PROJECT_EXISTS, "Project %s already exists", name));
        LOG.info("Created project {} (Keystone id {})", name, created.id());
        return project(created);
    }

    /** Deletes a lake project from Keystone (with its role assignments); false if there was none. */
    public boolean deleteProject(String name) {
        Optional<ProjectRef> project = lakeProject(name);
        project.ifPresent(directory::deleteProject);
        project.ifPresent(found -> LOG.info("Deleted project {}", name));
        return project.isPresent();
    }

    @Override
    public List<UserAccount> listUsers() {
        Set<String> admins = roles.platformAdminIds();
        return directory.listUsers().stream()
                .map(user -> account(user, admins.contains(user.id())))
                .sorted(Comparator.comparing(UserAccount::username))
                .toList();
    }

    @Override
    public Optional<UserAccount> findUser(String username) {
        requireNonNull(username, "username is null");
        return directory.findUser(username).map(user -> account(user, roles.isPlatformAdmin(user.id())));
    }

    @Override
    public UserAccount createUser(NewUser user) {
        requireNonNull(user, "user is null");
        User created = directory.createUser(user.username(), user.password(), user.email(), now())
                .orElseThrow(() -> LakeException.of(ErrorCode.USER_EXISTS, "User %s already exists", user.username()));
        if (user.platformAdmin()) {
            makePlatformAdmin(created);
        }
        LOG.info("Created user {} (Keystone id {}, platform admin: {})", user.username(), created.id(), user.platformAdmin());
        return account(created, user.platformAdmin());
    }

    @Override
    public void setEnabled(String username, boolean enabled) {
        ObjectNode changes = client.object().put("enabled", enabled);
        // Keystone itself invalidates a disabled user's tokens; the cache must forget them too.
        changeUser(username, changes, enabled ? "enable user" : "disable user");
        LOG.info("{} user {}", enabled ? "Enabled" : "Disabled", username);
    }

    @Override
    public void deleteUser(String username) {
        User user = requireUser(username);
        if (!directory.deleteUser(user)) {
            throw userNotFound(username);
        }
        cache.evictUser(user.id());
        LOG.info("Deleted user {} (Keystone removed their role assignments)", username);
    }

    @Override
    public void resetPassword(String username, String newPassword) {
        requireNonNull(newPassword, "newPassword is null");
        try {
            NewUser.requireStrongEnough(newPassword);
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
        // Keystone revokes the user's tokens on a password change.
        changeUser(username, client.object().put("password", newPassword), "reset the password of");
        LOG.info("Reset the password of user {}", username);
    }

    @Override
    public void grant(String username, String project, ProjectRole role) {
        requireNonNull(role, "role is null");
        User user = requireUser(username);
        ProjectRef target = lakeProject(requireNonNull(project, "project is null"))
                .orElseThrow(() -> projectNotFound(project));
        if (!directory.grant(user.id(), target.id(), directory.layout().roleIds().get(role), grantAction("grant", username, project, role))) {
            // Deleted between our lookups and the grant.
            throw directory.userExists(user.id()) ? projectNotFound(project) : userNotFound(username);
        }
        cache.evictUser(user.id());
        LOG.info("Granted {} in project {} to {}", role.wireName(), project, username);
    }

    @Override
    public boolean revoke(String username, String project, ProjectRole role) {
        requireNonNull(username, "username is null");
        requireNonNull(project, "project is null");
        requireNonNull(role, "role is null");
        Optional<User> user = directory.findUser(username);
        Optional<ProjectRef> target = lakeProject(project);
        if (user.isEmpty() || target.isEmpty()) {
            return false;
        }
        String action = grantAction("revoke", username, project, role);
        boolean revoked = directory.revokeGrant(user.get().id(), target.get().id(), directory.layout().roleIds().get(role), action);
        cache.evictUser(user.get().id());
        if (revoked) {
            LOG.info("Revoked {} in project {} from {}", role.wireName(), project, username);
        }
        return revoked;
    }

    /** Direct assignments only (not inherited through groups or implied roles). Empty for a deleted user: see the README. */
    @Override
    public List<RoleAssignment> assignments(String username) {
        requireNonNull(username, "username is null");
        Optional<User> user = directory.findUser(username);
        if (user.isEmpty()) {
            return List.of();
        }
        return roles.directAssignments(user.get().id(), username);
    }

    /**
     * Keystone deletes a user's assignments with the user, so orphans only arise when a user vanished behind
     * Keystone's back (an LDAP or federated backend, a database edit). Removes the lake-role assignments on lake
     * projects whose user Keystone no longer knows.
     */
    @Override
    public int purgeOrphanAssignments() {
        Map<String, Boolean> exists = new HashMap<>();
        int removed = 0;
        for (Grant grant : roles.lakeGrants()) {
            if (!exists.computeIfAbsent(grant.userId(), directory::userExists)
                    && directory.revokeGrant(grant.userId(), grant.projectId(), grant.roleId(), "purge an orphan role assignment")) {
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("Purged {} role assignments of users Keystone no longer knows", removed);
        }
        return removed;
    }

    @Override
    public void close() {
        client.close();
    }

    private void makePlatformAdmin(User user) {
        Layout layout = directory.layout();
        try {
            if (!directory.grant(user.id(), layout.adminProjectId(), layout.platformAdminRoleId(), "make " + user.name() + " a platform admin")) {
                throw LakeException.of(ErrorCode.METADATA_FAILURE, "Cannot make %s a platform admin: Keystone no longer knows the admin project %s",
                        user.name(), config.adminProject());
            }
        } catch (LakeException e) {
            // No half-made admin: a user who asked to be one and is not would be a surprise later.
            directory.deleteUser(user);
            throw e;
        }
    }

    private void changeUser(String username, ObjectNode changes, String action) {
        User user = requireUser(username);
        if (!directory.updateUser(user, changes, action)) {
            throw userNotFound(username);
        }
        cache.evictUser(user.id());
    }

    private Optional<ProjectRef> lakeProject(String name) {
        if (!Project.isValidName(name)) {
            return Optional.empty();
        }
        return directory.findProject(name).filter(project -> roles.isLakeProject(project.id(), project.name()));
    }

    private User requireUser(String username) {
        requireNonNull(username, "username is null");
        return directory.findUser(username).orElseThrow(() -> userNotFound(username));
    }

    private static Project project(ProjectRef project) {
        return new Project(project.name(), project.description(), project.createdAt());
    }

    private static UserAccount account(User user, boolean platformAdmin) {
        return new UserAccount(user.name(), user.email(), user.enabled(), platformAdmin, user.createdAt());
    }

    private static String grantAction(String verb, String username, String project, ProjectRole role) {
        return verb + " " + role.wireName() + " in " + project + " to " + username;
    }

    private Instant now() {
        // Stored as ISO text; whole milliseconds keep returned and re-read instants equal.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static LakeException notAuthenticated() {
        return new LakeException(ErrorCode.NOT_AUTHENTICATED, "Token is unknown, revoked or no longer valid");
    }

    private static LakeException projectNotFound(String project) {
        return LakeException.of(ErrorCode.PROJECT_NOT_FOUND, "Project %s does not exist", project);
    }

    private static LakeException userNotFound(String username) {
        return LakeException.of(ErrorCode.USER_NOT_FOUND, "User %s does not exist", username);
    }
}
