package io.esnode.metrics.internal;

import io.esnode.api.Driver;
import io.esnode.api.DriverStatus;
import io.esnode.api.Point;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A driver whose status is whatever the test says (a real implementation of the SPI, not a mock). */
public final class TestDriver implements Driver {
    private final String id;
    private final String protocol;
    private final Supplier<DriverStatus> status;

    public TestDriver(String id, String protocol, Supplier<DriverStatus> status) {
        this.id = id;
        this.protocol = protocol;
        this.status = status;
    }

    public Map<String, Object> properties() {
        return Map.of(Driver.DRIVER_ID, id, Driver.PROTOCOL, protocol);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public List<Point> points() {
        return List.of();
    }

    @Override
    public DriverStatus status() {
        return status.get();
    }
}
