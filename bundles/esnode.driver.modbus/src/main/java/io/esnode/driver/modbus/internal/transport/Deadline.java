package io.esnode.driver.modbus.internal.transport;

/** A point in {@link System#nanoTime()} time; reads wait at most until it. */
record Deadline(long nanos) {

    static Deadline in(long millis) {
        return new Deadline(System.nanoTime() + millis * 1_000_000L);
    }

    /** Milliseconds left, at least 1 while not expired, 0 once expired. */
    int remainingMillis() {
        long left = nanos - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
    }
}
