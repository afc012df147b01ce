package org.zonelake.pipelines.image;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.graph.Subgraph;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.graph.GraphJsonPipeline;
import org.zonelake.pipelines.graph.GraphModel;

/**
 * {@code graph-image}: a JPEG, PNG, GIF, WebP or TIFF into the graph zone as the object's own {@code Image} node
 * (format, width, height, size, sha256, original name and its EXIF, see {@link ExifProperties}), {@code IN_PROJECT}
 * of its project, {@code UPLOADED} by its uploader and {@code TAGGED} with a shared Tag node per template metadata
 * value. One step, {@code extract}; pixels are never decoded.
 */
public final class GraphImagePipeline implements Pipeline {
    public static final String IMAGE = "Image";
    /** Longer template values are descriptions rather than tags, and make no Tag node. */
    static final int MAX_TAG_LENGTH = 200;

    private final GraphStore graph;

    public GraphImagePipeline(GraphStore graph) {
        this.graph = requireNonNull(graph, "graph is null");
    }

    @Override
    public String name() {
        return PipelineNames.GRAPH_IMAGE;
    }

    @Override
    public List<PipelineStep> steps() {
        return List.of(new Extract());
    }

    private final class Extract implements PipelineStep {
        @Override
        public String name() {
            return "extract";
        }

        @Override
        public StepResult run(StepContext context) throws Exception {
            Path file = context.stagedObject();
            ImageFacts facts;
            try {
                facts = ImageReader.read(file);
            } catch (ImageReader.UnreadableImageException e) {
                return e.otherImageFormat ? StepResult.notHandled(e.getMessage())
                        : StepResult.failed(e.getMessage() + "; nothing was written");
            }
            Digest digest = digest(context);
            context.log("%s image %dx%d, %d bytes, %d EXIF properties", facts.format(), facts.width(), facts.height(), digest.size,
                    facts.exif().size());
            if (context.cancelRequested()) {
                throw new CancellationException("cancelled before writing the image node");
            }
            Subgraph subgraph = subgraph(context, facts, digest);
            graph.replaceSubgraph(context.provenance(), subgraph);
            String summary = String.format(Locale.ROOT, "%s image %dx%d into the graph with %s", facts.format(), facts.width(),
                    facts.height(), GraphJsonPipeline.counted(subgraph.relationships().size() - 2, "tag", "tags"));
            return StepResult.succeeded(summary);
        }
    }

    private Subgraph subgraph(StepContext context, ImageFacts facts, Digest digest) {
        ObjectDocument object = context.object();
        GraphNode image = new GraphNode(GraphModel.objectKey(object.id()), List.of(IMAGE), properties(object, facts, digest), false);
        GraphNode project = GraphModel.project(object.project());
        GraphNode user = GraphModel.user(object.uploader());
        List<GraphNode> nodes = new ArrayList<>(List.of(image, project, user));
        List<GraphRelationship> relationships = new ArrayList<>(List.of(
                new GraphRelationship(GraphModel.IN_PROJECT, image.key(), project.key(), Map.of()),
                new GraphRelationship(GraphModel.UPLOADED, user.key(), image.key(), Map.of())));
        for (GraphNode tag : tags(context)) {
            nodes.add(tag);
            relationships.add(new GraphRelationship(GraphModel.TAGGED, image.key(), tag.key(), Map.of()));
        }
        return new Subgraph(nodes, relationships);
    }

    private static Map<String, Object> properties(ObjectDocument object, ImageFacts facts, Digest digest) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("object_id", object.id());
        properties.put("name", object.originalObjectName());
        properties.put("format", facts.format());
        properties.put("content_type", facts.mimeType());
        properties.put("width", (long) facts.width());
        properties.put("height", (long) facts.height());
        properties.put("size", digest.size);
        properties.put("sha256", digest.sha256);
        properties.putAll(facts.exif());
        return properties;
    }

    // One shared Tag per template value (per element of a list value); each distinct (field, value) once.
    private static List<GraphNode> tags(StepContext context) {
        Map<String, GraphNode> tags = new LinkedHashMap<>();
        context.object().otherData().forEach((field, value) -> {
            List<?> values = value instanceof Collection<?> many ? new ArrayList<>(many) : Collections.singletonList(value);
            for (Object element : values) {
                String text = element == null ? "" : element.toString().trim();
                if (text.length() > MAX_TAG_LENGTH) {
                    context.log("no tag for %s: its value has %d characters (at most %d make a tag)", field, text.length(),
                            MAX_TAG_LENGTH);
                } else if (!text.isEmpty()) {
                    GraphNode tag = GraphModel.tag(field, text);
                    tags.putIfAbsent(tag.key(), tag);
                }
            }
        });
        return List.copyOf(tags.values());
    }

    private static Digest digest(StepContext context) throws IOException {
        try (DigestInputStream in = new DigestInputStream(context.openObject(), MessageDigest.getInstance("SHA-256"))) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return new Digest(size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private record Digest(long size, String sha256) {}
}
