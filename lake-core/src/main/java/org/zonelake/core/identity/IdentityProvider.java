package org.zonelake.core.identity;

import java.util.List;
import java.util.Optional;

/**
 * Users, projects, roles and tokens. Failures are {@code LakeException}s with the codes named below.
 * Adapters: the built-in provider (metadata zone) and Keystone.
 */
public interface IdentityProvider {
    /** Checks the password and issues an expiring token. {@code INVALID_CREDENTIALS}, {@code ACCOUNT_DISABLED}. */
    AuthToken login(String username, String password);

    /**
     * The principal behind a token, with its current roles. {@code NOT_AUTHENTICATED} for an unknown or revoked
     * token or a disabled or deleted user, {@code TOKEN_EXPIRED} for an expired one.
     */
    Principal authenticate(String token);

    /** Revokes the token (logout); unknown tokens are ignored. */
    void revoke(String token);

    List<Project> listProjects();

    Optional<Project> findProject(String name);

    /** {@code PROJECT_EXISTS} if taken. */
    Project createProject(String name, String description);

    List<UserAccount> listUsers();

    Optional<UserAccount> findUser(String username);

    /** {@code USER_EXISTS} if taken. */
    UserAccount createUser(NewUser user);

    /** Enables or disables the user; disabling revokes their tokens. {@code USER_NOT_FOUND}. */
    void setEnabled(String username, boolean enabled);

    /** Deletes the user and revokes their tokens; their role assignments stay until purged. {@code USER_NOT_FOUND}. */
    void deleteUser(String username);

    /** Sets a new password and revokes the user's tokens. {@code USER_NOT_FOUND}. */
    void resetPassword(String username, String newPassword);

    /** Grants the role (idempotent). {@code USER_NOT_FOUND}, {@code PROJECT_NOT_FOUND}. */
    void grant(String username, String project, ProjectRole role);

    /** Revokes the role; false if the user did not hold it. */
    boolean revoke(String username, String project, ProjectRole role);

    /** The user's role assignments, also for a deleted user whose assignments were not purged yet. */
    List<RoleAssignment> assignments(String username);

    /** Removes the role assignments of users that no longer exist; returns how many were removed. */
    int purgeOrphanAssignments();
}
