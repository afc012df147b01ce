package org.zonelake.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zonelake.core.process.Route;
import org.zonelake.core.process.RouteRepository;

/** What every {@link RouteRepository} must do; extend it once per backend. */
public abstract class RouteRepositoryContract {
    protected static final String PROJECT = "alpha";

    protected abstract RouteRepository repository();

    @Test
    public void findsNoTableForAProjectThatSetNone() {
        assertThat(repository().find(PROJECT)).isEmpty();
    }

    @Test
    public void findsTheTableInTheOrderItWasSet() {
        List<Route> table = List.of(
                new Route("text/csv", "survey", "timeseries-json"),
                new Route("text/*", null, "sql-tabular"),
                new Route("application/*+json", "", "json"),
                new Route("*/*", null, "none"));

        repository().replace(PROJECT, table);

        assertThat(repository().find(PROJECT)).contains(table);
        assertThat(repository().find(PROJECT).orElseThrow().get(2).template()).isNull();
    }

    @Test
    public void replacesTheWholeTable() {
        repository().replace(PROJECT, List.of(new Route("text/csv", null, "sql-tabular"), new Route("image/*", null, "graph-image")));

        repository().replace(PROJECT, List.of(new Route("application/json", null, "json")));

        assertThat(repository().find(PROJECT)).contains(List.of(new Route("application/json", null, "json")));
    }

    @Test
    public void keepsAnEmptyTableApartFromNoTable() {
        repository().replace(PROJECT, List.of());

        assertThat(repository().find(PROJECT)).contains(List.of());
    }

    @Test
    public void keepsEachProjectsTableApart() {
        repository().replace(PROJECT, List.of(new Route("text/csv", null, "sql-tabular")));
        repository().replace("beta", List.of(new Route("text/csv", null, "timeseries-json")));

        assertThat(repository().find(PROJECT)).contains(List.of(new Route("text/csv", null, "sql-tabular")));
        assertThat(repository().find("beta")).contains(List.of(new Route("text/csv", null, "timeseries-json")));
    }

    @Test
    public void resetGoesBackToTheDefaultsOnce() {
        repository().replace(PROJECT, List.of(new Route("text/csv", null, "sql-tabular")));
        repository().replace("beta", List.of(new Route("text/csv", null, "sql-tabular")));

        assertThat(repository().reset(PROJECT)).isTrue();
        assertThat(repository().reset(PROJECT)).isFalse();

        assertThat(repository().find(PROJECT)).isEmpty();
        assertThat(repository().find("beta")).isPresent();
    }
}
