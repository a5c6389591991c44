package io.esnode.console.internal;

import java.util.Map;

/**
 * What the console shows of one driver instance: its configuration joined with its running service (if any) or
 * why it does not run.
 *
 * @param state            CONNECTED, DEGRADED … from the driver; else DISABLED, FAILED, UNSATISFIED, PENDING
 * @param detail           why it is not running (the activation failure), empty otherwise
 * @param fromFile         made from etc/esnode.toml (changes there win over the console's)
 */
public record DriverRow(String id, String protocol, String pid, String state, String detail, boolean enabled,
                        boolean fromFile, String target, long lastSuccessMillis, String lastError,
                        Map<String, Long> errorsByKind, int points, long latencyCount, double latencySecondsSum) {

    public DriverRow {
        errorsByKind = errorsByKind == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorsByKind));
        lastError = lastError == null ? "" : lastError;
        detail = detail == null ? "" : detail;
        target = target == null ? "" : target;
    }

    /** Mean latency in milliseconds, or NaN before the first timed poll or message. */
    public double meanLatencyMillis() {
        return latencyCount == 0 ? Double.NaN : latencySecondsSum * 1000.0 / latencyCount;
    }

    public long errorsTotal() {
        return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
