package io.esnode.api.util;

import io.esnode.api.DriverState;
import io.esnode.api.DriverStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Thread-safe bookkeeping behind a driver's {@link DriverStatus}; drivers update it from any thread. */
public final class StatusTracker {
    private final String driverId;
    private final String protocol;
    private final String target;
    private final LongSupplier clock;
    private volatile DriverState state = DriverState.STARTING;
    private volatile long lastSuccessMillis;
    private volatile String lastError = "";
    private volatile long lastErrorMillis;
    private final LongAdder readings = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicLong latencyCount = new AtomicLong();
    private final AtomicLong latencyNanosSum = new AtomicLong();

    public StatusTracker(String driverId, String protocol, String target) {
        this(driverId, protocol, target, System::currentTimeMillis);
    }

    public StatusTracker(String driverId, String protocol, String target, LongSupplier clock) {
        this.driverId = driverId;
        this.protocol = protocol;
        this.target = target;
        this.clock = clock;
    }

    public void state(DriverState newState) {
        state = newState;
    }

    public DriverState state() {
        return state;
    }

    /** Records {@code count} good readings produced now. */
    public void success(int count) {
        readings.add(count);
        lastSuccessMillis = clock.getAsLong();
    }

    /** Counts an error of a kind and remembers its message (which must hold no secret). */
    public void error(String kind, String message) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        lastError = message == null ? kind : message;
        lastErrorMillis = clock.getAsLong();
    }

    public long errors(String kind) {
        LongAdder a = errors.get(kind);
        return a == null ? 0 : a.sum();
    }

    public void latencyNanos(long nanos) {
        latencyCount.incrementAndGet();
        latencyNanosSum.addAndGet(nanos);
    }

    public DriverStatus snapshot() {
        Map<String, Long> byKind = new TreeMap<>();
        errors.forEach((k, v) -> byKind.put(k, v.sum()));
        return new DriverStatus(driverId, protocol, target, state, lastSuccessMillis, lastError, lastErrorMillis,
                readings.sum(), byKind, latencyCount.get(), latencyNanosSum.get() / 1e9);
    }
}
