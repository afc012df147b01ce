package org.zonelake.job;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * Gold-zone ports the job holds without connecting at start: one whose server is not configured fails when a
 * pipeline writes to it (the run is retried, the job exits 1), and one that connects on first use, so that an object
 * never waits for, or fails on, a gold zone its pipeline does not write to.
 */
final class GoldStores {
    private GoldStores() {
    }

    /** A store whose every call (but {@code close}) fails with {@code GOLD_ZONE_UNAVAILABLE}, naming the missing setting. */
    static <T extends AutoCloseable> T unconfigured(Class<T> port, String zone, String variable) {
        String message = String.format("Cannot reach the %s: %s is not set (a job connects to the gold zones by URL only)", zone, variable);
        return proxy(port, (self, method, args) -> switch (method.getName()) {
            case "close" -> null;
            case "toString" -> port.getSimpleName() + "[unconfigured: " + variable + "]";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new LakeException(ErrorCode.GOLD_ZONE_UNAVAILABLE, message);
        });
    }

    /** A store that opens the real one on its first call; {@code close} closes it if it was opened. */
    static <T extends AutoCloseable> T connectingOnFirstUse(Class<T> port, Supplier<T> open) {
        requireNonNull(open, "open is null");
        var holder = new Object() {
            private T store;

            synchronized T get() {
                if (store == null) {
                    store = open.get();
                }
                return store;
            }

            synchronized void close() throws Exception {
                if (store != null) {
                    store.close();
                }
            }
        };
        return proxy(port, (self, method, args) -> switch (method.getName()) {
            case "close" -> {
                holder.close();
                yield null;
            }
            case "toString" -> port.getSimpleName() + "[connecting on first use]";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> invoke(method, holder.get(), args);
        });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> port, InvocationHandler handler) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
