package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import okhttp3.Request;
import okhttp3.Response;

/** The object names of a container in Swift's order, fetched a page at a time ({@code marker} pagination) as they are consumed. */
final class ContainerListing extends Spliterators.AbstractSpliterator<String> {
    static final int PAGE_SIZE = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    private final SwiftClient client;
    private final String container;
    private final int pageSize;
    private final Deque<String> page = new ArrayDeque<>();
    private String marker = "";
    private boolean exhausted;

    ContainerListing(SwiftClient client, String container, int pageSize) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
        this.client = requireNonNull(client, "client is null");
        this.container = requireNonNull(container, "container is null");
        this.pageSize = pageSize;
    }

    @Override
    public boolean tryAdvance(Consumer<? super String> action) {
        if (page.isEmpty() && !exhausted) {
            fetchPage();
        }
        String name = page.poll();
        if (name == null) {
            return false;
        }
        action.accept(name);
        return true;
    }

    private void fetchPage() {
        try (Response response = client.execute(session -> new Request.Builder().url(SwiftClient.url(session, container).newBuilder()
                .addQueryParameter("format", "json").addQueryParameter("limit", Integer.toString(pageSize))
                .addQueryParameter("marker", marker).build()).header("Accept-Encoding", "identity").get())) {
            if (response.code() == 404) {
                exhausted = true;
                return;
            }
            if (!response.isSuccessful()) {
                throw SwiftErrors.status("list container " + container, response);
            }
            readNames(response.body().byteStream());
        } catch (IOException e) {
            throw SwiftErrors.unreachable("list container " + container, e);
        }
        exhausted = page.size() < pageSize;
        if (!page.isEmpty()) {
            marker = page.peekLast();
        }
    }

    private void readNames(InputStream json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("a container listing is not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("name")) {
                        page.add(parser.getValueAsString());
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
    }
}
