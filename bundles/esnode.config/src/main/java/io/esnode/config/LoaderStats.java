package io.esnode.config;

import java.util.concurrent.atomic.AtomicLong;

/** What the loader has done so far; written by the loader thread, read by scrapes. */
final class LoaderStats {
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean valid;
    private volatile long lastSuccessMillis;
    private volatile int managed;

    void error() {
        errors.incrementAndGet();
        valid = false;
    }

    void missing() {
        valid = false;
    }

    void applied(long nowMillis, int managedConfigurations) {
        valid = true;
        lastSuccessMillis = nowMillis;
        managed = managedConfigurations;
    }

    /** File reads not applied because of a syntax, validation, secret, I/O or Config Admin error. */
    long errors() {
        return errors.get();
    }

    /** True when the last read of the file was applied. */
    boolean valid() {
        return valid;
    }

    /** Epoch milliseconds of the last applied read, 0 before the first. */
    long lastSuccessMillis() {
        return lastSuccessMillis;
    }

    /** Configurations that the last applied read keeps in Config Admin. */
    int managed() {
        return managed;
    }
}
