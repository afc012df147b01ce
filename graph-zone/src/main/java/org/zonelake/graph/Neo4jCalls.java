package org.zonelake.graph;

import java.util.function.Supplier;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * The boundary between the driver and the lake. A server that cannot be reached, refuses the credentials, or fails
 * transiently is {@code GOLD_ZONE_UNAVAILABLE} (callers retry); a uniqueness violation is the data's fault
 * ({@code INVALID_DATA}); any other client error is a statement the lake got wrong ({@code INTERNAL}).
 */
final class Neo4jCalls {
    private static final String CONSTRAINT_VIOLATION = "Neo.ClientError.Schema.ConstraintValidationFailed";

    private Neo4jCalls() {}

    static <T> T call(Supplier<T> action, String format, Object... args) {
        try {
            return action.get();
        } catch (Neo4jException e) {
            throw translated(e, String.format(format, args));
        }
    }

    static void run(Runnable action, String format, Object... args) {
        call(() -> {
            action.run();
            return null;
        }, format, args);
    }

    static LakeException translated(Neo4jException e, String attempt) {
        if (e instanceof AuthenticationException) {
            return new LakeException(ErrorCode.GOLD_ZONE_UNAVAILABLE, attempt + ": Neo4j refused the credentials: " + e.getMessage(), e);
        }
        if (e instanceof ClientException && CONSTRAINT_VIOLATION.equals(e.code())) {
            return new LakeException(ErrorCode.INVALID_DATA, attempt + ": " + e.getMessage(), e);
        }
        if (e instanceof ClientException) {
            return new LakeException(ErrorCode.INTERNAL, attempt + ": Neo4j rejected the statement: " + e.getMessage(), e);
        }
        return new LakeException(ErrorCode.GOLD_ZONE_UNAVAILABLE, attempt + ": " + e.getMessage(), e);
    }
}
