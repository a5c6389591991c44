package io.esnode.api.util;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Named daemon threads ({@code esnode-<what>-<id>-N}) that log uncaught exceptions, and bounded shutdown. */
public final class NamedThreads implements ThreadFactory {
    private static final Logger LOG = Logger.getLogger(NamedThreads.class.getName());
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.log(Level.SEVERE, "uncaught exception in " + th.getName(), e));
        return t;
    }

    /** A scheduler whose cancelled tasks are removed at once (so reconfiguration does not accumulate them). */
    public static ScheduledExecutorService scheduler(String prefix, int threads) {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(threads, new NamedThreads(prefix));
        s.setRemoveOnCancelPolicy(true);
        s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return s;
    }

    /** Shuts an executor down and waits up to {@code millis} for its threads; restores the interrupt flag. */
    public static boolean shutdown(ExecutorService executor, long millis) {
        if (executor == null) {
            return true;
        }
        executor.shutdownNow();
        try {
            return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
