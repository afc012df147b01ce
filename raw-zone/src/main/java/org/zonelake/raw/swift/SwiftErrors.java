package org.zonelake.raw.swift;

import java.io.IOException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/** Swift's answers and transport failures as the raw zone's error codes. */
final class SwiftErrors {
    private static final int DETAIL_CHARS = 300;

    private SwiftErrors() {
    }

    /** An unexpected status: 404 not found, 413/507 full, 416 range, anything else a storage failure. */
    static LakeException status(String action, Response response) {
        String message = "Cannot " + action + ": Swift answered HTTP " + response.code() + " " + response.message() + detail(response);
        return new LakeException(codeOf(response.code()), message);
    }

    /** Swift could not be reached, or the connection broke. */
    static LakeException unreachable(String action, IOException e) {
        return new LakeException(ErrorCode.STORAGE_FAILURE, "Cannot " + action + ": Swift is unreachable (" + e + ")", e);
    }

    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 404 -> ErrorCode.OBJECT_NOT_FOUND;
            case 413, 507 -> ErrorCode.STORAGE_FULL;
            case 416 -> ErrorCode.RANGE_NOT_SATISFIABLE;
            default -> ErrorCode.STORAGE_FAILURE;
        };
    }

    /** The start of Swift's error text (it names the failing segment of a manifest, for instance); never a token. */
    private static String detail(Response response) {
        ResponseBody body = response.body();
        if (body == null) {
            return "";
        }
        try {
            BufferedSource source = body.source();
            source.request(DETAIL_CHARS);
            String text = source.getBuffer().readUtf8(Math.min(DETAIL_CHARS, source.getBuffer().size()));
            text = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
            return text.isEmpty() ? "" : " (" + text + ")";
        } catch (IOException | IllegalStateException e) {
            return "";
        }
    }
}
