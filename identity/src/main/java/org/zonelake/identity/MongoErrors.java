package org.zonelake.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.util.function.Supplier;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Translates driver exceptions at the boundary of this module. */
final class MongoErrors {
    private MongoErrors() {}

    static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    static LakeException failure(String action, MongoException e) {
        return new LakeException(ErrorCode.METADATA_FAILURE, "Metadata store failed to " + action + ": " + e.getMessage(), e);
    }

    /** Runs {@code operation}, turning any driver exception into {@code METADATA_FAILURE}. */
    static <T> T call(String action, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw failure(action, e);
        }
    }
}
