package io.esnode.driver.mqtt.internal.transport;

import java.util.List;

/**
 * One MQTT client towards one broker. Calls to {@link #connect()} and {@link #subscribe} block (with a bound) and
 * are made from one thread; {@link #close()} may be called from any thread and ends every Paho task.
 */
public interface MqttConnection extends AutoCloseable {

    /** Receives messages and connection loss, on the client's callback thread. Must not throw. */
    interface Listener {
        void messageArrived(String topic, byte[] payload);

        void connectionLost(String reason);
    }

    /** Opens a fresh network connection (closing any earlier one of this object). */
    void connect() throws MqttTransportException;

    /**
     * Subscribes to every filter with {@code qos}; returns the filters the broker refused (empty when all were
     * granted).
     */
    List<String> subscribe(List<String> filters, int qos) throws MqttTransportException;

    boolean isConnected();

    /** Disconnects (best effort, bounded) and releases the client; no callback is delivered afterwards. */
    @Override
    void close();
}
