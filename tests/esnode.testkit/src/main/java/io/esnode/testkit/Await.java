package io.esnode.testkit;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling waits with a deadline and a failure message. */
public final class Await {
    private Await() {
    }

    public static void until(BooleanSupplier condition, long timeoutMillis, Supplier<String> message) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms: " + message.get());
            }
            sleep(10);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
