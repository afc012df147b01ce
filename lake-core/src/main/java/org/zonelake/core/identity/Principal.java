package org.zonelake.core.identity;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/** An authenticated user: name, platform-admin flag and role per project. */
public record Principal(String username, boolean platformAdmin, Map<String, ProjectRole> projectRoles) {
    public Principal {
        requireNonNull(username, "username is null");
        projectRoles = Map.copyOf(requireNonNull(projectRoles, "projectRoles is null"));
    }

    public Optional<ProjectRole> roleIn(String project) {
        return Optional.ofNullable(projectRoles.get(project));
    }

    /** Platform admins hold every right in every project. */
    public boolean has(String project, ProjectRole needed) {
        return platformAdmin || roleIn(project).map(role -> role.includes(needed)).orElse(false);
    }
}
