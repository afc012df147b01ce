package org.zonelake.identity;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.set;
import static java.util.Objects.requireNonNull;
import static org.zonelake.identity.MongoErrors.call;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
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
import org.zonelake.metadata.MetadataStore;

/**
 * The identity provider of the all-in-one lake: users, projects, role assignments and opaque tokens kept in
 * the metadata zone (collections {@code users}, {@code projects}, {@code assignments}, {@code tokens}).
 * Every write is a single-document operation; uniqueness comes from {@code _id}.
 */
public final class BuiltinIdentityProvider implements IdentityProvider {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltinIdentityProvider.class);
    private static final String INVALID_CREDENTIALS = "Invalid user name or password";

    private final MetadataStore store;
    private final Clock clock;
    private final Duration tokenTtl;
    private final PasswordHasher hasher;
    private final TokenCache cache;
    private final MongoCollection<Document> users;
    private final MongoCollection<Document> projects;
    private final MongoCollection<Document> assignments;
    private final MongoCollection<Document> tokens;

    public BuiltinIdentityProvider(MetadataStore store, Clock clock, IdentityConfig config) {
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
        requireNonNull(config, "config is null");
        this.tokenTtl = config.tokenTtl();
        this.hasher = new PasswordHasher(config.argon2MemoryKib(), config.argon2Iterations(), config.argon2Parallelism());
        this.cache = new TokenCache(config.tokenCacheSize(), config.tokenCacheTtl());
        MongoDatabase database = store.database();
        this.users = database.getCollection("users");
        this.projects = database.getCollection("projects");
        this.assignments = database.getCollection("assignments");
        this.tokens = database.getCollection("tokens");
        createIndexes();
    }

    private void createIndexes() {
        call("create the identity indexes", () -> List.of(
                tokens.createIndex(Indexes.ascending("username")),
                tokens.createIndex(Indexes.ascending("expires_at")),
                assignments.createIndex(Indexes.ascending("username")),
                assignments.createIndex(Indexes.ascending("project"))));
    }

    @Override
    public AuthToken login(String username, String password) {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        Document user = findUserDocument(username);
        if (user == null) {
            hasher.verifyDecoy(password);
            throw new LakeException(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
        }
        String passwordHash = user.getString("password_hash");
        if (!hasher.verify(password, passwordHash)) {
            throw new LakeException(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
        }
        requireEnabled(user);
        return issueToken(username, passwordHash);
    }

    private AuthToken issueToken(String username, String verifiedHash) {
        Instant now = now();
        Instant expiresAt = now.plus(tokenTtl);
        String token = OpaqueTokens.generate();
        String digest = OpaqueTokens.digest(token);
        // No durability barrier: a token lost in a crash only means logging in again.
        call("issue a token", () -> tokens.insertOne(IdentityDocuments.token(digest, username, now, expiresAt)));
        // A disable, delete or password reset may have revoked the user's tokens between our password check and
        // our insert; reading the user again after the insert closes that window.
        Document user = findUserDocument(username);
        if (user == null || !verifiedHash.equals(user.getString("password_hash")) || !IdentityDocuments.enabled(user)) {
            deleteToken(digest);
            requireEnabledIfPresent(user);
            throw new LakeException(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
        }
        call("purge expired tokens", () -> tokens.deleteMany(and(eq("username", username), lte("expires_at", Date.from(now)))));
        return new AuthToken(token, principalOf(user), now, expiresAt);
    }

    @Override
    public Principal authenticate(String token) {
        if (token == null || token.isEmpty()) {
            throw notAuthenticated();
        }
        String digest = OpaqueTokens.digest(token);
        Instant now = now();
        Optional<Principal> cached = cache.get(digest, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        long generation = cache.generation();
        Document stored = call("read a token", () -> tokens.find(eq("_id", digest)).first());
        if (stored == null) {
            throw notAuthenticated();
        }
        Instant expiresAt = stored.getDate("expires_at").toInstant();
        if (!now.isBefore(expiresAt)) {
            deleteToken(digest);
            throw new LakeException(ErrorCode.TOKEN_EXPIRED, "Token expired at " + expiresAt + "; log in again");
        }
        Document user = findUserDocument(stored.getString("username"));
        if (user == null || !IdentityDocuments.enabled(user)) {
            throw notAuthenticated();
        }
        Principal principal = principalOf(user);
        cache.put(digest, principal, expiresAt, generation, now);
        return principal;
    }

    @Override
    public void revoke(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        deleteToken(OpaqueTokens.digest(token));
        changed();
    }

    /** Deletes tokens that expired at or before {@code now}; returns how many. */
    public int purgeExpiredTokens(Instant now) {
        requireNonNull(now, "now is null");
        long deleted = call("purge expired tokens", () -> tokens.deleteMany(lte("expires_at", Date.from(now))).getDeletedCount());
        return Math.toIntExact(deleted);
    }

    @Override
    public List<Project> listProjects() {
        return call("list projects", () -> projects.find().sort(Sorts.ascending("_id")).map(IdentityDocuments::project).into(new ArrayList<>()));
    }

    @Override
    public Optional<Project> findProject(String name) {
        requireNonNull(name, "name is null");
        return Optional.ofNullable(call("read a project", () -> projects.find(eq("_id", name)).first())).map(IdentityDocuments::project);
    }

    @Override
    public Project createProject(String name, String description) {
        Project project = validProject(name, description);
        try {
            projects.insertOne(IdentityDocuments.project(project));
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                throw LakeException.of(ErrorCode.PROJECT_EXISTS, "Project %s already exists", name);
            }
            throw MongoErrors.failure("create project " + name, e);
        }
        store.makeDurable();
        LOG.info("Created project {}", name);
        return project;
    }

    private Project validProject(String name, String description) {
        try {
            return new Project(name, description, now());
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_NAME, e.getMessage());
        }
    }

    @Override
    public List<UserAccount> listUsers() {
        return call("list users", () -> users.find().sort(Sorts.ascending("_id")).map(IdentityDocuments::account).into(new ArrayList<>()));
    }

    @Override
    public Optional<UserAccount> findUser(String username) {
        requireNonNull(username, "username is null");
        return Optional.ofNullable(findUserDocument(username)).map(IdentityDocuments::account);
    }

    @Override
    public UserAccount createUser(NewUser user) {
        requireNonNull(user, "user is null");
        if (findUserDocument(user.username()) != null) {
            throw userExists(user.username());
        }
        // The name is the user's id here, so a new user would inherit the unpurged roles of a deleted namesake
        // (Keystone gives the new user a new id instead). Two concurrent creations of one name race here: at worst
        // the loser, which then fails with USER_EXISTS, removes a role granted to the winner in between.
        call("remove orphan assignments", () -> assignments.deleteMany(eq("username", user.username())));
        Document document = IdentityDocuments.user(user, hasher.hash(user.password()), now());
        try {
            users.insertOne(document);
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                throw userExists(user.username());
            }
            throw MongoErrors.failure("create user " + user.username(), e);
        }
        store.makeDurable();
        LOG.info("Created user {} (platform admin: {})", user.username(), user.platformAdmin());
        return IdentityDocuments.account(document);
    }

    @Override
    public void setEnabled(String username, boolean enabled) {
        requireNonNull(username, "username is null");
        long matched = call("update user " + username, () -> users.updateOne(eq("_id", username), set("enabled", enabled)).getMatchedCount());
        if (matched == 0) {
            throw userNotFound(username);
        }
        if (!enabled) {
            revokeTokensOf(username);
        }
        changed();
        LOG.info("{} user {}", enabled ? "Enabled" : "Disabled", username);
    }

    @Override
    public void deleteUser(String username) {
        requireNonNull(username, "username is null");
        long deleted = call("delete user " + username, () -> users.deleteOne(eq("_id", username)).getDeletedCount());
        if (deleted == 0) {
            throw userNotFound(username);
        }
        revokeTokensOf(username);
        changed();
        LOG.info("Deleted user {}", username);
    }

    @Override
    public void resetPassword(String username, String newPassword) {
        requireNonNull(username, "username is null");
        requireNonNull(newPassword, "newPassword is null");
        try {
            NewUser.requireStrongEnough(newPassword);
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
        String hash = hasher.hash(newPassword);
        long matched = call("update user " + username, () -> users.updateOne(eq("_id", username), set("password_hash", hash)).getMatchedCount());
        if (matched == 0) {
            throw userNotFound(username);
        }
        revokeTokensOf(username);
        changed();
        LOG.info("Reset the password of user {}", username);
    }

    @Override
    public void grant(String username, String project, ProjectRole role) {
        requireNonNull(username, "username is null");
        requireNonNull(project, "project is null");
        requireNonNull(role, "role is null");
        if (findUserDocument(username) == null) {
            throw userNotFound(username);
        }
        if (findProject(project).isEmpty()) {
            throw LakeException.of(ErrorCode.PROJECT_NOT_FOUND, "Project %s does not exist", project);
        }
        Document assignment = IdentityDocuments.assignment(username, project, role);
        try {
            assignments.replaceOne(eq("_id", assignment.getString("_id")), assignment, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            // A concurrent upsert of the same grant won the race: the grant holds, as asked.
            if (!MongoErrors.isDuplicateKey(e)) {
                throw MongoErrors.failure("grant " + role.wireName() + " in " + project + " to " + username, e);
            }
        }
        changed();
        LOG.info("Granted {} in project {} to {}", role.wireName(), project, username);
    }

    @Override
    public boolean revoke(String username, String project, ProjectRole role) {
        requireNonNull(username, "username is null");
        requireNonNull(project, "project is null");
        requireNonNull(role, "role is null");
        String id = IdentityDocuments.assignmentId(username, project, role);
        long deleted = call("revoke " + id, () -> assignments.deleteOne(eq("_id", id)).getDeletedCount());
        changed();
        if (deleted > 0) {
            LOG.info("Revoked {} in project {} from {}", role.wireName(), project, username);
        }
        return deleted > 0;
    }

    @Override
    public List<RoleAssignment> assignments(String username) {
        requireNonNull(username, "username is null");
        List<Document> found = assignmentDocuments(username);
        List<RoleAssignment> result = new ArrayList<>();
        found.forEach(document -> IdentityDocuments.assignment(document).ifPresent(result::add));
        return result;
    }

    @Override
    public int purgeOrphanAssignments() {
        List<String> holders = call("list assignment holders", () -> assignments.distinct("username", String.class).into(new ArrayList<>()));
        Set<String> orphans = new HashSet<>(holders);
        orphans.removeAll(existingUsers(holders));
        if (orphans.isEmpty()) {
            return 0;
        }
        long deleted = call("purge orphan assignments", () -> assignments.deleteMany(in("username", orphans)).getDeletedCount());
        changed();
        LOG.info("Purged {} role assignments of {} deleted users", deleted, orphans.size());
        return Math.toIntExact(deleted);
    }

    private List<String> existingUsers(List<String> usernames) {
        return call("list users", () -> users.find(in("_id", usernames)).projection(Projections.include("_id"))
                .map(document -> document.getString("_id")).into(new ArrayList<>()));
    }

    private Principal principalOf(Document user) {
        return IdentityDocuments.principal(user, assignmentDocuments(user.getString("_id")));
    }

    private List<Document> assignmentDocuments(String username) {
        return call("read role assignments", () -> assignments.find(eq("username", username))
                .sort(Sorts.ascending("project", "role")).into(new ArrayList<>()));
    }

    private Document findUserDocument(String username) {
        return call("read user " + username, () -> users.find(eq("_id", username)).first());
    }

    private void revokeTokensOf(String username) {
        call("revoke the tokens of " + username, () -> tokens.deleteMany(eq("username", username)));
    }

    private void deleteToken(String digest) {
        call("delete a token", () -> tokens.deleteOne(eq("_id", digest)));
    }

    /** After a change is written: make it durable, then stop trusting every cached token. */
    private void changed() {
        store.makeDurable();
        cache.invalidateAll();
    }

    private Instant now() {
        // BSON dates hold milliseconds; truncating here makes returned and stored instants equal.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireEnabled(Document user) {
        if (!IdentityDocuments.enabled(user)) {
            throw LakeException.of(ErrorCode.ACCOUNT_DISABLED, "Account %s is disabled", user.getString("_id"));
        }
    }

    private static void requireEnabledIfPresent(Document user) {
        if (user != null) {
            requireEnabled(user);
        }
    }

    private static LakeException notAuthenticated() {
        return new LakeException(ErrorCode.NOT_AUTHENTICATED, "Token is unknown, revoked or no longer valid");
    }

    private static LakeException userNotFound(String username) {
        return LakeException.of(ErrorCode.USER_NOT_FOUND, "User %s does not exist", username);
    }

    private static LakeException userExists(String username) {
        return LakeException.of(ErrorCode.USER_EXISTS, "User %s already exists", username);
    }
}
