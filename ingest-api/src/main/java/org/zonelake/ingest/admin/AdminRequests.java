package org.zonelake.ingest.admin;

/** Bodies of the admin endpoints. {@code toString()} never shows a password. */
final class AdminRequests {
    private AdminRequests() {}

    /** {@code POST /api/v1/admin/users}. */
    record NewUserRequest(String username, String password, String email, Boolean platformAdmin) {
        @Override
        public String toString() {
            return "NewUserRequest[username=" + username + ", email=" + email + ", platformAdmin=" + platformAdmin + "]";
        }
    }

    /** {@code PATCH /api/v1/admin/users/{username}}. */
    record UserPatch(Boolean enabled) {}

    /** {@code POST /api/v1/admin/users/{username}/password}. */
    record PasswordReset(String password) {
        @Override
        public String toString() {
            return "PasswordReset[]";
        }
    }

    /** {@code POST /api/v1/admin/users/{username}/assignments}. */
    record AssignmentRequest(String project, String role) {}
}
