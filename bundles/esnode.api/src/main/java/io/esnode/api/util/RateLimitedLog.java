package io.esnode.api.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides whether a repeated fault may be logged now: at most once per interval per key, reporting how many
 * occurrences were suppressed in between. Use: {@code if (limiter.allow(key)) log.warn("… ({} suppressed)", …)}.
 */
public final class RateLimitedLog {
    private final long intervalMillis;
    private final LongSupplier clock;
    private final Map<String, long[]> lastAndSuppressed = new ConcurrentHashMap<>();
    private final AtomicLong suppressedTotal = new AtomicLong();

    public RateLimitedLog(long intervalMillis) {
        this(intervalMillis, System::currentTimeMillis);
    }

    public RateLimitedLog(long intervalMillis, LongSupplier clock) {
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    /**
     * Returns -1 when this occurrence must not be logged, else the number of occurrences suppressed since the
     * last logged one (0 or more).
     */
    public long allow(String key) {
        long now = clock.getAsLong();
        long[] state = lastAndSuppressed.computeIfAbsent(key, k -> new long[] {Long.MIN_VALUE, 0});
        synchronized (state) {
            if (state[0] != Long.MIN_VALUE && now - state[0] < intervalMillis) {
                state[1]++;
                suppressedTotal.incrementAndGet();
                return -1;
            }
            long suppressed = state[1];
            state[0] = now;
            state[1] = 0;
            return suppressed;
        }
    }

    public long suppressedTotal() {
        return suppressedTotal.get();
    }
}
