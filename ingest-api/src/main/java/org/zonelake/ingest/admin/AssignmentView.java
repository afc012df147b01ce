package org.zonelake.ingest.admin;

import org.zonelake.core.identity.RoleAssignment;

/** A role assignment on the wire: the role in lower case. */
public record AssignmentView(String username, String project, String role) {
    public static AssignmentView of(RoleAssignment assignment) {
        return new AssignmentView(assignment.username(), assignment.project(), assignment.role().wireName());
    }
}
