package org.zonelake.ingest.processed;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.sql.Column;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.sql.TableInfo;
import org.zonelake.core.identity.ProjectRole;
import org.zonelake.ingest.GatewayServices;
import org.zonelake.ingest.ItemsPage;
import org.zonelake.ingest.QueryParameters;
import org.zonelake.ingest.Routes;
import org.zonelake.ingest.http.Access;
import org.zonelake.ingest.http.Answers;
import org.zonelake.ingest.objects.ContentDisposition;
import org.zonelake.ingest.processed.TableViews.RowsPage;
import org.zonelake.ingest.processed.TableViews.TableDetail;
import org.zonelake.ingest.processed.TableViews.TableView;
import org.zonelake.sql.export.ParquetTableWriter;
import org.zonelake.sql.export.TableWriter;

/**
 * Endpoints under /api/v1/projects/{project}/tables (readers): the project's gold tables, one with its load profiles,
 * a page of its rows, and the whole table streamed as CSV or Parquet.
 */
public final class TableRoutes implements Routes {
    static final String TABLES = "/api/v1/projects/{project}/tables";
    static final int MAX_PREVIEW_ROWS = 1000;
    static final int DEFAULT_PREVIEW_ROWS = 100;
    private static final Set<String> LIST_PARAMETERS = Set.of("limit", "cursor");
    private static final Set<String> ROWS_PARAMETERS = Set.of("offset", "limit");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("format");

    private final Access access;
    private final ObjectMapper mapper;
    private final GatewayServices services;
    private final SqlStore store;

    public TableRoutes(GatewayServices services, Access access, ObjectMapper mapper) {
        this.services = requireNonNull(services, "services is null");
        this.access = requireNonNull(access, "access is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.store = services.process().sql();
    }

    @Override
    public void register(Javalin app) {
        app.get(TABLES, this::list);
        app.get(TABLES + "/{table}", this::get);
        app.get(TABLES + "/{table}/rows", this::rows);
        app.get(TABLES + "/{table}/export", this::export);
    }

    /** Pages by name over the store's list; the cursor is the last name of the page, encoded. */
    private void list(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        QueryParameters parameters = QueryParameters.of(ctx, LIST_PARAMETERS);
        int limit = parameters.limit();
        String after = decodeCursor(parameters.text("cursor"));
        List<TableInfo> tables = store.tables(project).stream()
                .filter(table -> after == null || table.name().compareTo(after) > 0)
                .sorted(Comparator.comparing(TableInfo::name))
                .limit(limit + 1L)
                .toList();
        List<TableView> items = tables.stream().limit(limit).map(TableView::of).toList();
        String next = tables.size() > limit ? encodeCursor(items.get(items.size() - 1).name()) : null;
        Answers.json(ctx, mapper, 200, new ItemsPage<>(items, next));
    }

    private void get(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        QueryParameters.of(ctx, Set.of());
        TableInfo table = existing(project, ctx.pathParam("table"));
        Answers.json(ctx, mapper, 200, TableDetail.of(table, services.process().profiles().forTable(project, table.name())));
    }

    private void rows(Context ctx) throws IOException {
        String project = access.project(ctx, ProjectRole.READER);
        QueryParameters parameters = QueryParameters.of(ctx, ROWS_PARAMETERS);
        long offset = parameters.number("offset", 0, Long.MAX_VALUE, 0);
        int limit = parameters.integer("limit", 1, MAX_PREVIEW_ROWS, DEFAULT_PREVIEW_ROWS);
        TableInfo table = existing(project, ctx.pathParam("table"));
        Answers.json(ctx, mapper, 200, RowsPage.of(store.preview(project, table.name(), offset, limit)));
    }

    private void export(Context ctx) {
        String project = access.project(ctx, ProjectRole.READER);
        ExportFormat format = ExportFormat.parse(QueryParameters.of(ctx, EXPORT_PARAMETERS).text("format"), ExportFormat.all());
        TableInfo table = existing(project, ctx.pathParam("table"));
        Answers.stream(ctx, format.contentType(), ContentDisposition.attachment(format.fileName(table.name())), out -> {
            TableWriter writer = format == ExportFormat.CSV ? TableCsv.start(table.columns(), out) : new ParquetTableWriter(out, table.columns());
            store.export(project, table.name(), writer);
            // Not in a finally block: closing after a failure would finish a file that lacks rows.
            writer.close();
        });
    }

    /** A name no table can have names no table: 404 without asking the store. */
    private TableInfo existing(String project, String name) {
        return (Column.NAME.matcher(name).matches() ? store.table(project, name) : Optional.<TableInfo>empty())
                .orElseThrow(() -> LakeException.of(ErrorCode.TABLE_NOT_FOUND, "Table %s does not exist in project %s", name, project));
    }

    private static String encodeCursor(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LakeException.of(ErrorCode.INVALID_CURSOR, "Cursor '%s' is not one this list handed out", cursor);
        }
    }
}
