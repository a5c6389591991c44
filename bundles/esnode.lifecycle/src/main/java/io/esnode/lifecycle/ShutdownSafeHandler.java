package io.esnode.lifecycle;

import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A root-logger handler that outlives the JDK's own logging shutdown hook. On SIGTERM that hook
 * ({@code LogManager.Cleaner}) removes and closes every handler while {@link GracefulShutdown} is still stopping the
 * bundles, which would swallow their last lines and the final "stopped" line. So while the JVM is shutting down a
 * close only flushes and re-attaches the handler to the root logger; the target is closed for real by
 * {@link #closeTarget()} when the bundle stops in a running JVM.
 */
final class ShutdownSafeHandler extends Handler {
    private final Handler target;
    private final boolean ownsStream;

    /** @param ownsStream false for a handler on System.out, whose stream must never be closed */
    ShutdownSafeHandler(Handler target, boolean ownsStream) {
        this.target = target;
        this.ownsStream = ownsStream;
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            target.publish(record);
            target.flush();
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        if (jvmShuttingDown()) {
            target.flush();
            Logger root = Logger.getLogger("");
            if (!Arrays.asList(root.getHandlers()).contains(this)) {
                root.addHandler(this);
            }
            return;
        }
        closeTarget();
    }

    void closeTarget() {
        if (ownsStream) {
            target.close();
        } else {
            target.flush();
        }
    }

    /** True once the JVM runs its shutdown hooks (SIGTERM, SIGINT, System.exit): hooks can no longer be added. */
    static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { }, "esnode-shutdown-probe");
        Runtime runtime = Runtime.getRuntime();
        try {
            runtime.addShutdownHook(probe);
            runtime.removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
