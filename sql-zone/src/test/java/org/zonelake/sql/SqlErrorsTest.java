package org.zonelake.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.ErrorType;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.Provenance;
import org.zonelake.core.gold.sql.WriteMode;

class SqlErrorsTest {
    @Test
    void blamesTheUserForDataExceptionsAndTheServerForLostConnections() {
        assertThat(SqlErrors.codeOf(new SQLException("numeric field overflow", "22003"))).isEqualTo(ErrorCode.INVALID_DATA);
        assertThat(SqlErrors.codeOf(new SQLException("connection failure", "08006"))).isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE);
        assertThat(SqlErrors.codeOf(new SQLTransientConnectionException("pool timed out"))).isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE);
        assertThat(SqlErrors.codeOf(new SQLException("terminating connection due to administrator command", "57P01")))
                .isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE);
        assertThat(SqlErrors.codeOf(new SQLException("relation does not exist", "42P01"))).isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    void readsTheStateOfTheRowThatFailedABatch() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("value too long for type character varying(5)", "22001"));

        LakeException translated = SqlErrors.translate(batch, "Cannot write table %s", "sales");

        assertThat(translated.code()).isEqualTo(ErrorCode.INVALID_DATA);
        assertThat(translated).hasMessage("Cannot write table sales: value too long for type character varying(5)");
    }

    @Test
    void reportsAnUnreachableServerAsExternal() throws IOException {
        try (HikariDataSource pool = unreachablePool()) {
            JdbcSqlStore store = new JdbcSqlStore(pool, SqlDialect.POSTGRESQL);

            assertThatThrownBy(() -> store.tables("alpha")).isInstanceOfSatisfying(LakeException.class,
                    e -> assertThat(e.code().type()).isEqualTo(ErrorType.EXTERNAL)).hasMessageContaining("alpha");
            assertThatThrownBy(() -> store.writeTable(new Provenance("alpha", 1, "run-1"), GoldRows.SALES, WriteMode.OWN_TABLE, GoldRows.rows(1, 2)))
                    .isInstanceOfSatisfying(LakeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GOLD_ZONE_UNAVAILABLE));
        }
    }

    private static HikariDataSource unreachablePool() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/lake");
        config.setUsername("lake");
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
