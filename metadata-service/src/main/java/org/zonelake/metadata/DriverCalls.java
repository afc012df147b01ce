package org.zonelake.metadata;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import java.util.function.Supplier;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** The boundary between the driver and the lake: driver failures become {@code METADATA_FAILURE}. */
final class DriverCalls {
    private DriverCalls() {}

    /** Runs a driver call; a {@link MongoException} becomes a {@code LakeException} saying what was attempted. */
    static <T> T call(Supplier<T> action, String format, Object... args) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw failure(e, format, args);
        }
    }

    static void run(Runnable action, String format, Object... args) {
        call(() -> {
            action.run();
            return null;
        }, format, args);
    }

    static LakeException failure(MongoException e, String format, Object... args) {
        return new LakeException(ErrorCode.METADATA_FAILURE, String.format(format, args) + ": " + e.getMessage(), e);
    }

    static boolean isDuplicateKey(MongoException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
