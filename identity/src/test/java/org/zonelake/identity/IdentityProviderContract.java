package org.zonelake.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuthToken;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.NewUser;
import org.zonelake.core.identity.Principal;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.core.identity.RoleAssignment;
import org.zonelake.core.identity.UserAccount;

/**
 * What every {@link IdentityProvider} adapter must do. Adapters extend this once per backend (embedded, real
 * server). The suite only creates users and projects with unique names, so it can share a backend with other
 * data; it never relies on the backend being empty.
 */
public abstract class IdentityProviderContract {
    protected static final String PASSWORD = "correct horse battery";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The provider under test; the same instance for the whole test method. */
    protected abstract IdentityProvider provider();

    /** A user, project or other name not used before, valid as both a user and a project name. */
    protected static String uniqueName(String prefix) {
        return (prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    /** Creates an enabled, non-admin user with {@link #PASSWORD}; returns the name. */
    protected String newUser() {
        return provider().createUser(new NewUser(uniqueName("user"), PASSWORD, "someone@example.org", false)).username();
    }

    protected String newProject() {
        return provider().createProject(uniqueName("project"), "a test project").name();
    }

    protected static LakeException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(LakeException.class);
        return (LakeException) thrown;
    }

    protected static void assertFailsWith(ErrorCode code, ThrowingCallable call) {
        assertThat(failure(call).code()).isEqualTo(code);
    }

    @Test
    void loginReturnsATokenThatAuthenticatesAsTheUser() {
        String user = newUser();

        AuthToken token = provider().login(user, PASSWORD);
        Principal principal = provider().authenticate(token.token());

        assertThat(principal.username()).isEqualTo(user);
        assertThat(principal.platformAdmin()).isFalse();
        assertThat(principal.projectRoles()).isEmpty();
        assertThat(token.principal()).isEqualTo(principal);
        assertThat(token.expiresAt()).isAfter(token.issuedAt());
    }

    @Test
    void aPlatformAdminIsMarkedInThePrincipal() {
        String admin = provider().createUser(new NewUser(uniqueName("admin"), PASSWORD, null, true)).username();

        Principal principal = provider().authenticate(provider().login(admin, PASSWORD).token());

        assertThat(principal.platformAdmin()).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike() {
        String user = newUser();

        LakeException wrongPassword = failure(() -> provider().login(user, "not the password"));
        LakeException unknownUser = failure(() -> provider().login(uniqueName("nobody"), PASSWORD));

        assertThat(wrongPassword.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(unknownUser.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(wrongPassword.getMessage()).isEqualTo(unknownUser.getMessage());
    }

    @Test
    void unknownTokenIsNotAuthenticated() {
        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider().authenticate("no-such-token"));
    }

    @Test
    void disabledUserCannotLogInAndTheirExistingTokenStopsWorking() {
        String user = newUser();
        String token = provider().login(user, PASSWORD).token();
        provider().authenticate(token);

        provider().setEnabled(user, false);

        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider().authenticate(token));
        assertFailsWith(ErrorCode.ACCOUNT_DISABLED, () -> provider().login(user, PASSWORD));
        assertFailsWith(ErrorCode.INVALID_CREDENTIALS, () -> provider().login(user, "not the password"));
        assertThat(provider().findUser(user)).get().extracting(UserAccount::enabled).isEqualTo(false);
    }

    @Test
    void reEnabledUserCanLogInAgain() {
        String user = newUser();
        provider().setEnabled(user, false);

        provider().setEnabled(user, true);

        assertThat(provider().authenticate(provider().login(user, PASSWORD).token()).username()).isEqualTo(user);
    }

    @Test
    void deletedUsersTokenStopsWorking() {
        String user = newUser();
        String token = provider().login(user, PASSWORD).token();
        provider().authenticate(token);

        provider().deleteUser(user);

        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider().authenticate(token));
        assertFailsWith(ErrorCode.INVALID_CREDENTIALS, () -> provider().login(user, PASSWORD));
        assertThat(provider().findUser(user)).isEmpty();
    }

    @Test
    void resetPasswordRevokesOldTokensAndTheNewPasswordWorks() {
        String user = newUser();
        String oldToken = provider().login(user, PASSWORD).token();
        provider().authenticate(oldToken);

        provider().resetPassword(user, "a new password");

        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider().authenticate(oldToken));
        assertFailsWith(ErrorCode.INVALID_CREDENTIALS, () -> provider().login(user, PASSWORD));
        assertThat(provider().authenticate(provider().login(user, "a new password").token()).username()).isEqualTo(user);
    }

    @Test
    void resetPasswordRejectsAWeakPasswordAndKeepsTheOldOne() {
        String user = newUser();

        assertFailsWith(ErrorCode.INVALID_REQUEST, () -> provider().resetPassword(user, "short"));

        assertThat(provider().login(user, PASSWORD).principal().username()).isEqualTo(user);
    }

    @Test
    void changesToAnUnknownUserFailWithUserNotFound() {
        String nobody = uniqueName("nobody");

        assertFailsWith(ErrorCode.USER_NOT_FOUND, () -> provider().setEnabled(nobody, false));
        assertFailsWith(ErrorCode.USER_NOT_FOUND, () -> provider().deleteUser(nobody));
        assertFailsWith(ErrorCode.USER_NOT_FOUND, () -> provider().resetPassword(nobody, "a new password"));
    }

    @Test
    void grantAndRevokeChangeThePrincipalsRolesAtOnce() {
        String user = newUser();
        String project = newProject();
        String token = provider().login(user, PASSWORD).token();
        assertThat(provider().authenticate(token).roleIn(project)).isEmpty();

        provider().grant(user, project, ProjectRole.MEMBER);
        assertThat(provider().authenticate(token).projectRoles()).isEqualTo(Map.of(project, ProjectRole.MEMBER));

        assertThat(provider().revoke(user, project, ProjectRole.MEMBER)).isTrue();
        assertThat(provider().authenticate(token).roleIn(project)).isEmpty();
    }

    @Test
    void revokingARoleTheUserDoesNotHoldReturnsFalse() {
        String user = newUser();
        String project = newProject();
        provider().grant(user, project, ProjectRole.READER);

        assertThat(provider().revoke(user, project, ProjectRole.ADMIN)).isFalse();
        assertThat(provider().assignments(user)).containsExactly(new RoleAssignment(user, project, ProjectRole.READER));
    }

    @Test
    void grantIsIdempotent() {
        String user = newUser();
        String project = newProject();

        provider().grant(user, project, ProjectRole.READER);
        provider().grant(user, project, ProjectRole.READER);

        assertThat(provider().assignments(user)).containsExactly(new RoleAssignment(user, project, ProjectRole.READER));
    }

    @Test
    void principalHoldsTheHighestRoleGrantedInAProject() {
        String user = newUser();
        String project = newProject();
        String other = newProject();
        provider().grant(user, project, ProjectRole.READER);
        provider().grant(user, project, ProjectRole.ADMIN);
        provider().grant(user, other, ProjectRole.MEMBER);

        Principal principal = provider().authenticate(provider().login(user, PASSWORD).token());

        assertThat(principal.projectRoles()).isEqualTo(Map.of(project, ProjectRole.ADMIN, other, ProjectRole.MEMBER));
    }

    @Test
    void grantToAnUnknownUserOrProjectFails() {
        String user = newUser();
        String project = newProject();

        assertFailsWith(ErrorCode.USER_NOT_FOUND, () -> provider().grant(uniqueName("nobody"), project, ProjectRole.READER));
        assertFailsWith(ErrorCode.PROJECT_NOT_FOUND, () -> provider().grant(user, uniqueName("nowhere"), ProjectRole.READER));
        assertThat(provider().assignments(user)).isEmpty();
    }

    @Test
    void creatingAUserTwiceFailsWithUserExists() {
        String user = newUser();

        assertFailsWith(ErrorCode.USER_EXISTS, () -> provider().createUser(new NewUser(user, "another password", null, false)));
        assertThat(provider().login(user, PASSWORD).principal().username()).isEqualTo(user);
    }

    @Test
    void creatingAProjectTwiceFailsWithProjectExists() {
        String project = newProject();

        assertFailsWith(ErrorCode.PROJECT_EXISTS, () -> provider().createProject(project, "again"));
        assertThat(provider().findProject(project)).get().extracting(p -> p.description()).isEqualTo("a test project");
    }

    @Test
    void invalidProjectNameIsRejected() {
        assertFailsWith(ErrorCode.INVALID_NAME, () -> provider().createProject("Not A Valid Name!", ""));
        assertFailsWith(ErrorCode.INVALID_NAME, () -> provider().createProject("../etc", ""));
        assertFailsWith(ErrorCode.INVALID_NAME, () -> provider().createProject("", ""));
    }

    @Test
    void createdUsersAndProjectsAreFoundAndListed() {
        String user = newUser();
        String project = newProject();

        UserAccount account = provider().findUser(user).orElseThrow();
        assertThat(account.email()).isEqualTo("someone@example.org");
        assertThat(account.enabled()).isTrue();
        assertThat(account.platformAdmin()).isFalse();
        assertThat(provider().listUsers()).extracting(UserAccount::username).contains(user);
        assertThat(provider().findProject(project)).isPresent();
        assertThat(provider().listProjects()).extracting(p -> p.name()).contains(project);
        assertThat(provider().findUser(uniqueName("nobody"))).isEmpty();
        assertThat(provider().findProject(uniqueName("nowhere"))).isEmpty();
    }

    @Test
    void assignmentsOfADeletedUserAreListedUntilPurged() {
        String user = newUser();
        String project = newProject();
        String other = newProject();
        provider().grant(user, project, ProjectRole.MEMBER);
        provider().grant(user, other, ProjectRole.READER);
        String survivor = newUser();
        provider().grant(survivor, project, ProjectRole.READER);

        provider().deleteUser(user);
        assertThat(provider().assignments(user)).containsExactlyInAnyOrder(
                new RoleAssignment(user, project, ProjectRole.MEMBER), new RoleAssignment(user, other, ProjectRole.READER));

        assertThat(provider().purgeOrphanAssignments()).isGreaterThanOrEqualTo(2);
        assertThat(provider().assignments(user)).isEmpty();
        assertThat(provider().assignments(survivor)).containsExactly(new RoleAssignment(survivor, project, ProjectRole.READER));
    }

    @Test
    void aRecreatedUserDoesNotInheritTheRolesOfADeletedNamesake() {
        String user = newUser();
        String project = newProject();
        provider().grant(user, project, ProjectRole.ADMIN);
        provider().deleteUser(user);

        provider().createUser(new NewUser(user, PASSWORD, null, false));

        assertThat(provider().authenticate(provider().login(user, PASSWORD).token()).projectRoles()).isEmpty();
        assertThat(provider().assignments(user)).isEmpty();
    }

    @Test
    void revokingATokenLogsOut() {
        String user = newUser();
        String token = provider().login(user, PASSWORD).token();
        String otherSession = provider().login(user, PASSWORD).token();
        provider().authenticate(token);

        provider().revoke(token);

        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider().authenticate(token));
        assertThat(provider().authenticate(otherSession).username()).isEqualTo(user);
    }

    @Test
    void revokingAnUnknownTokenIsIgnored() {
        provider().revoke("no-such-token");

        assertFailsWith(ErrorCode.NOT_AUTHENTICATED, () -> provider().authenticate("no-such-token"));
    }
}
