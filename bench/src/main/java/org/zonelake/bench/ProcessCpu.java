package org.zonelake.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole process (lake, Spark, H2 and the benchmark's client share it) and the machine's load. On a
 * machine shared with other work, core-seconds move much less than wall time does.
 */
final class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    static double seconds() {
        return OS.getProcessCpuTime() / 1e9;
    }

    /** The system's load average over the last minute (runnable processes, all of the machine). */
    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
