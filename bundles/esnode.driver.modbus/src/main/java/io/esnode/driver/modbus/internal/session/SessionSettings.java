package io.esnode.driver.modbus.internal.session;

import java.util.List;

/**
 * How one connection is polled.
 *
 * @param driverId           driver id (for logs and thread names)
 * @param devices            one plan per unit id
 * @param timeoutMillis      per-request timeout
 * @param retries            further attempts after a timeout or a bad frame (not after a Modbus exception)
 * @param pauseMillis        pause between two requests on this connection
 * @param reconnectMinMillis first reconnect delay
 * @param reconnectMaxMillis longest reconnect delay
 */
public record SessionSettings(String driverId, List<DevicePlan> devices, long timeoutMillis, int retries,
                              long pauseMillis, long reconnectMinMillis, long reconnectMaxMillis) {
    public SessionSettings {
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("nothing to poll");
        }
    }

    /** Thread name prefix: {@code esnode-modbus-<driver id>}. */
    public String threadPrefix() {
        return "esnode-modbus-" + driverId;
    }

    public int requestsPerCycle() {
        return devices.stream().mapToInt(d -> d.requests().size()).sum();
    }
}
