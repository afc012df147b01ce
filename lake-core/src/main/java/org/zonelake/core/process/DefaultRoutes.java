package org.zonelake.core.process;

import static org.zonelake.core.process.PipelineNames.GRAPH_IMAGE;
import static org.zonelake.core.process.PipelineNames.JSON;
import static org.zonelake.core.process.PipelineNames.SQL_DUMP;
import static org.zonelake.core.process.PipelineNames.SQL_TABULAR;
import static org.zonelake.core.process.PipelineNames.TIMESERIES_JSON;
import static org.zonelake.core.process.PipelineNames.UNPACK_ARCHIVE;

import java.util.List;

/** The routing table of a project that did not set its own. Content types are those the gateway detects. */
public final class DefaultRoutes {
    public static final List<Route> ROUTES = List.of(
            new Route("application/json", null, JSON),
            new Route("application/x-ndjson", null, TIMESERIES_JSON),
            new Route("application/ndjson", null, TIMESERIES_JSON),
            new Route("text/csv", null, SQL_TABULAR),
            new Route("text/tab-separated-values", null, SQL_TABULAR),
            new Route("application/x-parquet", null, SQL_TABULAR),
            new Route("application/vnd.apache.parquet", null, SQL_TABULAR),
            new Route("application/sql", null, SQL_DUMP),
            new Route("text/x-sql", null, SQL_DUMP),
            new Route("image/jpeg", null, GRAPH_IMAGE),
            new Route("image/png", null, GRAPH_IMAGE),
            new Route("image/gif", null, GRAPH_IMAGE),
            new Route("image/webp", null, GRAPH_IMAGE),
            new Route("image/tiff", null, GRAPH_IMAGE),
            new Route("application/zip", null, UNPACK_ARCHIVE),
            new Route("application/gzip", null, UNPACK_ARCHIVE),
            new Route("application/x-gzip", null, UNPACK_ARCHIVE),
            new Route("application/x-gtar", null, UNPACK_ARCHIVE),
            new Route("application/x-tar", null, UNPACK_ARCHIVE));

    private DefaultRoutes() {}
}
