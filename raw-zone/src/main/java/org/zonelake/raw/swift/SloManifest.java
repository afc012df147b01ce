package org.zonelake.raw.swift;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A Static Large Object's manifest: the segments, in order, as Swift's {@code multipart-manifest} takes and gives them. */
final class SloManifest {
    /** Swift's default {@code max_manifest_segments}. */
    static final int MAX_SEGMENTS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored segment: {@code /container/name}, unencoded as manifests hold it, its MD5 and size. */
    record Segment(String path, String md5, long size) {
    }

    private SloManifest() {
    }

    /** The body of {@code PUT ...?multipart-manifest=put}. */
    static byte[] json(List<Segment> segments) {
        ArrayNode array = JSON.createArrayNode();
        for (Segment segment : segments) {
            array.addObject().put("path", segment.path()).put("etag", segment.md5()).put("size_bytes", segment.size());
        }
        try {
            return JSON.writeValueAsBytes(array);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write an SLO manifest", e);
        }
    }

    /** The ETag Swift gives the manifest: the MD5 of the segments' MD5s (hex) one after the other. */
    static String etag(List<Segment> segments) {
        var md5 = UploadSource.digest("MD5");
        for (Segment segment : segments) {
            md5.update(segment.md5().getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The segment paths of a manifest read with {@code ?multipart-manifest=get&format=raw}, parsed as it streams. */
    static List<String> paths(InputStream rawManifest) throws IOException {
        List<String> paths = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(rawManifest)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("an SLO manifest is not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("path")) {
                        paths.add(parser.getValueAsString());
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
        return paths;
    }
}
