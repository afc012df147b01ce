package org.zonelake.core.process;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of a project's routing table: objects whose content type matches {@code contentType} (a media type,
 * {@code *} matching any run of characters, e.g. {@code text/*} or {@code application/*+json}) and, if set,
 * whose template is {@code template} go to {@code pipeline}. The first matching line wins.
 */
public record Route(String contentType, String template, String pipeline) {
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9*][a-z0-9*.+_-]*/[a-z0-9*][a-z0-9*.+_-]*");

    public Route {
        requireNonNull(contentType, "contentType is null");
        requireNonNull(pipeline, "pipeline is null");
        contentType = contentType.toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("Route content type '" + contentType + "' is not a media type pattern like text/csv or image/*");
        }
        if (template != null && template.isBlank()) {
            template = null;
        }
    }

    /** Whether an object of this content type (parameters ignored) and template takes this route. */
    public boolean matches(String objectContentType, String objectTemplate) {
        if (objectContentType == null) {
            return false;
        }
        String bare = objectContentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean typeMatches = Pattern.matches(contentType.replace(".", "\\.").replace("+", "\\+").replace("*", ".*"), bare);
        return typeMatches && (template == null || template.equals(objectTemplate));
    }
}
