package org.zonelake.core.identity;

import static java.util.Objects.requireNonNull;

/** A user's role in a project. */
public record RoleAssignment(String username, String project, ProjectRole role) {
    public RoleAssignment {
        requireNonNull(username, "username is null");
        requireNonNull(project, "project is null");
        requireNonNull(role, "role is null");
    }
}
