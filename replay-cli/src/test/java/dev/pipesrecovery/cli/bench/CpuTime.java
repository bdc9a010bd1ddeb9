package dev.pipesrecovery.cli.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time spent by this JVM (the benchmark's emulators, sink and ceiling clients) and by a child process: on a shared
 * 2-core machine a rate depends on the load, the CPU time a record costs does not, so it says what bounds a rate.
 */
final class CpuTime {

    private CpuTime() {}

    /** CPU time of every thread of this JVM so far, in nanoseconds. */
    static long thisJvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of {@code process} so far (0 once it has exited: sample it while it runs). */
    static long processNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
