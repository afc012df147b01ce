package org.zonelake.core.metadata;

import java.util.List;

/** Table profiles, one per (project, object, table); saving again replaces. */
public interface ProfileRepository {
    void save(TableProfile profile);

    List<TableProfile> forObject(String project, long objectId);

    List<TableProfile> forTable(String project, String table);
}
