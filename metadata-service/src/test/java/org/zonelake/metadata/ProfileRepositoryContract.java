package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zonelake.core.metadata.ColumnProfile;
import org.zonelake.core.metadata.ProfileRepository;
import org.zonelake.core.metadata.TableProfile;

/** What every {@link ProfileRepository} must do; extend it once per backend. Instants are whole milliseconds. */
public abstract class ProfileRepositoryContract {
    protected static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    protected static final String PROJECT = "alpha";

    protected abstract ProfileRepository repository();

    @Test
    public void findsAProfileExactlyAsSaved() {
        TableProfile profile = new TableProfile(PROJECT, 7, "7-sql-tabular", "casts", 1200, 3,
                List.of(new ColumnProfile("depth", "double", 0, "0.5", "812.25", 950),
                        new ColumnProfile("site", "varchar", 12, null, null, 0)),
                T0);

        repository().save(profile);

        assertThat(repository().forObject(PROJECT, 7)).containsExactly(profile);
        assertThat(repository().forTable(PROJECT, "casts")).containsExactly(profile);
    }

    @Test
    public void savingTheSameObjectAndTableAgainReplaces() {
        repository().save(profile(7, "casts", 10, T0));
        TableProfile again = profile(7, "casts", 12, T0.plusSeconds(60));

        repository().save(again);

        assertThat(repository().forObject(PROJECT, 7)).containsExactly(again);
    }

    @Test
    public void listsAnObjectsProfilesByTable() {
        repository().save(profile(7, "stations", 4, T0));
        repository().save(profile(7, "casts", 10, T0));
        repository().save(profile(8, "casts", 20, T0));
        repository().save(new TableProfile("beta", 7, "7-sql-tabular", "other", 1, 0, List.of(), T0));

        assertThat(repository().forObject(PROJECT, 7)).extracting(TableProfile::table).containsExactly("casts", "stations");
        assertThat(repository().forObject(PROJECT, 9)).isEmpty();
    }

    @Test
    public void listsATablesProfilesByObject() {
        repository().save(profile(12, "casts", 1, T0));
        repository().save(profile(3, "casts", 2, T0));
        repository().save(profile(7, "stations", 3, T0));
        repository().save(new TableProfile("beta", 5, "5-sql-tabular", "casts", 1, 0, List.of(), T0));

        assertThat(repository().forTable(PROJECT, "casts")).extracting(TableProfile::objectId).containsExactly(3L, 12L);
        assertThat(repository().forTable(PROJECT, "absent")).isEmpty();
    }

    protected static TableProfile profile(long objectId, String table, long rows, Instant at) {
        return new TableProfile(PROJECT, objectId, objectId + "-sql-tabular", table, rows, 0,
                List.of(new ColumnProfile("depth", "double", 0, "1", "9", rows)), at);
    }
}
