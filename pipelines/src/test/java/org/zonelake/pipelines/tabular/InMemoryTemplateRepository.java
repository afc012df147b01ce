package org.zonelake.pipelines.tabular;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateRepository;

/** Templates in a list. */
public final class InMemoryTemplateRepository implements TemplateRepository {
    private final List<MetadataTemplate> templates = new ArrayList<>();

    @Override
    public synchronized void create(MetadataTemplate template) {
        if (find(template.project(), template.name()).isPresent()) {
            throw LakeException.of(ErrorCode.TEMPLATE_EXISTS, "Template %s exists", template.name());
        }
        templates.add(template);
    }

    @Override
    public synchronized Optional<MetadataTemplate> find(String project, String name) {
        return templates.stream().filter(t -> t.project().equals(project) && t.name().equals(name)).findFirst();
    }

    @Override
    public synchronized List<MetadataTemplate> list(String project) {
        return templates.stream().filter(t -> t.project().equals(project)).sorted(Comparator.comparing(MetadataTemplate::name)).toList();
    }

    @Override
    public synchronized void replace(MetadataTemplate template) {
        delete(template.project(), template.name());
        templates.add(template);
    }

    @Override
    public synchronized boolean delete(String project, String name) {
        return templates.removeIf(t -> t.project().equals(project) && t.name().equals(name));
    }
}
