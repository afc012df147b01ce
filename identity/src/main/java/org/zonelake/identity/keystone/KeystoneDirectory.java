package org.zonelake.identity.keystone;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.identity.keystone.KeystoneClient.Reply;

/**
 * Keystone's users, projects, roles, role assignments and tokens in one domain, as typed values. Answers that
 * mean "not there" or "taken" are returned as such; the provider decides what they mean for the lake.
 */
final class KeystoneDirectory {
    /** Extra attribute in which the lake records when it created a user or project (Keystone keeps no such time). */
    static final String CREATED_AT = "zonelake_created_at";

    record User(String id, String name, String email, boolean enabled, Instant createdAt) {}

    record ProjectRef(String id, String name, String description, Instant createdAt) {}

    /** A project-scoped role assignment of a user, with names (Keystone's {@code include_names}). */
    record Grant(String userId, String userName, String projectId, String projectName, String projectDomainId, String roleId, String roleName) {}

    record ValidToken(String token, String userId, String userName, String userDomainId, Instant issuedAt, Instant expiresAt) {}

    /** Ids the provider needs on every call, resolved once. */
    record Layout(String adminProjectId, String platformAdminRoleId, Map<ProjectRole, String> roleIds) {}

    private final KeystoneConfig config;
    private final KeystoneClient client;
    private Layout layout;

    KeystoneDirectory(KeystoneConfig config, KeystoneClient client) {
        this.config = requireNonNull(config, "config is null");
        this.client = requireNonNull(client, "client is null");
    }

    // --- tokens

    /** Asks for an unscoped token for the user: 201 with the token, 401 when Keystone refuses the credentials. */
    Reply passwordLogin(String username, String password) {
        ObjectNode body = client.passwordAuth(username, password);
        // Unscoped even for a user with a default project: the lake reads roles per project itself.
        ((ObjectNode) body.get("auth")).put("scope", "unscoped");
        return client.anonymous("POST", client.url("auth/tokens").build(), body, "log in as " + username);
    }

    ValidToken token(Reply login) {
        JsonNode token = login.body().path("token");
        JsonNode user = token.path("user");
        return new ValidToken(login.subjectToken(), user.path("id").asText(), user.path("name").asText(),
                user.path("domain").path("id").asText(), instant(token.path("issued_at")), instant(token.path("expires_at")));
    }

    /** The token's owner and lifetime; expired tokens too (within Keystone's allow_expired window); empty if invalid. */
    Optional<ValidToken> validate(String token) {
        HttpUrl url = client.url("auth/tokens").addQueryParameter("allow_expired", "true").build();
        Reply reply = client.asService("GET", url, null, token, "validate a token");
        if (reply.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(token(new Reply(reply.status(), reply.body(), token)));
    }

    void deleteToken(String token) {
        client.asService("DELETE", client.url("auth/tokens").build(), null, token, "revoke a token");
    }

    // --- users

    Optional<User> findUser(String name) {
        HttpUrl url = client.url("users").addQueryParameter("domain_id", config.domain()).addQueryParameter("name", name).build();
        JsonNode users = client.asService("GET", url, null, "find user " + name).body().path("users");
        for (JsonNode user : users) {
            if (name.equals(user.path("name").asText())) {
                return Optional.of(user(user));
            }
        }
        return Optional.empty();
    }

    List<User> listUsers() {
        HttpUrl url = client.url("users").addQueryParameter("domain_id", config.domain()).build();
        List<User> users = new ArrayList<>();
        client.asService("GET", url, null, "list users").body().path("users").forEach(user -> users.add(user(user)));
        return users;
    }

    boolean userExists(String userId) {
        return client.asService("GET", client.url("users").addPathSegment(userId).build(), null, "read user " + userId).ok();
    }

    /** Empty when the name is taken (409). */
    Optional<User> createUser(String name, String password, String email, Instant createdAt) {
        ObjectNode body = client.object();
        ObjectNode user = body.putObject("user").put("name", name).put("domain_id", config.domain()).put("password", password)
                .put("enabled", true).put(CREATED_AT, createdAt.toString());
        if (email != null && !email.isEmpty()) {
            user.put("email", email);
        }
        Reply reply = client.asService("POST", client.url("users").build(), body, "create user " + name);
        return reply.status() == 409 ? Optional.empty() : Optional.of(user(reply.body().path("user")));
    }

    /** False when the user no longer exists. */
    boolean updateUser(User user, ObjectNode changes, String action) {
        ObjectNode body = client.object();
        body.set("user", changes);
        return client.asService("PATCH", client.url("users").addPathSegment(user.id()).build(), body, action + " " + user.name()).ok();
    }

    boolean deleteUser(User user) {
        return client.asService("DELETE", client.url("users").addPathSegment(user.id()).build(), null, "delete user " + user.name()).ok();
    }

    // --- projects

    /** Any project of the domain, the admin project included. */
    Optional<ProjectRef> findProject(String name) {
        HttpUrl url = client.url("projects").addQueryParameter("domain_id", config.domain()).addQueryParameter("name", name).build();
        for (JsonNode project : client.asService("GET", url, null, "find project " + name).body().path("projects")) {
            if (name.equals(project.path("name").asText())) {
                return Optional.of(project(project));
            }
        }
        return Optional.empty();
    }

    List<ProjectRef> listProjects() {
        HttpUrl url = client.url("projects").addQueryParameter("domain_id", config.domain()).build();
        List<ProjectRef> projects = new ArrayList<>();
        client.asService("GET", url, null, "list projects").body().path("projects").forEach(project -> projects.add(project(project)));
        return projects;
    }

    /** Empty when the name is taken (409). */
    Optional<ProjectRef> createProject(String name, String description, Instant createdAt) {
        ObjectNode body = client.object();
        body.putObject("project").put("name", name).put("domain_id", config.domain()).put("description", description)
                .put("enabled", true).put(CREATED_AT, createdAt.toString());
        Reply reply = client.asService("POST", client.url("projects").build(), body, "create project " + name);
        return reply.status() == 409 ? Optional.empty() : Optional.of(project(reply.body().path("project")));
    }

    void deleteProject(ProjectRef project) {
        client.asService("DELETE", client.url("projects").addPathSegment(project.id()).build(), null, "delete project " + project.name());
    }

    // --- role assignments

    /** Grants the role (idempotent in Keystone); false when the user, project or role vanished (404). */
    boolean grant(String userId, String projectId, String roleId, String action) {
        return client.asService("PUT", grantUrl(userId, projectId, roleId), null, action).ok();
    }

    /** False when the user did not hold the role there (404). */
    boolean revokeGrant(String userId, String projectId, String roleId, String action) {
        return client.asService("DELETE", grantUrl(userId, projectId, roleId), null, action).ok();
    }

    /** Project-scoped user assignments matching the filters, e.g. {@code user.id}, {@code effective} (value ""). */
    List<Grant> grants(Map<String, String> filters, String action) {
        HttpUrl.Builder url = client.url("role_assignments").addQueryParameter("include_names", "true");
        filters.forEach((name, value) -> url.addQueryParameter(name, value.isEmpty() ? null : value));
        List<Grant> grants = new ArrayList<>();
        for (JsonNode assignment : client.asService("GET", url.build(), null, action).body().path("role_assignments")) {
            JsonNode project = assignment.path("scope").path("project");
            JsonNode user = assignment.path("user");
            if (project.isObject() && user.isObject()) {
                grants.add(new Grant(user.path("id").asText(), user.path("name").asText(), project.path("id").asText(),
                        project.path("name").asText(), project.path("domain").path("id").asText(),
                        assignment.path("role").path("id").asText(), assignment.path("role").path("name").asText()));
            }
        }
        return grants;
    }

    /** The admin project and role ids; creates missing project roles (and their implications) on first use. */
    synchronized Layout layout() {
        if (layout == null) {
            layout = loadLayout();
        }
        return layout;
    }

    private Layout loadLayout() {
        String adminProjectId = findProject(config.adminProject()).map(ProjectRef::id).orElseThrow(() -> LakeException.of(
                ErrorCode.METADATA_FAILURE, "Cannot find the admin project %s in Keystone domain %s; check ZONELAKE_IDENTITY_KEYSTONE_ADMIN_PROJECT",
                config.adminProject(), config.domain()));
        Map<String, String> roleIds = roleIdsByName();
        Map<ProjectRole, String> projectRoles = new EnumMap<>(ProjectRole.class);
        for (ProjectRole role : ProjectRole.values()) {
            projectRoles.put(role, roleIds.computeIfAbsent(config.roleName(role), this::createRole));
        }
        // A project admin is also a member, a member also a reader, for every OpenStack service reading the token
        // (Swift's operator roles, for one). Keystone's own bootstrap already makes admin imply member imply reader.
        imply(projectRoles.get(ProjectRole.ADMIN), projectRoles.get(ProjectRole.MEMBER));
        imply(projectRoles.get(ProjectRole.MEMBER), projectRoles.get(ProjectRole.READER));
        String platformAdminRoleId = roleIds.computeIfAbsent(config.platformAdminRole(), this::createRole);
        return new Layout(adminProjectId, platformAdminRoleId, Map.copyOf(projectRoles));
    }

    private Map<String, String> roleIdsByName() {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode role : client.asService("GET", client.url("roles").build(), null, "list roles").body().path("roles")) {
            // Global roles only: a domain-specific role of the same name is not the one the lake means.
            if (role.path("domain_id").isNull() || role.path("domain_id").isMissingNode()) {
                ids.put(role.path("name").asText(), role.path("id").asText());
            }
        }
        return ids;
    }

    private String createRole(String name) {
        ObjectNode body = client.object();
        body.putObject("role").put("name", name);
        Reply reply = client.asService("POST", client.url("roles").build(), body, "create role " + name);
        if (reply.status() == 409) {
            // Created by another instance in the meantime.
            return requireNonNull(roleIdsByName().get(name), "role " + name + " vanished");
        }
        return reply.body().path("role").path("id").asText();
    }

    private void imply(String priorRoleId, String impliedRoleId) {
        HttpUrl url = client.url("roles").addPathSegment(priorRoleId).addPathSegment("implies").addPathSegment(impliedRoleId).build();
        client.asService("PUT", url, null, "make role " + priorRoleId + " imply role " + impliedRoleId);
    }

    private HttpUrl grantUrl(String userId, String projectId, String roleId) {
        return client.url("projects").addPathSegment(projectId).addPathSegment("users").addPathSegment(userId)
                .addPathSegment("roles").addPathSegment(roleId).build();
    }

    private static User user(JsonNode user) {
        return new User(user.path("id").asText(), user.path("name").asText(), user.path("email").asText(""),
                user.path("enabled").asBoolean(true), createdAt(user));
    }

    private static ProjectRef project(JsonNode project) {
        return new ProjectRef(project.path("id").asText(), project.path("name").asText(), project.path("description").asText(""),
                createdAt(project));
    }

    /** When the lake created it; the epoch for what was created outside the lake (Keystone records no time). */
    private static Instant createdAt(JsonNode node) {
        JsonNode value = node.path(CREATED_AT);
        return value.isTextual() ? instant(value) : Instant.EPOCH;
    }

    private static Instant instant(JsonNode value) {
        try {
            return Instant.parse(value.asText());
        } catch (RuntimeException e) {
            throw LakeException.of(ErrorCode.METADATA_FAILURE, "Cannot read a time from Keystone: '%s' is not an ISO-8601 instant", value.asText());
        }
    }
}
