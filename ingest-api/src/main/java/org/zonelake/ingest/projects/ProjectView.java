package org.zonelake.ingest.projects;

import java.time.Instant;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.Project;
import org.zonelake.core.identity.ProjectRole;

/**
 * A project as its users see it, with the caller's role in it. Platform admins hold every right everywhere, so
 * their role is {@code admin} in every project.
 */
public record ProjectView(String name, String description, Instant createdAt, String role) {
    public static ProjectView of(Project project, Principal caller) {
        ProjectRole role = caller.platformAdmin() ? ProjectRole.ADMIN : caller.roleIn(project.name()).orElse(null);
        return new ProjectView(project.name(), project.description(), project.createdAt(), role == null ? null : role.wireName());
    }
}
