package org.zonelake.timeseries;

import static java.util.Objects.requireNonNull;
import static org.zonelake.core.error.ErrorCode.GOLD_ZONE_UNAVAILABLE;
import static org.zonelake.core.error.ErrorCode.INTERNAL;
import static org.zonelake.core.error.ErrorCode.INVALID_REQUEST;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.zonelake.core.error.LakeException;

/**
 * QuestDB's HTTP API: SQL at {@code /exec}, answers read as a stream of rows (never a whole result in memory), and
 * InfluxDB line protocol at {@code /write}. Unreachable server or 5xx: {@link org.zonelake.core.error.ErrorCode#GOLD_ZONE_UNAVAILABLE}.
 */
final class QuestDbClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;

    /** A column of an answer, with QuestDB's type name ({@code DOUBLE}, {@code SYMBOL}, {@code TIMESTAMP}, ...). */
    record SqlColumn(String name, String type) {}

    /** Receives the rows of an answer one at a time; {@code row} is a JSON array in the order of {@code columns}. */
    @FunctionalInterface
    interface RowHandler {
        void accept(List<SqlColumn> columns, JsonNode row);
    }

    QuestDbClient(URI base, Duration requestTimeout) {
        this.base = requireNonNull(base, "base is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    URI base() {
        return base;
    }

    /** Runs DDL or DML. */
    void execute(String sql) {
        query(sql, (columns, row) -> { });
    }

    /** Runs a query, streaming its rows to {@code handler}. The store writes every statement: one QuestDB refuses is a bug (INTERNAL). */
    void query(String sql, RowHandler handler) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/exec?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                .timeout(requestTimeout).GET().build();
        try (InputStream body = send(request, sql)) {
            readAnswer(sql, body, handler);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** Rows as a list, for answers known to be small (catalog queries). */
    List<JsonNode> rows(String sql) {
        List<JsonNode> rows = new ArrayList<>();
        query(sql, (columns, row) -> rows.add(row));
        return rows;
    }

    /** Sends line protocol; QuestDB commits one request as one transaction per table. */
    void write(String lines) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/write?precision=u")).timeout(requestTimeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(GOLD_ZONE_UNAVAILABLE, "Interrupted while writing points to QuestDB at " + base, e);
        }
        if (response.statusCode() >= 500) {
            throw LakeException.of(GOLD_ZONE_UNAVAILABLE, "Cannot write points to QuestDB at %s: HTTP %d %s", base, response.statusCode(), response.body());
        }
        if (response.statusCode() >= 300) {
            throw LakeException.of(INVALID_REQUEST, "QuestDB refused the points: %s", errorText(response.body(), "message"));
        }
    }

    private InputStream send(HttpRequest request, String sql) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(GOLD_ZONE_UNAVAILABLE, "Interrupted while querying QuestDB at " + base, e);
        }
        if (response.statusCode() == 200) {
            return response.body();
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
        if (response.statusCode() >= 500) {
            throw LakeException.of(GOLD_ZONE_UNAVAILABLE, "QuestDB at %s failed on %s: HTTP %d %s", base, sql, response.statusCode(), body);
        }
        throw rejected(sql, errorText(body, "error"));
    }

    private static LakeException rejected(String sql, String error) {
        return LakeException.of(INTERNAL, "QuestDB refused %s: %s", sql, error);
    }

    private static void readAnswer(String sql, InputStream body, RowHandler handler) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new LakeException(INTERNAL, "QuestDB answered with something other than a JSON object");
            }
            List<SqlColumn> columns = List.of();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("columns")) {
                    columns = columns(parser.readValueAsTree());
                } else if (name.equals("dataset")) {
                    readRows(parser, columns, handler);
                } else if (name.equals("error")) {
                    throw rejected(sql, parser.getValueAsString());
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private static void readRows(JsonParser parser, List<SqlColumn> columns, RowHandler handler) throws IOException {
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            JsonNode row = parser.readValueAsTree();
            handler.accept(columns, row);
        }
    }

    private static List<SqlColumn> columns(JsonNode node) {
        List<SqlColumn> columns = new ArrayList<>(node.size());
        node.forEach(column -> columns.add(new SqlColumn(column.path("name").asText(), column.path("type").asText())));
        return List.copyOf(columns);
    }

    private static String errorText(String body, String member) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.hasNonNull(member) ? node.get(member).asText() : body;
        } catch (IOException e) {
            return body;
        }
    }

    private LakeException unreachable(IOException e) {
        return new LakeException(GOLD_ZONE_UNAVAILABLE, "Cannot reach QuestDB at " + base + ": " + e, e);
    }
}
