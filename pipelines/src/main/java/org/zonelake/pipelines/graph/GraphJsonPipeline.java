package org.zonelake.pipelines.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
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

/**
 * {@code graph-json}: a graph document ({@code {nodes: [...], links|edges: [...]}}) into the graph zone. One step,
 * {@code load}: the document is read and checked whole ({@link GraphJsonReader}, within {@link GraphJsonConfig}'s
 * limits), then written in one {@link GraphStore#replaceSubgraph} with a Document node for the object, which is
 * {@code IN_PROJECT} of its project, {@code UPLOADED} by its uploader and {@code CONTAINS} each of its nodes.
 */
public final class GraphJsonPipeline implements Pipeline {
    public static final String DOCUMENT = "Document";
    public static final String CONTAINS = "CONTAINS";

    private final GraphStore graph;
    private final GraphJsonConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public GraphJsonPipeline(GraphStore graph, GraphJsonConfig config) {
        this.graph = requireNonNull(graph, "graph is null");
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public String name() {
        return PipelineNames.GRAPH_JSON;
    }

    @Override
    public List<PipelineStep> steps() {
        return List.of(new Load());
    }

    private final class Load implements PipelineStep {
        @Override
        public String name() {
            return "load";
        }

        @Override
        public StepResult run(StepContext context) throws Exception {
            ObjectDocument object = context.object();
            GraphJsonReader.Graph read;
            try (InputStream in = context.openObject()) {
                read = new GraphJsonReader(json, config, object.id(), context::cancelRequested).read(in);
            } catch (GraphJsonReader.BadGraphException e) {
                return e.notAGraph ? StepResult.notHandled(e.getMessage())
                        : StepResult.failed(e.getMessage() + "; nothing was written");
            } catch (JsonProcessingException e) {
                return StepResult.failed(JsonErrors.describe(e) + "; nothing was written");
            }
            context.log("read %d nodes and %d relationships", read.nodes().size(), read.relationships().size());
            if (context.cancelRequested()) {
                throw new CancellationException("cancelled before writing the graph");
            }
            graph.replaceSubgraph(context.provenance(), withDocument(object, read));
            String summary = counted(read.nodes().size(), "node", "nodes") + " and "
                    + counted(read.relationships().size(), "relationship", "relationships") + " into the graph";
            context.log("%s", summary);
            return StepResult.succeeded(summary);
        }
    }

    /** "1 node", "1,204 nodes". */
    public static String counted(long count, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? one : many);
    }

    private static Subgraph withDocument(ObjectDocument object, GraphJsonReader.Graph read) {
        GraphNode project = GraphModel.project(object.project());
        GraphNode user = GraphModel.user(object.uploader());
        GraphNode document = new GraphNode(GraphModel.objectKey(object.id()), List.of(DOCUMENT), documentProperties(object), false);
        List<GraphNode> nodes = new ArrayList<>(read.nodes().size() + 3);
        nodes.addAll(List.of(project, user, document));
        nodes.addAll(read.nodes());
        List<GraphRelationship> relationships = new ArrayList<>(read.relationships().size() + read.nodes().size() + 2);
        relationships.add(new GraphRelationship(GraphModel.IN_PROJECT, document.key(), project.key(), Map.of()));
        relationships.add(new GraphRelationship(GraphModel.UPLOADED, user.key(), document.key(), Map.of()));
        read.nodes().forEach(node -> relationships.add(new GraphRelationship(CONTAINS, document.key(), node.key(), Map.of())));
        relationships.addAll(read.relationships());
        return new Subgraph(nodes, relationships);
    }

    private static Map<String, Object> documentProperties(ObjectDocument object) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("object_id", object.id());
        properties.put("name", object.originalObjectName());
        if (object.contentType() != null) {
            properties.put("content_type", object.contentType());
        }
        if (object.template() != null) {
            properties.put("template", object.template());
        }
        return properties;
    }
}
