package org.zonelake.pipelines.tabular;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.zonelake.core.gold.sql.WriteMode;
import org.zonelake.core.metadata.MetadataTemplate;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.TemplateRepository;

/** The gold table an object's rows go to, and whether it is the object's own or shared. */
record TableTarget(String table, WriteMode mode) {
    TableTarget {
        requireNonNull(table, "table is null");
        requireNonNull(mode, "mode is null");
    }

    /** The shared table the object's template names ({@code processing.table}), else a table named after the object. */
    static TableTarget of(ObjectDocument object, TemplateRepository templates) {
        Optional<String> shared = Optional.ofNullable(object.template())
                .flatMap(name -> templates.find(object.project(), name))
                .map(MetadataTemplate::processing)
                .map(processing -> processing.table());
        return shared.map(table -> new TableTarget(SqlNames.sharedTable(table), WriteMode.SHARED_TABLE))
                .orElseGet(() -> new TableTarget(SqlNames.objectTable(object.originalObjectName(), object.id()), WriteMode.OWN_TABLE));
    }

    String quarantine() {
        return SqlNames.quarantineTable(table);
    }
}
