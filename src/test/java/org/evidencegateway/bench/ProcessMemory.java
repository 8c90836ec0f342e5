package org.evidencegateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident set size of another process from {@code /proc/<pid>/status}: its peak ({@code VmHWM}), which a write
 * of {@code 5} to {@code /proc/<pid>/clear_refs} resets (Linux; our own children only), so that the peak of each
 * measured phase is its own.
 */
final class ProcessMemory {
    private final long pid;
    private boolean resettable = true;

    ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** Starts a new peak from the current RSS; if the kernel refuses, later peaks include earlier phases. */
    void resetPeak() {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
        } catch (IOException e) {
            resettable = false;
        }
    }

    /** Whether every {@link #resetPeak()} so far took effect. */
    boolean peakIsPerPhase() {
        return resettable;
    }

    /** Peak RSS since the last reset (or the process start), bytes; -1 if unknown. */
    long peakBytes() {
        return kib("VmHWM:");
    }

    /** Current RSS, bytes; -1 if unknown. */
    long currentBytes() {
        return kib("VmRSS:");
    }

    private long kib(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
