package org.zonelake.job;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one submission of the job processes: an object of a project, through its routed pipeline or the one named.
 *
 * @param pipeline the pipeline to run instead of the routed one; {@code null} routes the object
 */
public record JobArguments(String project, long objectId, String pipeline) {
    public static final String USAGE = "usage: PipelinesJob --project PROJECT --object-id ID [--pipeline NAME]";
    private static final Set<String> OPTIONS = Set.of("--project", "--object-id", "--pipeline");

    public JobArguments {
        requireNonNull(project, "project is null");
        if (project.isBlank()) {
            throw new IllegalArgumentException("--project is empty");
        }
        if (objectId <= 0) {
            throw new IllegalArgumentException("--object-id must be a positive number, was " + objectId);
        }
        if (pipeline != null && pipeline.isBlank()) {
            throw new IllegalArgumentException("--pipeline is empty");
        }
    }

    /** Reads {@code --name value} pairs; throws {@link IllegalArgumentException} with what is wrong. */
    public static JobArguments parse(String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + name + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (options.put(name, args[i + 1]) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        String project = options.get("--project");
        String objectId = options.get("--object-id");
        if (project == null || objectId == null) {
            throw new IllegalArgumentException("--project and --object-id are required");
        }
        return new JobArguments(project.trim(), objectId(objectId), options.get("--pipeline"));
    }

    private static long objectId(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--object-id must be a positive number, was '" + value + "'");
        }
    }
}
