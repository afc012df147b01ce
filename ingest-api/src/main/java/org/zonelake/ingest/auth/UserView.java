package org.zonelake.ingest.auth;

import java.util.Comparator;
import java.util.List;
import org.zonelake.core.identity.Principal;

/** Who a token belongs to, as login and "who am I" answer it. */
public record UserView(String username, boolean platformAdmin, List<ProjectRoleView> projects) {
    public UserView {
        projects = List.copyOf(projects);
    }

    public static UserView of(Principal principal) {
        List<ProjectRoleView> projects = principal.projectRoles().entrySet().stream()
                .map(e -> new ProjectRoleView(e.getKey(), e.getValue().wireName()))
                .sorted(Comparator.comparing(ProjectRoleView::project))
                .toList();
        return new UserView(principal.username(), principal.platformAdmin(), projects);
    }

    /** A role the user holds in a project ({@code reader}, {@code member} or {@code admin}). */
    public record ProjectRoleView(String project, String role) {}
}
