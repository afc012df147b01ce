package org.zonelake.graph;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import org.zonelake.core.config.ConfigSource;

/**
 * Where the graph gold zone lives.
 *
 * @param neo4jUrl a Bolt URL such as {@code neo4j://host:7687} ({@code ZONELAKE_GRAPH_NEO4J_URL}); empty means the
 *     embedded Neo4j the lake starts itself
 * @param user the Neo4j user ({@code ZONELAKE_GRAPH_NEO4J_USER}, default {@code neo4j})
 * @param password the Neo4j password ({@code ZONELAKE_GRAPH_NEO4J_PASSWORD}); empty means no authentication
 */
public record GraphConfig(String neo4jUrl, String user, String password) {
    public static final String NEO4J_URL = "graph.neo4j.url";
    public static final String USER = "graph.neo4j.user";
    public static final String PASSWORD = "graph.neo4j.password";
    public static final String DEFAULT_USER = "neo4j";

    private static final Pattern BOLT_URL = Pattern.compile("(bolt|neo4j)(\\+s|\\+ssc)?://[^\\s]+");
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@]+:)[^@]*@");

    public GraphConfig {
        neo4jUrl = neo4jUrl == null ? "" : neo4jUrl.trim();
        requireNonNull(user, "user is null");
        password = password == null ? "" : password;
        if (!neo4jUrl.isEmpty() && !BOLT_URL.matcher(neo4jUrl).matches()) {
            throw new IllegalArgumentException(ConfigSource.environmentName(NEO4J_URL)
                    + " must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URL, was " + redacted(neo4jUrl));
        }
        if (!password.isEmpty() && user.isBlank()) {
            throw new IllegalArgumentException(ConfigSource.environmentName(PASSWORD) + " is set but "
                    + ConfigSource.environmentName(USER) + " is empty");
        }
    }

    public static GraphConfig from(ConfigSource config) {
        return new GraphConfig(config.string(NEO4J_URL, ""), config.string(USER, DEFAULT_USER), config.string(PASSWORD, ""));
    }

    /** Whether the lake runs its own in-process Neo4j instead of connecting to a server. */
    public boolean embedded() {
        return neo4jUrl.isEmpty();
    }

    /** Never prints the password, nor one written into the URL. */
    @Override
    public String toString() {
        return "GraphConfig[neo4jUrl=" + (embedded() ? "<embedded>" : redacted(neo4jUrl)) + ", user=" + user
                + ", password=" + (password.isEmpty() ? "<none>" : "***") + "]";
    }

    private static String redacted(String url) {
        return URL_PASSWORD.matcher(url).replaceFirst("$1***@");
    }
}
