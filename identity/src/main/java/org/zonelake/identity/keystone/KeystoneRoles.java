package org.zonelake.identity.keystone;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.Project;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.identity.RoleAssignment;
import org.zonelake.identity.keystone.KeystoneDirectory.Grant;
import org.zonelake.identity.keystone.KeystoneDirectory.Layout;

/**
 * How Keystone's role assignments read as the lake's roles: a configured role on a project of the domain (other
 * than the admin project) is a {@link ProjectRole} there; the platform-admin role on the admin project makes a
 * platform admin. Other roles and scopes (domain, system, other domains) mean nothing to the lake.
 */
final class KeystoneRoles {
    private final KeystoneConfig config;
    private final KeystoneDirectory directory;

    KeystoneRoles(KeystoneConfig config, KeystoneDirectory directory) {
        this.config = requireNonNull(config, "config is null");
        this.directory = requireNonNull(directory, "directory is null");
    }

    /** The user's effective roles (through groups and implied roles too), the highest per project. */
    Principal principalOf(String userId, String username) {
        Layout layout = directory.layout();
        Map<String, ProjectRole> roles = rolesById(layout);
        List<Grant> grants = directory.grants(Map.of("user.id", userId, "effective", ""), "read the roles of " + username);
        boolean platformAdmin = grants.stream().anyMatch(grant -> isPlatformAdminGrant(grant, layout));
        Map<String, ProjectRole> projectRoles = grants.stream()
                .filter(grant -> isLakeGrant(grant, layout) && roles.containsKey(grant.roleId()))
                .collect(Collectors.toMap(Grant::projectName, grant -> roles.get(grant.roleId()),
                        (one, other) -> one.includes(other) ? one : other));
        return new Principal(username, platformAdmin, projectRoles);
    }

    /** The user's direct assignments of lake roles on lake projects (not those through groups or implied roles). */
    List<RoleAssignment> directAssignments(String userId, String username) {
        Layout layout = directory.layout();
        Map<String, ProjectRole> roles = rolesById(layout);
        return directory.grants(Map.of("user.id", userId), "list the role assignments of " + username).stream()
                .filter(grant -> isLakeGrant(grant, layout) && roles.containsKey(grant.roleId()))
                .map(grant -> new RoleAssignment(username, grant.projectName(), roles.get(grant.roleId())))
                .sorted(Comparator.comparing(RoleAssignment::project).thenComparing(RoleAssignment::role))
                .toList();
    }

    /** Every assignment of a lake role on a lake project, of any user, existing or not. */
    List<Grant> lakeGrants() {
        Layout layout = directory.layout();
        Map<String, ProjectRole> roles = rolesById(layout);
        return directory.grants(Map.of(), "list role assignments").stream()
                .filter(grant -> isLakeGrant(grant, layout) && roles.containsKey(grant.roleId()))
                .toList();
    }

    boolean isPlatformAdmin(String userId) {
        Layout layout = directory.layout();
        return !directory.grants(Map.of("user.id", userId, "scope.project.id", layout.adminProjectId(),
                "role.id", layout.platformAdminRoleId(), "effective", ""), "read the platform-admin role").isEmpty();
    }

    Set<String> platformAdminIds() {
        Layout layout = directory.layout();
        List<Grant> grants = directory.grants(Map.of("scope.project.id", layout.adminProjectId(),
                "role.id", layout.platformAdminRoleId(), "effective", ""), "list the platform admins");
        return grants.stream().map(Grant::userId).collect(Collectors.toCollection(HashSet::new));
    }

    /** A project of the domain that the lake sees as one of its projects. */
    boolean isLakeProject(String projectId, String projectName) {
        return !projectId.equals(directory.layout().adminProjectId()) && Project.isValidName(projectName);
    }

    private boolean isLakeGrant(Grant grant, Layout layout) {
        return config.domain().equals(grant.projectDomainId()) && !grant.projectId().equals(layout.adminProjectId())
                && Project.isValidName(grant.projectName());
    }

    private static boolean isPlatformAdminGrant(Grant grant, Layout layout) {
        return grant.projectId().equals(layout.adminProjectId()) && grant.roleId().equals(layout.platformAdminRoleId());
    }

    private static Map<String, ProjectRole> rolesById(Layout layout) {
        Map<String, ProjectRole> roles = new HashMap<>();
        layout.roleIds().forEach((role, id) -> roles.put(id, role));
        return roles;
    }
}
