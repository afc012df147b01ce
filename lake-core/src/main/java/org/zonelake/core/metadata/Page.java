package org.zonelake.core.metadata;

import java.util.List;

/** One page of results and the cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
