package org.zonelake.pipelines.timeseries;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateProcessing;
import org.zonelake.core.metadata.TemplateRepository;
import org.zonelake.core.metadata.TimeSeriesMapping;

/** Templates in memory, keyed by project and name. */
final class FakeTemplateRepository implements TemplateRepository {
    private final Map<String, MetadataTemplate> templates = new ConcurrentHashMap<>();

    /** Adds a template of {@code project} named {@code name} with the given time-series mapping (null: none). */
    void add(String project, String name, TimeSeriesMapping mapping) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        create(new MetadataTemplate(project, name, name, "", List.of(), List.of(), true, true, true, now, now,
                new TemplateProcessing(mapping, null)));
    }

    @Override
    public void create(MetadataTemplate template) {
        templates.put(template.project() + "/" + template.name(), template);
    }

    @Override
    public Optional<MetadataTemplate> find(String project, String name) {
        return Optional.ofNullable(templates.get(project + "/" + name));
    }

    @Override
    public List<MetadataTemplate> list(String project) {
        return templates.values().stream().filter(t -> t.project().equals(project)).toList();
    }

    @Override
    public void replace(MetadataTemplate template) {
        create(template);
    }

    @Override
    public boolean delete(String project, String name) {
        return templates.remove(project + "/" + name) != null;
    }
}
