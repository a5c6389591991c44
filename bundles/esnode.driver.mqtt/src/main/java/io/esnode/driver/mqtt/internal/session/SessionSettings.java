package io.esnode.driver.mqtt.internal.session;

import java.util.List;

/**
 * What the session needs besides the connection: who it is, what to subscribe and how to back off.
 *
 * @param driverId           driver id (for logs)
 * @param target             broker URL without credentials (for logs)
 * @param subscriptions      topic filters to subscribe after every connect
 * @param qos                requested QoS for every subscription
 * @param reconnectMinMillis first reconnect delay
 * @param reconnectMaxMillis longest reconnect delay
 */
public record SessionSettings(String driverId, String target, List<String> subscriptions, int qos,
                              long reconnectMinMillis, long reconnectMaxMillis) {
    public SessionSettings {
        subscriptions = List.copyOf(subscriptions);
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("no topics to subscribe");
        }
    }

    /** Thread name prefix: {@code esnode-mqtt-<driver id>}. */
    public String threadPrefix() {
        return "esnode-mqtt-" + driverId;
    }
}
