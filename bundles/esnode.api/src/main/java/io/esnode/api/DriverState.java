package io.esnode.api;

/** Life cycle of a driver instance. */
public enum DriverState {
    STARTING, CONNECTED, DEGRADED, DISCONNECTED, STOPPED;

    /** Whether the driver currently reaches its device or broker ({@code esnode_driver_up} = 1). */
    public boolean isUp() {
        return this == CONNECTED || this == DEGRADED;
    }
}
