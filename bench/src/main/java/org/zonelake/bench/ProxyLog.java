package org.zonelake.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Swift proxy's access log (services/swift.sh runs the proxy with {@code -v}, so its proxy-logging lines go to
 * {@code log/proxy-keystone.log}): what the client requests of one upload cost inside Swift. The default line format is
 * {@code client remote date method path protocol status referer agent token bytes_recvd bytes_sent etag txid headers
 * request_time source log_info start end policy}; sub-requests of Swift's own filters (a {@code source}) are left out.
 */
final class ProxyLog {
    private final Path file;

    /** One client request as the proxy logged it. */
    record Entry(String method, String path, int status, long bytesReceived, double seconds, double start, double end) {
        boolean segment() {
            return path.contains("_segments/");
        }

        boolean manifest() {
            return path.contains("multipart-manifest%3Dput") || path.contains("multipart-manifest=put");
        }
    }

    /** Where a reading of the log starts. */
    record Mark(long offset) {}

    ProxyLog(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    boolean exists() {
        return Files.isReadable(file);
    }

    Mark mark() {
        try {
            return new Mark(exists() ? Files.size(file) : 0);
        } catch (IOException e) {
            return new Mark(0);
        }
    }

    /**
     * The client requests logged since the mark, once one matching {@code last} is there: the proxy writes a line when
     * it has finished the response, a moment after the client has it. Empty if none matches within two seconds.
     */
    List<Entry> since(Mark mark, Predicate<Entry> last) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (exists()) {
            List<Entry> entries = read(mark);
            if (entries.stream().anyMatch(last) || System.nanoTime() > deadline) {
                return entries.stream().anyMatch(last) ? entries : List.of();
            }
            Thread.sleep(20);
        }
        return List.of();
    }

    private List<Entry> read(Mark mark) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(mark.offset());
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Entry entry = parse(line);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return entries;
    }

    /** A client request's line, or null for anything else (start-up messages, Swift's own sub-requests). */
    static Entry parse(String line) {
        int colon = line.indexOf(": ");
        String[] f = (colon < 0 ? line : line.substring(colon + 2)).trim().split(" ");
        if (f.length < 21 || !f[4].startsWith("/v1/") || !f[16].equals("-")) {
            return null;
        }
        try {
            return new Entry(f[3], f[4], Integer.parseInt(f[6]), f[10].equals("-") ? 0 : Long.parseLong(f[10]), Double.parseDouble(f[15]),
                    Double.parseDouble(f[18]), Double.parseDouble(f[19]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
