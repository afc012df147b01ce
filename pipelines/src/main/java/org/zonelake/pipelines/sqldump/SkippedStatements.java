package org.zonelake.pipelines.sqldump;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.zonelake.pipelines.StepContext;

/** Statements of a dump that are not loaded: the first few logged one by one, then a count per kind. */
final class SkippedStatements {
    private final StepContext context;
    private final int logged;
    private final Map<String, Integer> counts = new TreeMap<>();
    private int total;

    SkippedStatements(StepContext context, int logged) {
        this.context = requireNonNull(context, "context is null");
        this.logged = logged;
    }

    void skip(StatementReader.Statement statement, String what) {
        String kind = kind(statement.sql());
        counts.merge(kind, 1, Integer::sum);
        if (++total <= logged) {
            context.log("Line %d: skipped %s %s", statement.line(), kind, what);
        }
    }

    void summarise() {
        if (total > 0) {
            context.log("Skipped %d statements: %s", total,
                    counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    /** "SET", "DROP TABLE", "CREATE INDEX"... */
    private static String kind(String sql) {
        String[] words = sql.strip().split("\\s+", 3);
        String first = words[0].toUpperCase(Locale.ROOT);
        boolean twoWords = words.length > 1 && (first.equals("DROP") || first.equals("ALTER") || first.equals("CREATE"));
        return twoWords ? first + " " + words[1].toUpperCase(Locale.ROOT) : first;
    }
}
