package org.zonelake.ingest;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.gold.graph.GraphStore;
import org.zonelake.core.gold.sql.SqlStore;
import org.zonelake.core.gold.timeseries.TimeSeriesStore;
import org.zonelake.core.metadata.ProfileRepository;
import org.zonelake.core.process.RouteRepository;
import org.zonelake.core.process.RunRepository;

/**
 * The process zone's ports the gateway serves: pipeline runs and routing tables, table profiles, and the three gold
 * zones.
 *
 * @param runsChanged wakes the pipeline runner after a redo or a cancel, so that it need not wait for its next poll
 */
public record ProcessServices(
        RunRepository runs,
        RouteRepository routes,
        ProfileRepository profiles,
        TimeSeriesStore timeSeries,
        SqlStore sql,
        GraphStore graph,
        Runnable runsChanged) {

    public ProcessServices {
        requireNonNull(runs, "runs is null");
        requireNonNull(routes, "routes is null");
        requireNonNull(profiles, "profiles is null");
        requireNonNull(timeSeries, "timeSeries is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(graph, "graph is null");
        requireNonNull(runsChanged, "runsChanged is null");
    }

    /**
     * For a gateway wired without a process zone: every call answers {@code gold_zone_unavailable} (503), so the
     * process endpoints exist and say why they cannot answer.
     */
    public static ProcessServices unconfigured() {
        return new ProcessServices(absent(RunRepository.class), absent(RouteRepository.class), absent(ProfileRepository.class),
                absent(TimeSeriesStore.class), absent(SqlStore.class), absent(GraphStore.class), () -> { });
    }

    private static <T> T absent(Class<T> port) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "toString" -> "unconfigured " + port.getSimpleName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "close" -> null;
            default -> throw LakeException.of(ErrorCode.GOLD_ZONE_UNAVAILABLE,
                    "Cannot call %s.%s: the process zone is not configured on this server", port.getSimpleName(), method.getName());
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
