package org.zonelake.pipelines.tabular;

import java.util.ArrayList;
import java.util.List;
import org.zonelake.core.metadata.ProfileRepository;
import org.zonelake.core.metadata.TableProfile;

/** Table profiles in a list; saving again for the same project, object and table replaces. */
public final class InMemoryProfileRepository implements ProfileRepository {
    private final List<TableProfile> profiles = new ArrayList<>();

    @Override
    public synchronized void save(TableProfile profile) {
        profiles.removeIf(p -> p.project().equals(profile.project()) && p.objectId() == profile.objectId() && p.table().equals(profile.table()));
        profiles.add(profile);
    }

    @Override
    public synchronized List<TableProfile> forObject(String project, long objectId) {
        return profiles.stream().filter(p -> p.project().equals(project) && p.objectId() == objectId).toList();
    }

    @Override
    public synchronized List<TableProfile> forTable(String project, String table) {
        return profiles.stream().filter(p -> p.project().equals(project) && p.table().equals(table)).toList();
    }
}
