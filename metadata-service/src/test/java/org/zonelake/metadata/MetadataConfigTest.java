package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zonelake.core.config.ConfigSource;

class MetadataConfigTest {
    @Test
    void defaultsToTheEmbeddedServerAndTheZonelakeDatabase() {
        MetadataConfig config = MetadataConfig.from(ConfigSource.of(Map.of()));

        assertThat(config.embedded()).isTrue();
        assertThat(config.mongodbUrl()).isEmpty();
        assertThat(config.database()).isEqualTo("zonelake");
    }

    @Test
    void readsTheUrlAndDatabaseFromTheEnvironment() {
        MetadataConfig config = MetadataConfig.from(ConfigSource.of(Map.of(
                "ZONELAKE_METADATA_MONGODB_URL", "mongodb://127.0.0.1:27017/?replicaSet=rs0",
                "ZONELAKE_METADATA_DATABASE", "lake_test")));

        assertThat(config.embedded()).isFalse();
        assertThat(config.mongodbUrl()).isEqualTo("mongodb://127.0.0.1:27017/?replicaSet=rs0");
        assertThat(config.database()).isEqualTo("lake_test");
    }

    @Test
    void treatsABlankUrlAsTheEmbeddedServer() {
        assertThat(MetadataConfig.from(ConfigSource.of(Map.of("ZONELAKE_METADATA_MONGODB_URL", "  "))).embedded()).isTrue();
    }

    @Test
    void neverPrintsThePassword() {
        MetadataConfig config = new MetadataConfig("mongodb://lake:s3cret@127.0.0.1:27017/admin", "zonelake");

        assertThat(config.toString()).doesNotContain("s3cret").contains("mongodb://lake:***@127.0.0.1:27017/admin");
    }

    @Test
    void rejectsAUrlThatIsNotMongodbAndAnInvalidDatabaseName() {
        assertThatThrownBy(() -> new MetadataConfig("http://u:pw@127.0.0.1", "zonelake"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_METADATA_MONGODB_URL").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> new MetadataConfig("", "a.b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ZONELAKE_METADATA_DATABASE");
    }
}
