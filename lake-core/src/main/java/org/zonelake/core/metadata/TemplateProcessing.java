package org.zonelake.core.metadata;

/**
 * What the process zone does with a template's objects, beyond the routing table: the time-series mapping for
 * its JSON (or CSV with a time column) and the shared SQL table its tabular objects are appended to.
 *
 * @param timeSeries mapping to the time-series zone, or {@code null}
 * @param table name of the SQL table the template's tabular objects are appended to, or {@code null} (a table per object)
 */
public record TemplateProcessing(TimeSeriesMapping timeSeries, String table) {
    public static final TemplateProcessing NONE = new TemplateProcessing(null, null);

    public TemplateProcessing {
        if (table != null && table.isBlank()) {
            table = null;
        }
    }
}
