package org.zonelake.core.metadata;

import java.util.List;
import java.util.Optional;

/** Metadata templates, per project. */
public interface TemplateRepository {
    /** Creates the template; {@code LakeException(TEMPLATE_EXISTS)} if the name is taken in the project. */
    void create(MetadataTemplate template);

    Optional<MetadataTemplate> find(String project, String name);

    /** All templates of the project, hidden ones included, ordered by name. */
    List<MetadataTemplate> list(String project);

    /** Replaces the template of the same project and name; {@code LakeException(TEMPLATE_NOT_FOUND)} if absent. */
    void replace(MetadataTemplate template);

    /** Deletes the template; true if it existed. */
    boolean delete(String project, String name);
}
