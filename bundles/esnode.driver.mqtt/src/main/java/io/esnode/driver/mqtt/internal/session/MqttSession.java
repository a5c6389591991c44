package io.esnode.driver.mqtt.internal.session;

import io.esnode.api.DriverState;
import io.esnode.api.ErrorKind;
import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import io.esnode.api.util.Backoff;
import io.esnode.api.util.NamedThreads;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.mqtt.internal.transport.MqttConnection;
import io.esnode.driver.mqtt.internal.transport.MqttTransportException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one driver connected: connects on its own thread, subscribes every filter after every (re)connect — a
 * broker may have lost the session even when it was asked to keep it — and on failure or loss retries with
 * exponential backoff. Messages arrive on Paho's callback thread and are published to the store there.
 */
public final class MqttSession implements MqttConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);
    static final long SHUTDOWN_WAIT_MILLIS = 3000;
    /** Paho runs receiver, sender, callback, ping and connect/disconnect helpers at the same time. */
    static final int PAHO_THREADS = 6;

    private final SessionSettings settings;
    private final MessageMapper mapper;
    private final ReadingStore store;
    private final StatusTracker status;
    private final RateLimitedLog rateLimit;
    private final Backoff backoff;
    private final ScheduledExecutorService sessionExecutor;
    private final ScheduledExecutorService pahoExecutor;
    private final MqttConnection connection;
    private final Object lock = new Object();
    private ScheduledFuture<?> pendingConnect; // guarded by lock
    private volatile boolean stopped;

    /**
     * @param connections creates the connection for this session's listener on the given Paho executor
     */
    public MqttSession(SessionSettings settings, MessageMapper mapper, ReadingStore store, StatusTracker status,
                       RateLimitedLog rateLimit,
                       BiFunction<MqttConnection.Listener, ScheduledExecutorService, MqttConnection> connections) {
        this.settings = settings;
        this.mapper = mapper;
        this.store = store;
        this.status = status;
        this.rateLimit = rateLimit;
        this.backoff = new Backoff(settings.reconnectMinMillis(), settings.reconnectMaxMillis(),
                () -> ThreadLocalRandom.current().nextDouble());
        String prefix = settings.threadPrefix();
        this.sessionExecutor = NamedThreads.scheduler(prefix, 1);
        this.pahoExecutor = NamedThreads.scheduler(prefix + "-paho", PAHO_THREADS);
        this.connection = connections.apply(this, pahoExecutor);
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        status.state(DriverState.STARTING);
        schedule(0);
    }

    private void schedule(long delayMillis) {
        synchronized (lock) {
            if (stopped || (pendingConnect != null && !pendingConnect.isDone())) {
                return;
            }
            pendingConnect = sessionExecutor.schedule(this::connectOnce, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void connectOnce() {
        synchronized (lock) {
            pendingConnect = null; // a loss reported while this attempt runs must schedule the next one
        }
        if (stopped) {
            return;
        }
        try {
            connection.connect();
            List<String> refused = connection.subscribe(settings.subscriptions(), settings.qos());
            if (stopped || !connection.isConnected()) {
                return; // lost again already: connectionLost() has scheduled the next attempt
            }
            backoff.reset();
            if (refused.isEmpty()) {
                status.state(DriverState.CONNECTED);
                LOG.info("MQTT driver {}: connected to {}, subscribed to {}", settings.driverId(),
                        settings.target(), settings.subscriptions());
            } else {
                status.state(DriverState.DEGRADED);
                status.error(ErrorKind.PROTOCOL, "broker refused subscriptions " + refused);
                LOG.warn("MQTT driver {}: connected to {}, but the broker refused subscriptions {}",
                        settings.driverId(), settings.target(), refused);
            }
        } catch (MqttTransportException e) {
            if (stopped) {
                return;
            }
            status.state(DriverState.DISCONNECTED);
            status.error(e.kind(), e.getMessage());
            long delay = backoff.nextDelayMillis();
            long suppressed = rateLimit.allow("connect");
            if (suppressed >= 0) {
                LOG.warn("MQTT driver {}: {} [{}]; retrying in {} ms ({} similar suppressed)", settings.driverId(),
                        e.getMessage(), e.kind(), delay, suppressed);
            }
            schedule(delay);
        } catch (RuntimeException e) {
            if (stopped) {
                return;
            }
            status.state(DriverState.DISCONNECTED);
            status.error(ErrorKind.EXCEPTION, "unexpected " + e.getClass().getSimpleName() + " while connecting");
            LOG.error("MQTT driver {}: unexpected failure while connecting", settings.driverId(), e);
            schedule(backoff.nextDelayMillis());
        }
    }

    @Override
    public void connectionLost(String reason) {
        if (stopped) {
            return;
        }
        status.state(DriverState.DISCONNECTED);
        status.error(ErrorKind.CONNECT, "connection lost: " + reason);
        long delay = backoff.nextDelayMillis();
        LOG.warn("MQTT driver {}: connection to {} lost ({}); reconnecting in {} ms", settings.driverId(),
                settings.target(), reason, delay);
        schedule(delay);
    }

    @Override
    public void messageArrived(String topic, byte[] payload) {
        long startNanos = System.nanoTime();
        try {
            List<Reading> readings = mapper.map(topic, payload, System.currentTimeMillis());
            if (!readings.isEmpty()) {
                store.publish(readings);
                status.success(readings.size());
                status.latencyNanos(System.nanoTime() - startNanos);
            }
        } catch (RuntimeException e) {
            // an exception thrown back into Paho would close the connection
            status.error(ErrorKind.EXCEPTION, "publishing readings failed: " + e.getClass().getSimpleName());
            if (rateLimit.allow("publish") >= 0) {
                LOG.error("MQTT driver {}: publishing readings of topic {} failed", settings.driverId(), topic, e);
            }
        }
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    /** Disconnects, closes the client and ends both executors (bounded wait). */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (pendingConnect != null) {
                pendingConnect.cancel(false);
            }
        }
        connection.close();
        boolean sessionDone = NamedThreads.shutdown(sessionExecutor, SHUTDOWN_WAIT_MILLIS);
        connection.close(); // again: a connect that was running may have created a client meanwhile
        boolean pahoDone = NamedThreads.shutdown(pahoExecutor, SHUTDOWN_WAIT_MILLIS);
        if (!sessionDone || !pahoDone) {
            LOG.warn("MQTT driver {}: threads did not end within {} ms", settings.driverId(), SHUTDOWN_WAIT_MILLIS);
        }
        status.state(DriverState.STOPPED);
    }
}
