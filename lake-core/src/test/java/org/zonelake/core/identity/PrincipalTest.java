package org.zonelake.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrincipalTest {
    @Test
    void higherRolesIncludeLowerOnesWithinTheirProjectOnly() {
        Principal member = new Principal("alice", false, Map.of("lake", ProjectRole.MEMBER));

        assertThat(member.has("lake", ProjectRole.READER)).isTrue();
        assertThat(member.has("lake", ProjectRole.MEMBER)).isTrue();
        assertThat(member.has("lake", ProjectRole.ADMIN)).isFalse();
        assertThat(member.has("other", ProjectRole.READER)).isFalse();
    }

    @Test
    void platformAdminsHoldEveryRoleEverywhere() {
        assertThat(new Principal("root", true, Map.of()).has("any", ProjectRole.ADMIN)).isTrue();
    }

    @Test
    void tokensAndPasswordsNeverShowInToString() {
        AuthToken token = new AuthToken("secret-token", new Principal("a", false, Map.of()), java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        NewUser user = new NewUser("bob", "secret-password", null, false);

        assertThat(token.toString()).doesNotContain("secret-token");
        assertThat(user.toString()).doesNotContain("secret-password");
    }

    @Test
    void projectNamesAreSafeAsContainerSchemaAndFileNames() {
        assertThat(Project.isValidName("field-data_2024")).isTrue();
        assertThat(Project.isValidName("../etc")).isFalse();
        assertThat(Project.isValidName("Field")).isFalse();
        assertThat(Project.isValidName("")).isFalse();
    }
}
