package io.esnode.driver.mqtt.internal.transport;

import java.util.concurrent.ScheduledExecutorService;

/** Creates the Paho-backed connection for the configured protocol version. */
public final class MqttConnections {
    private MqttConnections() {
    }

    public static MqttConnection create(ConnectionSettings settings, MqttConnection.Listener listener,
                                        ScheduledExecutorService pahoExecutor) {
        return settings.version() == MqttVersion.V5
                ? new Paho5Connection(settings, listener, pahoExecutor)
                : new Paho3Connection(settings, listener, pahoExecutor);
    }
}
