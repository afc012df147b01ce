package org.zonelake.graph;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Labels and relationship types come from user data but cannot be Cypher parameters, so they are checked against
 * a strict pattern and backtick-quoted before they enter a statement. Values never do: they are always parameters.
 */
final class CypherNames {
    /** The label every node of the lake carries, under which the (project, key) constraint lives. */
    static final String NODE_LABEL = "ZlNode";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private CypherNames() {}

    /** Throws {@code INVALID_DATA} unless {@code name} is a label or type the lake accepts. */
    static String checked(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw LakeException.of(ErrorCode.INVALID_DATA,
                    "Cannot use %s '%s' in the graph: it must be a letter or _ followed by up to 62 letters, digits or _", kind, name);
        }
        if (kind.equals("label") && name.equals(NODE_LABEL)) {
            throw LakeException.of(ErrorCode.INVALID_DATA, "Cannot use label %s in the graph: the lake reserves it", name);
        }
        return name;
    }

    /** A name quoted for Cypher; doubling backticks also makes a name read back from the server safe. */
    static String quoted(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** {@code :`A`:`B`} for a set of labels. */
    static String labelClause(Collection<String> labels) {
        return labels.stream().map(label -> ":" + quoted(label)).collect(Collectors.joining());
    }
}
