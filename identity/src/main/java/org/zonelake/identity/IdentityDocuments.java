package org.zonelake.identity;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.identity.NewUser;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.Project;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.identity.RoleAssignment;
import org.zonelake.core.identity.UserAccount;

/** The documents of the identity collections and the records they hold. Field names are snake_case. */
final class IdentityDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityDocuments.class);

    private IdentityDocuments() {}

    static Document user(NewUser user, String passwordHash, Instant createdAt) {
        return new Document("_id", user.username())
                .append("email", user.email() == null ? "" : user.email())
                .append("password_hash", passwordHash)
                .append("enabled", true)
                .append("platform_admin", user.platformAdmin())
                .append("created_at", Date.from(createdAt));
    }

    static UserAccount account(Document user) {
        return new UserAccount(user.getString("_id"), user.getString("email"), enabled(user),
                user.getBoolean("platform_admin", false), user.getDate("created_at").toInstant());
    }

    static boolean enabled(Document user) {
        return user.getBoolean("enabled", false);
    }

    static Document project(Project project) {
        return new Document("_id", project.name())
                .append("description", project.description())
                .append("created_at", Date.from(project.createdAt()));
    }

    static Project project(Document project) {
        return new Project(project.getString("_id"), project.getString("description"), project.getDate("created_at").toInstant());
    }

    static Document token(String digest, String username, Instant issuedAt, Instant expiresAt) {
        return new Document("_id", digest)
                .append("username", username)
                .append("issued_at", Date.from(issuedAt))
                .append("expires_at", Date.from(expiresAt));
    }

    /** {@code |} cannot occur in user or project names, so the id is unambiguous. */
    static String assignmentId(String username, String project, ProjectRole role) {
        return username + "|" + project + "|" + role.wireName();
    }

    static Document assignment(String username, String project, ProjectRole role) {
        return new Document("_id", assignmentId(username, project, role))
                .append("username", username)
                .append("project", project)
                .append("role", role.wireName());
    }

    static Optional<RoleAssignment> assignment(Document assignment) {
        return role(assignment).map(role -> new RoleAssignment(assignment.getString("username"), assignment.getString("project"), role));
    }

    /** The principal of a user: each project maps to the highest role the user holds in it. */
    static Principal principal(Document user, List<Document> assignments) {
        Map<String, ProjectRole> roles = new HashMap<>();
        for (Document assignment : assignments) {
            role(assignment).ifPresent(role -> roles.merge(assignment.getString("project"), role, IdentityDocuments::higher));
        }
        return new Principal(user.getString("_id"), user.getBoolean("platform_admin", false), roles);
    }

    private static ProjectRole higher(ProjectRole a, ProjectRole b) {
        return a.includes(b) ? a : b;
    }

    private static Optional<ProjectRole> role(Document assignment) {
        String value = assignment.getString("role");
        try {
            return Optional.of(ProjectRole.fromWire(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            // Grants nothing rather than failing every request of the user.
            LOG.warn("Ignoring role assignment {} with unknown role '{}'", assignment.get("_id"), value);
            return Optional.empty();
        }
    }
}
