package org.zonelake.core.process;

import java.util.List;

/** The pipelines the process zone offers, by the names routes and runs use. */
public final class PipelineNames {
    /** JSON: a graph document goes to {@link #GRAPH_JSON}, anything else to {@link #TIMESERIES_JSON}. */
    public static final String JSON = "json";
    public static final String TIMESERIES_JSON = "timeseries-json";
    public static final String TIMESERIES_CSV = "timeseries-csv";
    public static final String SQL_TABULAR = "sql-tabular";
    public static final String SQL_DUMP = "sql-dump";
    public static final String GRAPH_IMAGE = "graph-image";
    public static final String GRAPH_JSON = "graph-json";
    public static final String UNPACK_ARCHIVE = "unpack-archive";
    /** What a run is called when no route matched: recorded as not handled. */
    public static final String NONE = "none";

    /** Every name a route may point to. */
    public static final List<String> ROUTABLE = List.of(JSON, TIMESERIES_JSON, TIMESERIES_CSV, SQL_TABULAR, SQL_DUMP, GRAPH_IMAGE,
            GRAPH_JSON, UNPACK_ARCHIVE);

    private PipelineNames() {}
}
