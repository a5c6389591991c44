package io.esnode.api;

import java.util.Map;

/**
 * A snapshot of a driver instance's health.
 *
 * @param driverId             unique driver id
 * @param protocol             mqtt, modbus, snmp, dnp3 …
 * @param target               what it talks to (broker URL, host:port, serial port), without credentials
 * @param state                life-cycle state
 * @param lastSuccessMillis    epoch ms of the last good reading or poll, 0 if none yet
 * @param lastError            message of the last error, empty if none (never contains secrets)
 * @param lastErrorMillis      epoch ms of the last error, 0 if none
 * @param readingsTotal        good readings produced since start
 * @param errorsByKind         error counts by {@link ErrorKind}
 * @param latencyCount         number of polls / messages timed
 * @param latencySecondsSum    sum of their latencies in seconds
 */
public record DriverStatus(String driverId, String protocol, String target, DriverState state,
                           long lastSuccessMillis, String lastError, long lastErrorMillis, long readingsTotal,
                           Map<String, Long> errorsByKind, long latencyCount, double latencySecondsSum) {

    public DriverStatus {
        errorsByKind = errorsByKind == null ? Map.of() : Map.copyOf(errorsByKind);
        lastError = lastError == null ? "" : lastError;
        target = target == null ? "" : target;
    }
}
