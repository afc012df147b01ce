package org.zonelake.raw.swift;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Creates containers on first use; remembers which exist so that a put costs no extra request after the first. */
final class Containers {
    private static final byte[] EMPTY = new byte[0];

    private final SwiftClient client;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Containers(SwiftClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    /** Creates the container unless this store already did (PUT of an existing container is harmless). */
    void ensure(String container) throws IOException {
        if (known.contains(container)) {
            return;
        }
        try (Response response = client.execute(session -> new Request.Builder().url(SwiftClient.url(session, container))
                .put(RequestBody.create(EMPTY)))) {
            if (!response.isSuccessful()) {
                throw SwiftErrors.status("create container " + container, response);
            }
        }
        known.add(container);
    }

    /** Swift said the container is gone (deleted behind the lake's back): the next put creates it again. */
    void forget(String container) {
        known.remove(container);
    }
}
