package io.esnode.api.util;

import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect delay with jitter: attempt n waits a random time in [base/2, base] where
 * base = min(max, min * 2^n), so many gateways restarting together do not hit a broker or device in step.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int attempt;

    public Backoff(long minMillis, long maxMillis, DoubleSupplier random) {
        if (minMillis <= 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max");
        }
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    public synchronized long nextDelayMillis() {
        double base = Math.min((double) maxMillis, minMillis * Math.pow(2, Math.min(attempt, 40)));
        attempt++;
        return Math.max(1L, Math.round(base / 2 + random.getAsDouble() * base / 2));
    }

    public synchronized void reset() {
        attempt = 0;
    }
}
