package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Part 1 of the distributed benchmark: one file uploaded through the lake's gateway into Swift (a single-request
 * multipart upload, streamed from disk) against a direct PUT of the same file to the same Swift proxy, as the same Swift
 * user, alternating. Each leg is timed end to end by the client, with the CPU every process on the way spent and the
 * time Swift's proxy logged for each of the leg's requests.
 */
final class UploadThroughput {
    static final double AIM_RATIO = 0.9;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final PrintStream out;
    private final GatewayClient lake;
    private final SwiftDirect swift;
    private final ServerCpu cpu;
    private final ProxyLog proxyLog;

    /** A file to upload, with the digests each path's answer must show. */
    record TestFile(Path path, long size, String sha256, String md5) {
        double gib() {
            return size / (double) (1L << 30);
        }
    }

    /** One timed upload. */
    record Leg(String path, double seconds, ServerCpu.Usage cpu, List<ProxyLog.Entry> requests, long size) {
        double mibPerSecond() {
            return size / (double) (1 << 20) / seconds;
        }

        /** Core-seconds per GiB uploaded. */
        double perGib(double coreSeconds) {
            return coreSeconds / (size / (double) (1L << 30));
        }
    }

    UploadThroughput(PrintStream out, GatewayClient lake, SwiftDirect swift, ServerCpu cpu, ProxyLog proxyLog) {
        this.out = requireNonNull(out, "out is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.swift = requireNonNull(swift, "swift is null");
        this.cpu = requireNonNull(cpu, "cpu is null");
        this.proxyLog = requireNonNull(proxyLog, "proxyLog is null");
    }

    /** Runs the warm-up (untimed, if a file is given) and the repetitions; deletes everything it uploaded. */
    List<Leg> run(TestFile file, TestFile warmUp, int repetitions) throws InterruptedException {
        // Not "zonelake_...": the lake takes the proxy filter's events for this container as none of its business.
        String scratch = "bench-direct-" + Long.toString(System.currentTimeMillis(), 36);
        swift.createContainer(scratch);
        try {
            if (warmUp != null) {
                long start = System.nanoTime();
                direct(scratch, warmUp);
                viaGateway(warmUp);
                out.printf("  warm-up: %d MiB each way, untimed, in %.1f s%n", warmUp.size() >> 20, (System.nanoTime() - start) / 1e9);
            }
            List<Leg> legs = new ArrayList<>();
            for (int i = 1; i <= repetitions; i++) {
                legs.add(print(i, direct(scratch, file)));
                legs.add(print(i, viaGateway(file)));
            }
            summarize(legs);
            return legs;
        } finally {
            swift.deleteContainer(scratch);
        }
    }

    private Leg direct(String container, TestFile file) throws InterruptedException {
        String name = "direct-" + System.nanoTime();
        ProxyLog.Mark mark = proxyLog.mark();
        ServerCpu.Reading before = cpu.read();
        long start = System.nanoTime();
        String etag = swift.put(container, name, file.path());
        double seconds = (System.nanoTime() - start) / 1e9;
        ServerCpu.Usage usage = cpu.since(before);
        LakeClient.require(etag.equalsIgnoreCase(file.md5()), "Swift stored " + name + " with ETag " + etag + ", not the file's MD5 " + file.md5());
        List<ProxyLog.Entry> requests = proxyLog.since(mark, entry -> entry.method().equals("PUT") && entry.path().endsWith("/" + name));
        swift.delete(container, name);
        return new Leg("direct Swift PUT", seconds, usage, requests, file.size());
    }

    private Leg viaGateway(TestFile file) throws InterruptedException {
        ProxyLog.Mark mark = proxyLog.mark();
        ServerCpu.Reading before = cpu.read();
        long start = System.nanoTime();
        JsonNode object = lake.upload("bench-" + (file.size() >> 20) + "mib.bin", "application/octet-stream", file.path());
        double seconds = (System.nanoTime() - start) / 1e9;
        ServerCpu.Usage usage = cpu.since(before);
        long id = object.path("id").asLong();
        LakeClient.require(object.path("size").asLong() == file.size() && object.path("sha256").asText().equals(file.sha256()),
                "the lake stored object " + id + " as " + object.path("size") + " bytes with SHA-256 " + object.path("sha256"));
        Predicate<ProxyLog.Entry> commit = entry -> entry.method().equals("PUT") && !entry.segment()
                && (entry.path().endsWith("/" + id) || entry.path().contains("/" + id + "%3F"));
        List<ProxyLog.Entry> requests = proxyLog.since(mark, commit);
        // Its run (no pipeline takes a binary) ends before the next leg, so that it takes no CPU from it.
        lake.awaitRunEnd(id, Duration.ofMillis(100), RUN_TIMEOUT);
        lake.delete(id);
        return new Leg("through the gateway", seconds, usage, requests, file.size());
    }

    private Leg print(int repetition, Leg leg) {
        out.printf("  #%d %-20s %,6d MiB in %6.2f s = %6.1f MiB/s | core-s/GiB: %s | machine %.2f of %d cores busy%n", repetition,
                leg.path(), leg.size() >> 20, leg.seconds(), leg.mibPerSecond(), cpuPerGib(leg), leg.cpu().busyCores(),
                Runtime.getRuntime().availableProcessors());
        if (leg.perGib(leg.cpu().lake()) >= 0.1) {
            out.printf("     the lake's core-s/GiB by thread: %s%n", threadSummary(leg));
        }
        if (!leg.requests().isEmpty()) {
            out.printf("     in Swift's proxy log: %s%n", requestSummary(leg));
        }
        return leg;
    }

    /** The lake's threads that spent at least 0.05 core-seconds per GiB, busiest first, and the JVM's own threads. */
    private static String threadSummary(Leg leg) {
        return busiest(leg, leg.cpu().lakeThreads(), 5) + String.format(", JVM's own (GC, JIT) %.2f", leg.perGib(leg.cpu().jvmInternal()));
    }

    private static String cpuPerGib(Leg leg) {
        StringBuilder text = new StringBuilder(String.format("client %.2f, lake %.2f", leg.perGib(leg.cpu().client()), leg.perGib(leg.cpu().lake())));
        leg.cpu().servers().forEach((name, seconds) -> text.append(String.format(", %s %.2f", name, leg.perGib(seconds))));
        return text.append(String.format(", other processes %.2f (%s), kernel %.2f", leg.perGib(leg.cpu().unattributed() - leg.cpu().kernel()),
                busiest(leg, leg.cpu().others(), 3), leg.perGib(leg.cpu().kernel()))).toString();
    }

    /** The {@code limit} busiest names with at least 0.05 core-seconds per GiB, busiest first. */
    private static String busiest(Leg leg, Map<String, Double> seconds, int limit) {
        return seconds.entrySet().stream().filter(entry -> leg.perGib(entry.getValue()) >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit)
                .map(entry -> String.format("%s %.2f", entry.getKey(), leg.perGib(entry.getValue())))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /** The leg's client requests in Swift, by kind, and the time of the leg outside all of them. */
    private static String requestSummary(Leg leg) {
        Map<String, List<ProxyLog.Entry>> kinds = new LinkedHashMap<>();
        for (ProxyLog.Entry entry : leg.requests()) {
            String kind = !entry.method().equals("PUT") ? entry.method() + (entry.segment() ? " of a segment" : "")
                    : entry.segment() ? "segment PUT" : entry.manifest() ? "manifest PUT" : "object PUT";
            kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(entry);
        }
        StringBuilder text = new StringBuilder();
        double inSwift = 0;
        for (Map.Entry<String, List<ProxyLog.Entry>> kind : kinds.entrySet()) {
            double seconds = kind.getValue().stream().mapToDouble(ProxyLog.Entry::seconds).sum();
            long bytes = kind.getValue().stream().mapToLong(ProxyLog.Entry::bytesReceived).sum();
            inSwift += seconds;
            text.append(String.format("%s%d %s %.2f s", text.length() == 0 ? "" : ", ", kind.getValue().size(), kind.getKey(), seconds));
            if (bytes >= 1 << 20) {
                text.append(String.format(" (%.1f MiB/s while in them)", bytes / (double) (1 << 20) / seconds));
            }
        }
        return text.append(String.format("; the leg's time outside any Swift request %.2f s", leg.seconds() - inSwift)).toString();
    }

    private void summarize(List<Leg> legs) {
        List<Leg> direct = legs.stream().filter(leg -> leg.path().startsWith("direct")).toList();
        List<Leg> gateway = legs.stream().filter(leg -> !leg.path().startsWith("direct")).toList();
        out.printf("  %s%n", headline(legs));
        out.print("  median core-seconds per GiB, direct | gateway: ");
        out.print(pair("client", direct, gateway, usage -> usage.client()) + pair(", lake", direct, gateway, usage -> usage.lake()));
        for (String server : direct.get(0).cpu().servers().keySet()) {
            out.print(pair(", " + server, direct, gateway, usage -> usage.servers().get(server)));
        }
        out.println(pair(", the rest", direct, gateway, ServerCpu.Usage::unattributed)
                + pair(", machine busy", direct, gateway, ServerCpu.Usage::machineBusy));
        out.printf("  for comparison, alone on one thread of this machine: SHA-256 %.2f, MD5 %.2f core-s/GiB"
                + " (the gateway computes both, on the request's thread)%n", hashCost("SHA-256"), hashCost("MD5"));
    }

    /** Core-seconds per GiB of one digest over 256 MiB from a 1 MiB buffer, on this thread, after a short warm-up. */
    private static double hashCost(String algorithm) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
        byte[] buffer = new byte[1 << 20];
        new SplittableRandom(1).nextBytes(buffer);
        for (int i = 0; i < 32; i++) {
            digest.update(buffer);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 256; i++) {
            digest.update(buffer);
        }
        digest.digest();
        return (threads.getCurrentThreadCpuTime() - start) / 1e9 * 4;
    }

    /** {@code label} and the median core-seconds per GiB of a part for both paths. */
    private static String pair(String label, List<Leg> direct, List<Leg> gateway, ToDoubleFunction<ServerCpu.Usage> part) {
        return String.format("%s %.2f | %.2f", label, median(direct, leg -> leg.perGib(part.applyAsDouble(leg.cpu()))),
                median(gateway, leg -> leg.perGib(part.applyAsDouble(leg.cpu()))));
    }

    /** The medians of both paths and their ratio, against the aim. */
    static String headline(List<Leg> legs) {
        double directMedian = median(legs.stream().filter(leg -> leg.path().startsWith("direct")).toList(), Leg::mibPerSecond);
        double gatewayMedian = median(legs.stream().filter(leg -> !leg.path().startsWith("direct")).toList(), Leg::mibPerSecond);
        double ratio = gatewayMedian / directMedian;
        return String.format("median of %d: direct %.1f MiB/s, gateway %.1f MiB/s; ratio gateway/direct %.2f (aim >= %.1f: %s)", legs.size() / 2,
                directMedian, gatewayMedian, ratio, AIM_RATIO, ratio >= AIM_RATIO ? "met" : "NOT met");
    }

    private static double median(List<Leg> legs, ToDoubleFunction<Leg> value) {
        return Percentiles.of(legs.stream().map(value::applyAsDouble).toList()).p50();
    }
}
