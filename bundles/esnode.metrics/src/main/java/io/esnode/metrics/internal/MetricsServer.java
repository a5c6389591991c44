package io.esnode.metrics.internal;

import io.esnode.api.util.NamedThreads;
import io.esnode.api.util.RateLimitedLog;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
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
 * The HTTP endpoint serving a registry through {@link MetricsHandler} on {@code /metrics}, {@code /} and
 * {@code /-/healthy}, as simpleclient's HTTPServer did. It binds on its own thread and, while the address is taken,
 * keeps retrying so that the exporter comes up once the port is free, without the component failing.
 */
public final class MetricsServer {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    static {
        // the limits simpleclient's HTTPServer sets, so that a stalled client cannot hold a connection for ever;
        // the JDK reads them once, when its server classes load
        if (!System.getProperties().containsKey("sun.net.httpserver.maxReqTime")) {
            System.setProperty("sun.net.httpserver.maxReqTime", "60");
        }
        if (!System.getProperties().containsKey("sun.net.httpserver.maxRspTime")) {
            System.setProperty("sun.net.httpserver.maxRspTime", "600");
        }
    }

    private final String address;
    private final int port;
    private final CollectorRegistry registry;
    private final long retryMillis;
    private final RateLimitedLog stillFailing = new RateLimitedLog(300_000L);
    private final ScheduledExecutorService binder = NamedThreads.scheduler("esnode-metrics-bind", 1);
    private final ExecutorService http = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            new NamedThreads("esnode-metrics-http"));
    private HttpServer server;
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
            HttpServer bound = HttpServer.create(new InetSocketAddress(address, port), 3);
            try {
                MetricsHandler handler = new MetricsHandler(registry);
                bound.createContext("/", handler);
                bound.createContext("/metrics", handler);
                bound.createContext(MetricsHandler.HEALTHY, handler);
                bound.setExecutor(http);
                bound.start(); // its dispatcher thread inherits this (daemon) thread's daemon flag
            } catch (RuntimeException e) {
                bound.stop(0);
                throw e;
            }
            server = bound;
            binder.shutdown();
            LOG.info("serving Prometheus metrics on http://{}:{}/metrics", address, port(server));
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
        return server == null ? -1 : port(server);
    }

    /** The last bind failure message, empty if none. */
    public synchronized String lastError() {
        return lastError;
    }

    private static int port(HttpServer s) {
        return s.getAddress().getPort();
    }

    /** Stops retrying, closes the listener and its threads. */
    public void stop() {
        synchronized (this) {
            closed = true;
        }
        NamedThreads.shutdown(binder, 5_000);
        synchronized (this) {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
        NamedThreads.shutdown(http, 5_000);
    }
}
