package org.zonelake.pipelines.timeseries;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.zonelake.pipelines.graph.JsonErrors;

/**
 * Streams the records of a JSON object into a staging file, one compact record per line, which Spark then reads
 * splittably. The input is any sequence of top-level values (one object, an array, NDJSON lines, or lines of
 * arrays); each object (or array element) is a document, and with a readings path each element of the array at
 * that path in a document is a record. Only one record is in memory at a time.
 *
 * <p>Why not Spark's own multi-line reader: it turns a whole document (a top-level array, or an object and its
 * readings) into rows in memory at once.
 */
final class JsonRecords {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern DOT = Pattern.compile("\\.");

    private final String[] readingsPath;
    private final String readingsName;
    private long documents;
    private long records;

    private JsonRecords(String readingsPath) {
        this.readingsName = readingsPath == null || readingsPath.isBlank() ? null : readingsPath.trim();
        this.readingsPath = readingsName == null ? null : DOT.split(readingsName);
    }

    /**
     * Writes the records of {@code source} to {@code target}; returns how many. BadRecordException for JSON that is
     * broken or has a record that is not an object, with its line; NotRecordsException if the first is none.
     */
    static long stage(Path source, String readingsPath, Path target) throws IOException {
        return new JsonRecords(readingsPath).copy(source, target);
    }

    private long copy(Path source, Path target) throws IOException {
        try (JsonParser in = JSON.createParser(source.toFile());
             OutputStream file = new BufferedOutputStream(Files.newOutputStream(target));
             JsonGenerator out = JSON.createGenerator(file)) {
            out.setRootValueSeparator(new SerializedString("\n"));
            JsonToken token;
            while ((token = in.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    while (in.nextToken() != JsonToken.END_ARRAY) {
                        document(in, out);
                    }
                } else {
                    document(in, out);
                }
            }
            return records;
        } catch (JsonProcessingException e) {
            throw new BadRecordException(JsonErrors.describe(e));
        }
    }

    private void document(JsonParser in, JsonGenerator out) throws IOException {
        long index = documents++;
        if (index == 0 && in.currentToken() != JsonToken.START_OBJECT) {
            throw new NotRecordsException("the JSON is " + describe(in.currentToken()) + " or a list of them, not records (objects)");
        }
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw new BadRecordException((readingsPath == null ? "Record" : "Document") + " index " + index + " (line "
                    + in.currentTokenLocation().getLineNr() + ") is " + describe(in.currentToken()) + ", not an object");
        }
        if (readingsPath == null) {
            out.copyCurrentStructure(in);
            records++;
        } else if (!readings(in, out, 0)) {
            throw new BadRecordException("Document index " + index + " has no array at the readings path '" + readingsName + "'");
        }
    }

    // At the START_OBJECT of a document (or of the object at readingsPath[depth - 1]); ends at its END_OBJECT.
    private boolean readings(JsonParser in, JsonGenerator out, int depth) throws IOException {
        boolean found = false;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken value = in.nextToken();
            boolean onPath = !found && name.equals(readingsPath[depth]);
            if (onPath && depth == readingsPath.length - 1 && value == JsonToken.START_ARRAY) {
                copyReadings(in, out);
                found = true;
            } else if (onPath && depth < readingsPath.length - 1 && value == JsonToken.START_OBJECT) {
                found = readings(in, out, depth + 1);
            } else {
                in.skipChildren();
            }
        }
        return found;
    }

    private void copyReadings(JsonParser in, JsonGenerator out) throws IOException {
        while (in.nextToken() != JsonToken.END_ARRAY) {
            if (in.currentToken() != JsonToken.START_OBJECT) {
                throw new BadRecordException("Record index " + records + " (line " + in.currentTokenLocation().getLineNr()
                        + ") at the readings path '" + readingsName + "' is " + describe(in.currentToken()) + ", not an object");
            }
            out.copyCurrentStructure(in);
            records++;
        }
    }

    /** JSON that is not made of records at all (a number, a list of strings): not the pipeline's kind of object. */
    static final class NotRecordsException extends RuntimeException {
        NotRecordsException(String reason) {
            super(reason, null, false, false);
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> String.valueOf(token);
        };
    }
}
