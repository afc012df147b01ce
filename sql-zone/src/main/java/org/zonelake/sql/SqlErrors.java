package org.zonelake.sql;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Translates JDBC failures into lake errors at the store's boundary. */
final class SqlErrors {
    // Drivers quote whole statements with their values in some messages: keep problems readable.
    private static final int MAX_DETAIL = 500;

    private SqlErrors() {}

    static LakeException translate(SQLException e, String format, Object... args) {
        return new LakeException(codeOf(e), String.format(format, args) + ": " + detail(e), e);
    }

    /**
     * Data exceptions (SQLSTATE class 22: a value out of range, too long, malformed) are the user's; a lost or
     * refused connection, a server shutting down, a deadlock or any other server failure is external and worth a
     * retry; syntax and access errors (class 42) are ours.
     */
    static ErrorCode codeOf(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return ErrorCode.GOLD_ZONE_UNAVAILABLE;
        }
        String state = state(e);
        if (state.startsWith("22")) {
            return ErrorCode.INVALID_DATA;
        }
        if (state.startsWith("42")) {
            return ErrorCode.INTERNAL;
        }
        return ErrorCode.GOLD_ZONE_UNAVAILABLE;
    }

    /** The first SQLSTATE in the chain: a batch failure carries the row's own failure as its next exception. */
    private static String state(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (current.getSQLState() != null) {
                return current.getSQLState();
            }
        }
        return "";
    }

    private static String detail(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        String message = String.valueOf(cause.getMessage());
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "...";
    }
}
