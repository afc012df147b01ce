package org.zonelake.core.process;

import java.util.List;
import java.util.Optional;

/** Per-project routing tables; a project without its own table uses the lake's defaults. */
public interface RouteRepository {
    /** The project's own table, if it set one. */
    Optional<List<Route>> find(String project);

    /** Sets the project's table as a whole. */
    void replace(String project, List<Route> routes);

    /** Drops the project's table, going back to the defaults; true if there was one. */
    boolean reset(String project);
}
