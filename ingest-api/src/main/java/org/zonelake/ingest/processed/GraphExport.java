package org.zonelake.ingest.processed;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.core.gold.graph.GraphRelationship;
import org.zonelake.ingest.processed.GraphViews.NodeView;
import org.zonelake.ingest.processed.GraphViews.RelationshipView;

/**
 * Writes a graph export as {@code {"nodes": [...], "relationships": [...]}} with Jackson's streaming generator. The
 * store hands nodes and relationships to two sinks and its port does not promise their order, so nodes go straight to
 * the response while relationships are spooled to a temporary file and copied after the last node: memory stays
 * bounded whatever the graph's size.
 */
final class GraphExport implements AutoCloseable {
    private final ObjectMapper mapper;
    private final JsonGenerator out;
    private Path spoolFile;
    private JsonGenerator spool;

    GraphExport(ObjectMapper mapper, OutputStream response) throws IOException {
        this.mapper = mapper;
        this.out = mapper.getFactory().createGenerator(response, JsonEncoding.UTF8);
        // Never closed: closing would end the open arrays and make a broken export look complete. The server finishes
        // the response stream.
        out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        out.writeStartObject();
        out.writeArrayFieldStart("nodes");
    }

    void node(GraphNode node) throws IOException {
        out.writeObject(NodeView.of(node));
    }

    void relationship(GraphRelationship relationship) throws IOException {
        if (spool == null) {
            spoolFile = Files.createTempFile("zonelake-graph-export-", ".json");
            spool = mapper.getFactory().createGenerator(spoolFile.toFile(), JsonEncoding.UTF8);
        }
        spool.writeObject(RelationshipView.of(relationship));
    }

    /** Closes the nodes, copies the spooled relationships and ends the document. */
    void finish() throws IOException {
        out.writeEndArray();
        out.writeArrayFieldStart("relationships");
        if (spool != null) {
            spool.close();
            try (JsonParser parser = mapper.getFactory().createParser(spoolFile.toFile())) {
                while (parser.nextToken() != null) {
                    out.copyCurrentStructure(parser);
                }
            }
        }
        out.writeEndArray();
        out.writeEndObject();
        out.flush();
    }

    /** Removes the spool file, whether the export finished or not. */
    @Override
    public void close() throws IOException {
        if (spool != null) {
            spool.close();
        }
        if (spoolFile != null) {
            Files.deleteIfExists(spoolFile);
        }
    }
}
