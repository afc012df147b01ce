package org.zonelake.metadata;

import static java.util.Objects.requireNonNull;
import static org.zonelake.metadata.TemplateCodec.NAME;
import static org.zonelake.metadata.TemplateCodec.PROJECT;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.TemplateField;
import org.zonelake.core.metadata.TemplateRepository;

/**
 * Metadata templates in the {@code templates} collection, unique by (project, name). Creating or replacing a
 * template also indexes its fields in the {@code objects} collection, so catalog filters on them stay indexed.
 */
public final class MongoTemplateRepository implements TemplateRepository {
    static final String COLLECTION = "templates";

    private final MongoCollection<Document> templates;
    private final MongoObjectRepository objects;

    public MongoTemplateRepository(MetadataStore store) {
        requireNonNull(store, "store is null");
        this.templates = store.database().getCollection(COLLECTION);
        this.objects = new MongoObjectRepository(store);
        DriverCalls.run(() -> templates.createIndex(Indexes.ascending(PROJECT, NAME), new IndexOptions().unique(true)),
                "Cannot create the indexes of collection %s", COLLECTION);
    }

    @Override
    public void create(MetadataTemplate template) {
        requireNonNull(template, "template is null");
        try {
            templates.insertOne(TemplateCodec.toBson(template));
        } catch (MongoException e) {
            if (DriverCalls.isDuplicateKey(e)) {
                throw LakeException.of(ErrorCode.TEMPLATE_EXISTS, "Template %s already exists in project %s", template.name(), template.project());
            }
            throw DriverCalls.failure(e, "Cannot create template %s in project %s", template.name(), template.project());
        }
        indexFields(template);
    }

    @Override
    public Optional<MetadataTemplate> find(String project, String name) {
        Document document = DriverCalls.call(() -> templates.find(key(project, name)).first(),
                "Cannot read template %s of project %s", name, project);
        return Optional.ofNullable(document).map(TemplateCodec::fromBson);
    }

    @Override
    public List<MetadataTemplate> list(String project) {
        requireNonNull(project, "project is null");
        return DriverCalls.call(() -> templates.find(Filters.eq(PROJECT, project)).sort(Sorts.ascending(NAME))
                .map(TemplateCodec::fromBson).into(new ArrayList<>()), "Cannot list the templates of project %s", project);
    }

    @Override
    public void replace(MetadataTemplate template) {
        requireNonNull(template, "template is null");
        long matched = DriverCalls.call(
                () -> templates.replaceOne(key(template.project(), template.name()), TemplateCodec.toBson(template)).getMatchedCount(),
                "Cannot replace template %s of project %s", template.name(), template.project());
        if (matched == 0) {
            throw LakeException.of(ErrorCode.TEMPLATE_NOT_FOUND, "No template %s in project %s", template.name(), template.project());
        }
        indexFields(template);
    }

    @Override
    public boolean delete(String project, String name) {
        return DriverCalls.call(() -> templates.deleteOne(key(project, name)).getDeletedCount() == 1,
                "Cannot delete template %s of project %s", name, project);
    }

    private void indexFields(MetadataTemplate template) {
        for (TemplateField field : template.fields()) {
            objects.ensureFieldIndex(template.project(), field.name());
        }
    }

    private static Bson key(String project, String name) {
        requireNonNull(project, "project is null");
        requireNonNull(name, "name is null");
        return Filters.and(Filters.eq(PROJECT, project), Filters.eq(NAME, name));
    }
}
