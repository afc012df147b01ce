package org.zonelake.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobArgumentsTest {
    @Test
    void readsTheProjectTheObjectAndTheOptionalPipeline() {
        assertThat(JobArguments.parse("--project", "alpha", "--object-id", "42"))
                .isEqualTo(new JobArguments("alpha", 42, null));
        assertThat(JobArguments.parse("--object-id", "7", "--pipeline", "sql-tabular", "--project", "beta"))
                .isEqualTo(new JobArguments("beta", 7, "sql-tabular"));
    }

    @Test
    void refusesMissingUnknownRepeatedOrMalformedArguments() {
        assertThatThrownBy(() -> JobArguments.parse("--project", "alpha"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--project and --object-id are required");
        assertThatThrownBy(() -> JobArguments.parse("--project", "alpha", "--object", "1"))
                .hasMessage("unknown argument '--object'");
        assertThatThrownBy(() -> JobArguments.parse("--project", "alpha", "--object-id"))
                .hasMessage("--object-id needs a value");
        assertThatThrownBy(() -> JobArguments.parse("--project", "a", "--project", "b", "--object-id", "1"))
                .hasMessage("--project is given twice");
        assertThatThrownBy(() -> JobArguments.parse("--project", "alpha", "--object-id", "0"))
                .hasMessage("--object-id must be a positive number, was 0");
        assertThatThrownBy(() -> JobArguments.parse("--project", " ", "--object-id", "1"))
                .hasMessage("--project is empty");
    }
}
