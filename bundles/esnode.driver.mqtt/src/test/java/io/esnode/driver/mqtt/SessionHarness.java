package io.esnode.driver.mqtt;

import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.mqtt.internal.session.MessageMapper;
import io.esnode.driver.mqtt.internal.session.MqttSession;
import io.esnode.driver.mqtt.internal.transport.MqttConnections;
import io.esnode.testkit.InMemoryReadingStore;

/**
 * Runs an {@link MqttSession} built from a configuration, outside OSGi, against an in-memory store: validated
 * settings, status tracker, mapper and session wired as the component does, but each part reachable by the test.
 */
public final class SessionHarness implements AutoCloseable {
    public final InMemoryReadingStore store = new InMemoryReadingStore();
    public final StatusTracker status;
    public final MqttSession session;
    public final String driverId;

    public SessionHarness(MqttDriver.Config config) {
        DriverSettings settings = DriverSettings.from(config);
        driverId = settings.driverId();
        status = new StatusTracker(settings.driverId(), "mqtt", settings.connection().serverUri());
        RateLimitedLog rateLimit = new RateLimitedLog(60_000);
        MessageMapper mapper = new MessageMapper(settings.driverId(), settings.mappings(), status, rateLimit);
        session = new MqttSession(settings.session(), mapper, store, status, rateLimit,
                (listener, executor) -> MqttConnections.create(settings.connection(), listener, executor));
    }

    public SessionHarness start() {
        session.start();
        return this;
    }

    /** Stops the session and checks that none of its threads survived. */
    @Override
    public void close() {
        session.stop();
        ThreadCheck.assertNoThreadsLeft(driverId, "esnode-" + driverId);
    }
}
