package org.zonelake.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.AuditEntry;
import org.zonelake.core.identity.AuditLog;
import org.zonelake.core.metadata.Page;

/** What every {@link AuditLog} adapter must do. Times are whole milliseconds, the precision adapters must keep. */
public abstract class AuditLogContract {
    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    /** An empty audit log, new for each test method. */
    protected abstract AuditLog auditLog();

    @Test
    void listsEntriesNewestFirst() {
        AuditLog log = auditLog();
        log.append(entry(2, "second"));
        log.append(entry(3, "third"));
        log.append(entry(1, "first"));

        Page<AuditEntry> page = log.list(10, null);

        assertThat(page.items()).extracting(AuditEntry::actor).containsExactly("third", "second", "first");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void keepsEveryField() {
        AuditEntry entry = new AuditEntry(START.plusMillis(7), "alice", "assignment.grant", "bob@sensors:member", "success", "req-42", "granted by API");
        AuditLog log = auditLog();

        log.append(entry);

        assertThat(log.list(1, null).items()).containsExactly(entry);
    }

    @Test
    void pagesThroughEveryEntryOnceEvenWhenTimesCollide() {
        AuditLog log = auditLog();
        List<AuditEntry> appended = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> appended.add(entry(i / 4, "actor-" + i)));
        appended.forEach(log::append);

        List<AuditEntry> read = readAll(log, 7);

        assertThat(read).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(read).isSortedAccordingTo(Comparator.comparing(AuditEntry::at).reversed());
    }

    @Test
    void aFullLastPageHasNoCursor() {
        AuditLog log = auditLog();
        IntStream.range(0, 4).forEach(i -> log.append(entry(i, "actor-" + i)));

        Page<AuditEntry> first = log.list(2, null);
        Page<AuditEntry> last = log.list(2, first.nextCursor());

        assertThat(first.nextCursor()).isNotNull();
        assertThat(last.items()).extracting(AuditEntry::actor).containsExactly("actor-1", "actor-0");
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void anEmptyLogHasAnEmptyPage() {
        Page<AuditEntry> page = auditLog().list(10, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void acceptsLimitsFromOneToAThousandOnly() {
        AuditLog log = auditLog();
        IntStream.range(0, 3).forEach(i -> log.append(entry(i, "actor-" + i)));

        assertThat(log.list(1, null).items()).hasSize(1);
        assertThat(log.list(1000, null).items()).hasSize(3);
        assertThat(catchThrowableOfType(LakeException.class, () -> log.list(0, null)).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(catchThrowableOfType(LakeException.class, () -> log.list(1001, null)).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void rejectsAMalformedCursor() {
        AuditLog log = auditLog();

        assertThat(catchThrowableOfType(LakeException.class, () -> log.list(10, "not a cursor!")).code()).isEqualTo(ErrorCode.INVALID_CURSOR);
        assertThat(catchThrowableOfType(LakeException.class, () -> log.list(10, "bm9wZQ")).code()).isEqualTo(ErrorCode.INVALID_CURSOR);
    }

    private static List<AuditEntry> readAll(AuditLog log, int pageSize) {
        List<AuditEntry> read = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntry> page = log.list(pageSize, cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            read.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return read;
    }

    private static AuditEntry entry(int second, String actor) {
        return new AuditEntry(START.plusSeconds(second), actor, "login", actor, "success", "req-" + actor, "");
    }
}
