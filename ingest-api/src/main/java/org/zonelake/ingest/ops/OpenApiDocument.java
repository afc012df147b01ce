package org.zonelake.ingest.ops;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAPI document, merged at start-up from class-path fragments: {@code openapi/base.json} (info, security
 * schemes, shared components) and one {@code openapi/paths-<group>.json} per route group, each holding
 * {@code paths} and {@code components}. A path or component defined twice differently is a build mistake and fails
 * the start.
 */
public final class OpenApiDocument {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiDocument.class);
    private static final String BASE = "openapi/base.json";

    private final ObjectNode document;
    private final byte[] bytes;

    private OpenApiDocument(ObjectNode document, byte[] bytes) {
        this.document = document;
        this.bytes = bytes;
    }

    /** Merges {@code openapi/paths-<group>.json} of each group into the base document; a missing fragment is skipped with a warning. */
    public static OpenApiDocument load(ObjectMapper mapper, List<String> groups) {
        requireNonNull(mapper, "mapper is null");
        ObjectNode document = (ObjectNode) read(mapper, BASE);
        if (document == null) {
            throw new IllegalStateException("The class path lacks " + BASE);
        }
        for (String group : groups) {
            String name = "openapi/paths-" + group + ".json";
            JsonNode fragment = read(mapper, name);
            if (fragment == null) {
                LOG.warn("The class path lacks {}: the {} endpoints are not documented", name, group);
                continue;
            }
            mergeFragment(document, fragment, name);
        }
        try {
            return new OpenApiDocument(document, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The merged document (do not modify). */
    public JsonNode json() {
        return document;
    }

    /** The merged document as UTF-8 JSON. */
    public byte[] bytes() {
        return bytes.clone();
    }

    private static void mergeFragment(ObjectNode document, JsonNode fragment, String source) {
        mergeOperations(document.withObjectProperty("paths"), fragment.path("paths"), source);
        JsonNode components = fragment.path("components");
        for (Iterator<Map.Entry<String, JsonNode>> kinds = components.fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            mergeDistinct(document.withObjectProperty("components").withObjectProperty(kind.getKey()), kind.getValue(),
                    source + " components." + kind.getKey());
        }
    }

    /** Paths may be shared by two groups as long as each method is defined once. */
    private static void mergeOperations(ObjectNode paths, JsonNode fragmentPaths, String source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fragmentPaths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            mergeDistinct(paths.withObjectProperty(path.getKey()), path.getValue(), source + " path " + path.getKey());
        }
    }

    private static void mergeDistinct(ObjectNode target, JsonNode additions, String source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = additions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode existing = target.get(entry.getKey());
            if (existing != null && !existing.equals(entry.getValue())) {
                throw new IllegalStateException("OpenAPI fragment " + source + " redefines " + entry.getKey() + " differently");
            }
            target.set(entry.getKey(), entry.getValue());
        }
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
