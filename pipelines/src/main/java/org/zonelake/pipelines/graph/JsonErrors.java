package org.zonelake.pipelines.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/** Jackson's parse errors as a sentence for a user: where, and what, without Jackson's notes about its own settings. */
public final class JsonErrors {
    private static final Pattern REDACTED_SOURCE = Pattern.compile("Source: REDACTED \\([^)]*\\); ");

    private JsonErrors() {}

    /** "Cannot read the JSON at line 2, column 13: Unexpected close marker ']' ...". */
    public static String describe(JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "Cannot read the JSON" + where + ": " + REDACTED_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
    }
}
