package org.zonelake.pipelines.archive;

import java.util.ArrayList;
import java.util.List;

/** Object ids as runs: {@code 43..54}, or {@code 43..50, 52, 60..63} when others were stored in between. */
final class IdRanges {
    private IdRanges() {}

    static String of(List<Long> ids) {
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i) != sorted.get(i - 1) + 1) {
                long first = sorted.get(start);
                long last = sorted.get(i - 1);
                runs.add(first == last ? String.valueOf(first) : first + ".." + last);
                start = i;
            }
        }
        return String.join(", ", runs);
    }
}
