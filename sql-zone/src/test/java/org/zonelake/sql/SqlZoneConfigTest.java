package org.zonelake.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class SqlZoneConfigTest {
    @Test
    void defaultsToTheEmbeddedDatabaseAsUserZonelakeWithoutPassword() {
        SqlZoneConfig config = SqlZoneConfig.from(ConfigSource.of(Map.of()));

        assertThat(config).isEqualTo(SqlZoneConfig.defaults());
        assertThat(config.embedded()).isTrue();
        assertThat(config.jdbcUrl()).isEmpty();
        assertThat(config.user()).isEqualTo("zonelake");
        assertThat(config.password()).isEmpty();
        assertThat(config.dialect()).isEqualTo(SqlDialect.H2);
        assertThat(SqlZoneConfig.embeddedDirectory(Path.of("/var/lib/zonelake"))).isEqualTo(Path.of("/var/lib/zonelake/sql"));
    }

    @Test
    void readsUrlUserAndPasswordFromTheEnvironment() {
        SqlZoneConfig config = SqlZoneConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_SQL_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/lake",
                "ZONELAKE_SQL_USER", "lake",
                "ZONELAKE_SQL_PASSWORD", "s3cret")));

        assertThat(config.embedded()).isFalse();
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/lake");
        assertThat(config.user()).isEqualTo("lake");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
    }

    @Test
    void treatsABlankUrlAsTheEmbeddedDatabase() {
        assertThat(SqlZoneConfig.from(ConfigSource.of(Map.of("ZONELAKE_SQL_JDBC_URL", "  "))).embedded()).isTrue();
    }

    @Test
    void neverPrintsThePasswordNeitherGivenNorInTheUrl() {
        SqlZoneConfig config = new SqlZoneConfig("jdbc:postgresql://127.0.0.1/lake?user=lake&password=hidden1&ssl=false", "lake", "hidden2");

        assertThat(config.toString()).doesNotContain("hidden1").doesNotContain("hidden2")
                .contains("jdbc:postgresql://127.0.0.1/lake?user=lake&password=***&ssl=false").contains("password=***]");
        assertThat(new SqlZoneConfig("jdbc:postgresql://lake:hidden3@127.0.0.1/lake", "lake", "").toString()).doesNotContain("hidden3");
    }

    @Test
    void rejectsAUrlOfAnotherDatabaseNamingTheSettingButNotThePassword() {
        assertThatThrownBy(() -> new SqlZoneConfig("jdbc:mysql://127.0.0.1/lake?password=hidden", "lake", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_SQL_JDBC_URL").hasMessageNotContaining("hidden");
    }
}
