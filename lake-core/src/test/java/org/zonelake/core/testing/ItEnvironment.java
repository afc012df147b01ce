package org.zonelake.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The settings an integration test reads from the environment that {@code services/<name>.sh env} prints.
 * A missing setting skips the test on a workstation and fails it on CI ({@code CI=true}), where every tier runs.
 */
public final class ItEnvironment {
    private ItEnvironment() {
    }

    /** The variable's value; skips (or, on CI, fails) the calling test when it is unset. */
    public static String require(String variable, String howToSet) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            String message = variable + " is not set: " + howToSet;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return value;
    }

    /** The variable's value, or the default when unset. */
    public static String optional(String variable, String defaultValue) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
