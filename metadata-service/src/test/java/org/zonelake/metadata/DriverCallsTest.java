package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

class DriverCallsTest {
    @Test
    void turnsADriverFailureIntoAMetadataFailureThatKeepsTheCause() {
        MongoTimeoutException timeout = new MongoTimeoutException("no server");

        assertThatThrownBy(() -> DriverCalls.call(() -> {
            throw timeout;
        }, "Cannot read object %d of project %s", 7L, "alpha"))
                .isInstanceOfSatisfying(LakeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.METADATA_FAILURE);
                    assertThat(e.getMessage()).isEqualTo("Cannot read object 7 of project alpha: no server");
                    assertThat(e.getCause()).isSameAs(timeout);
                });
    }

    @Test
    void letsLakeExceptionsThrough() {
        LakeException notFound = new LakeException(ErrorCode.OBJECT_NOT_FOUND, "gone");

        assertThatThrownBy(() -> DriverCalls.run(() -> {
            throw notFound;
        }, "Cannot do it")).isSameAs(notFound);
    }

    @Test
    void recognisesDuplicateKeyErrors() {
        assertThat(DriverCalls.isDuplicateKey(new MongoException(11000, "E11000 duplicate key"))).isTrue();
        assertThat(DriverCalls.isDuplicateKey(new MongoException(50, "time limit"))).isFalse();
    }
}
