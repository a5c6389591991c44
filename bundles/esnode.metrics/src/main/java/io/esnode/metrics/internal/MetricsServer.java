package io.esnode.metrics.internal;

import io.esnode.api.util.NamedThreads;
import io.esnode.api.util.RateLimitedLog;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint serving a registry (simpleclient's {@link HTTPServer}: {@code /metrics}, {@code /} and
 * {@code /-/healthy}). It binds on its own thread and, while the address is taken, keeps retrying so that the
 * exporter comes up once the port is free, without the component failing.
 */
public final class MetricsServer {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final String address;
    private final int port;
    private final CollectorRegistry registry;
    private final long retryMillis;
    private final RateLimitedLog stillFailing = new RateLimitedLog(300_000L);
    private final ScheduledExecutorService binder = NamedThreads.scheduler("esnode-metrics-bind", 1);
    private final ExecutorService http = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            new NamedThreads("esnode-metrics-http"));
    private HTTPServer server;
    private boolean closed;
    private int failures;
    private String lastError = "";

    public MetricsServer(String address, int port, CollectorRegistry registry, long retryMillis) {
        this.address = address;
        this.port = port;
        this.registry = registry;
        this.retryMillis = retryMillis;
    }

    /** Starts binding in the background; returns at once. */
    public void start() {
        binder.scheduleWithFixedDelay(this::tryBind, 0, retryMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void tryBind() {
        if (closed || server != null) {
            return;
        }
        try {
            server = new HTTPServer.Builder().withInetSocketAddress(new InetSocketAddress(address, port))
                    .withRegistry(registry).withExecutorService(http).withDaemonThreads(true).build();
            binder.shutdown();
            LOG.info("serving Prometheus metrics on http://{}:{}/metrics", address, server.getPort());
        } catch (IOException | RuntimeException e) {
            failures++;
            lastError = "cannot listen on " + address + ":" + port + " for /metrics: " + e
                    + "; retrying every " + retryMillis + " ms";
            long suppressed = stillFailing.allow("bind");
            if (failures == 1) {
                LOG.error("{} (is another exporter using the port? set port/bind_address in configuration esnode.metrics)",
                        lastError);
            } else if (suppressed >= 0) {
                LOG.error("still {} ({} failed attempts)", lastError, failures);
            }
        }
    }

    /** The port actually listened on, or -1 while not bound. */
    public synchronized int boundPort() {
        return server == null ? -1 : server.getPort();
    }

    /** The last bind failure message, empty if none. */
    public synchronized String lastError() {
        return lastError;
    }

    /** Stops retrying, closes the listener and its threads. */
    public void stop() {
        synchronized (this) {
            closed = true;
        }
        NamedThreads.shutdown(binder, 5_000);
        synchronized (this) {
            if (server != null) {
                server.close();
                server = null;
            }
        }
        NamedThreads.shutdown(http, 5_000);
    }
}
