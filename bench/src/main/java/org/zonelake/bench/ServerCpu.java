package org.zonelake.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Where the CPU of an upload goes on this machine: the thread that sends it (the benchmark's client), the rest of this
 * JVM (the in-process lake), each server process of {@code ./zonelake services} an upload passes through (found by its
 * PID file, read from {@code /proc}, never signalled), and the machine's busy time over all cores.
 */
final class ServerCpu {
    /** Linux's USER_HZ on every architecture the lake runs on: /proc counts CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Path> pidFiles;

    /** CPU seconds at one instant: of this JVM's Java threads by id, of the servers, of every process by pid; and the wall clock. */
    record Reading(long nanos, double clientThread, double jvm, Map<Long, NamedCpu> threads, Map<String, Double> servers,
                   Map<Long, NamedCpu> processes, Set<Long> measured, double machineBusy) {}

    /** CPU seconds of a thread or a process, with its name. */
    record NamedCpu(String name, double seconds) {}

    /**
     * Core-seconds spent between two readings, and the wall seconds between them. {@code lakeThreads} splits the lake's
     * share by Java thread, named with their numbers replaced by {@code #} (Jetty's {@code JettyServerThreadPool-#}, ...);
     * the rest of the lake's share is the JVM's own threads (garbage collection, JIT compilation), which Java does not list.
     * {@code others} are the other processes of the machine, by command name.
     */
    record Usage(double wallSeconds, double client, double lake, Map<String, Double> lakeThreads, Map<String, Double> servers,
                 Map<String, Double> others, double machineBusy) {
        /** The machine's cores kept busy on average, by anything. */
        double busyCores() {
            return machineBusy / wallSeconds;
        }

        /** The machine's busy time none of the processes measured spent: other processes, and the kernel's own work. */
        double unattributed() {
            return machineBusy - client - lake - sum(servers);
        }

        /** What no process was charged with (interrupts, the kernel's threads are processes too). */
        double kernel() {
            return unattributed() - sum(others);
        }

        double jvmInternal() {
            return lake - sum(lakeThreads);
        }

        private static double sum(Map<String, Double> seconds) {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private ServerCpu(Map<String, Path> pidFiles) {
        this.pidFiles = pidFiles;
    }

    /** The Swift servers (Keystone-auth proxy, object, container, account) and Keystone, under the services directory. */
    static ServerCpu of(Path servicesDir) {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("swift proxy", servicesDir.resolve("swift/run/proxy-keystone.pid"));
        files.put("object server", servicesDir.resolve("swift/run/object.pid"));
        files.put("container server", servicesDir.resolve("swift/run/container.pid"));
        files.put("account server", servicesDir.resolve("swift/run/account.pid"));
        files.put("keystone", servicesDir.resolve("keystone/uwsgi.pid"));
        files.values().removeIf(file -> !Files.isReadable(file));
        return new ServerCpu(files);
    }

    /** Call on the thread that sends the uploads: its CPU is the client's. */
    Reading read() {
        Map<Long, NamedCpu> processes = processes();
        Set<Long> measured = new HashSet<>(Set.of(ProcessHandle.current().pid()));
        Map<String, Double> servers = new LinkedHashMap<>();
        pidFiles.forEach((name, file) -> {
            Set<Long> tree = processTree(file);
            measured.addAll(tree);
            servers.put(name, tree.stream().mapToDouble(pid -> processes.getOrDefault(pid, new NamedCpu("", 0)).seconds()).sum());
        });
        return new Reading(System.nanoTime(), THREADS.getCurrentThreadCpuTime() / 1e9, ProcessCpu.seconds(), threads(), servers,
                processes, measured, machineBusySeconds());
    }

    /** What was spent since {@code start}; call on the thread that called {@link #read()}. */
    Usage since(Reading start) {
        Reading end = read();
        Map<String, Double> servers = new LinkedHashMap<>();
        end.servers().forEach((name, seconds) -> servers.put(name, seconds - start.servers().getOrDefault(name, seconds)));
        double client = end.clientThread() - start.clientThread();
        long self = Thread.currentThread().getId();
        Map<String, Double> lakeThreads = deltas(start.threads(), end.threads(), id -> id != self);
        Map<String, Double> others = deltas(start.processes(), end.processes(), pid -> !end.measured().contains(pid));
        return new Usage((end.nanos() - start.nanos()) / 1e9, client, end.jvm() - start.jvm() - client, lakeThreads, servers, others,
                end.machineBusy() - start.machineBusy());
    }

    /** CPU spent between the readings by name; what started in between counts whole, what ended in between is lost. */
    private static Map<String, Double> deltas(Map<Long, NamedCpu> start, Map<Long, NamedCpu> end, LongPredicate included) {
        Map<String, Double> byName = new TreeMap<>();
        end.forEach((id, now) -> {
            if (included.test(id)) {
                NamedCpu before = start.get(id);
                byName.merge(now.name(), now.seconds() - (before == null ? 0 : before.seconds()), Double::sum);
            }
        });
        return byName;
    }

    private static Map<Long, NamedCpu> threads() {
        Map<Long, NamedCpu> threads = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            long nanos = info == null ? -1 : THREADS.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                threads.put(info.getThreadId(), new NamedCpu(info.getThreadName().replaceAll("[0-9]+", "#"), nanos / 1e9));
            }
        }
        return threads;
    }

    /** utime + stime of every process, by pid, named by its command (as /proc/<pid>/stat gives it, 15 characters). */
    private static Map<Long, NamedCpu> processes() {
        Map<Long, NamedCpu> processes = new HashMap<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    // The command name may hold spaces: fields are counted after its closing parenthesis.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    processes.put(Long.parseLong(dir.getFileName().toString()), new NamedCpu(name, seconds));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read
                }
            }
        } catch (IOException e) {
            return processes;
        }
        return processes;
    }

    /** The pid in the file and its direct children (uwsgi's workers); empty if the file or the process is gone. */
    private static Set<Long> processTree(Path pidFile) {
        Set<Long> tree = new HashSet<>();
        try {
            String pid = Files.readString(pidFile).trim();
            tree.add(Long.parseLong(pid));
            Path children = Path.of("/proc", pid, "task", pid, "children");
            if (Files.isReadable(children)) {
                for (String child : Files.readString(children).trim().split("\\s+")) {
                    if (!child.isEmpty()) {
                        tree.add(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return tree;
        }
        return tree;
    }

    /** user + nice + system + irq + softirq + steal of all cores, from the first line of /proc/stat. */
    private static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(fields[field]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
