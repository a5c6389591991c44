package io.esnode.driver.mqtt.bench;

import io.esnode.api.util.NamedThreads;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes a list of payloads at QoS 1 on one connection, with at most {@code window} messages not yet
 * acknowledged by the broker, and returns only when the broker has acknowledged (PUBACK) every one of them.
 *
 * <p>Replaces {@code mosquitto_pub -l}, which cannot publish more than 65 535 QoS 1 messages: it queues all stdin
 * lines at once and disconnects on the first PUBACK whose message id equals the last message's id; ids wrap at
 * 65 535, so of 100 000 lines the broker received about 34 500 (its log says "disconnected due to out of memory", a
 * misleading text for a client that left with unacknowledged messages, eclipse-mosquitto/mosquitto#3253).
 */
final class WindowedPublisher implements AutoCloseable {
    private static final long ACK_TIMEOUT_MILLIS = 120_000;
    private final ScheduledExecutorService executor = NamedThreads.scheduler("bench-pub", 6);
    private final MqttAsyncClient client;
    private final int window;

    WindowedPublisher(String serverUri, String clientId, int window) throws MqttException {
        this.window = window;
        this.client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence(), new TimerPingSender(executor),
                executor);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        IMqttToken connected = client.connect(o);
        connected.waitForCompletion(10_000);
        Integer brokerReceiveMaximum = connected.getResponseProperties() == null ? null
                : connected.getResponseProperties().getReceiveMaximum();
        if (brokerReceiveMaximum != null && brokerReceiveMaximum < window) {
            throw new IllegalStateException("broker receive maximum " + brokerReceiveMaximum + " < window " + window);
        }
    }

    /** Publishes every payload in order; returns after the last PUBACK, or fails on any error or timeout. */
    void publishAll(String topic, List<byte[]> payloads) throws InterruptedException, MqttException {
        Semaphore unacked = new Semaphore(window);
        AtomicLong acked = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MqttActionListener onAck = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                acked.incrementAndGet();
                unacked.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                failure.compareAndSet(null, exception);
                unacked.release();
            }
        };
        for (byte[] payload : payloads) {
            if (!unacked.tryAcquire(ACK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no PUBACK within " + ACK_TIMEOUT_MILLIS + " ms; acked " + acked.get());
            }
            if (failure.get() != null) {
                throw new IllegalStateException("publish failed after " + acked.get() + " acks", failure.get());
            }
            MqttMessage m = new MqttMessage(payload);
            m.setQos(1);
            client.publish(topic, m, null, onAck);
        }
        if (!unacked.tryAcquire(window, ACK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("last PUBACKs missing: acked " + acked.get() + " of " + payloads.size());
        }
        if (failure.get() != null || acked.get() != payloads.size()) {
            throw new IllegalStateException("acked " + acked.get() + " of " + payloads.size(), failure.get());
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(2000);
        } catch (MqttException e) {
            // the forced close below ends it
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // best effort
        }
        NamedThreads.shutdown(executor, 3000);
    }
}
