package org.zonelake.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-memory embedded server per test class and a fresh database per test. Register it as a static
 * {@code @RegisterExtension} field and call {@link #freshStore()} from a {@code @BeforeEach} method.
 */
public final class EmbeddedMetadataStores implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final List<MetadataStore> open = new ArrayList<>();
    private EmbeddedMongoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongoServer.startInMemory();
    }

    /** A store on a database no other test has used. */
    public MetadataStore freshStore() {
        MetadataStore store = MetadataStore.on(server, "test_" + DATABASES.incrementAndGet());
        open.add(store);
        return store;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (MetadataStore store : open) {
                try (store) {
                    store.database().drop();
                }
            }
        } finally {
            open.clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }
}
