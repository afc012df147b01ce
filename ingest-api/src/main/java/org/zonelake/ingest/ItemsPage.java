package org.zonelake.ingest;

import java.util.List;
import org.zonelake.core.metadata.Page;

/** The wire shape of every list: {@code {"items": [...], "next_cursor": ...}}, the cursor {@code null} on the last page. */
public record ItemsPage<T>(List<T> items, String nextCursor) {
    public ItemsPage {
        items = List.copyOf(items);
    }

    public static <T> ItemsPage<T> of(List<T> items) {
        return new ItemsPage<>(items, null);
    }

    public static <T> ItemsPage<T> of(Page<T> page) {
        return new ItemsPage<>(page.items(), page.nextCursor());
    }
}
