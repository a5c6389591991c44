package io.esnode.driver.mqtt.internal.transport;

import io.esnode.api.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** MQTT 3.1.1 through Paho's mqttv3 client; every Paho task runs on the executor given by the driver. */
final class Paho3Connection implements MqttConnection {
    private static final long DISCONNECT_WAIT_MILLIS = 1000;
    private final ConnectionSettings settings;
    private final Listener listener;
    private final ScheduledExecutorService executor;
    private volatile MqttAsyncClient client;
    private volatile boolean closed;

    Paho3Connection(ConnectionSettings settings, Listener listener, ScheduledExecutorService executor) {
        this.settings = settings;
        this.listener = listener;
        this.executor = executor;
    }

    @Override
    public void connect() throws MqttTransportException {
        releaseClient();
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence(),
                    new ScheduledExecutorPingSender(executor), executor);
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttTransportException(ErrorKind.CONFIG, "cannot create MQTT client: " + e.getMessage(), e);
        }
        c.setCallback(new Callback(c));
        client = c;
        if (closed) {
            releaseClient();
            throw new MqttTransportException(ErrorKind.CONNECT, "connection closed", null);
        }
        try {
            IMqttToken token = c.connect(options());
            token.waitForCompletion(settings.connectTimeoutSeconds() * 1000L + 2000L);
        } catch (MqttException e) {
            releaseClient();
            int code = e.getReasonCode();
            String kind = code == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || code == MqttException.REASON_CODE_NOT_AUTHORIZED ? ErrorKind.AUTH : ErrorKind.CONNECT;
            throw new MqttTransportException(kind, "connect to " + settings.serverUri() + " failed: "
                    + MqttTransportException.describe(e), e);
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setAutomaticReconnect(false); // the session reconnects with its own backoff and resubscribes
        o.setCleanSession(settings.cleanSession());
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setConnectionTimeout(settings.connectTimeoutSeconds());
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().toCharArray());
        }
        if (settings.socketFactory() != null) {
            o.setSocketFactory(settings.socketFactory());
            o.setHttpsHostnameVerificationEnabled(settings.jdkHostnameVerification());
        }
        return o;
    }

    @Override
    public List<String> subscribe(List<String> filters, int qos) throws MqttTransportException {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            throw new MqttTransportException(ErrorKind.CONNECT, "not connected", null);
        }
        int[] qoss = new int[filters.size()];
        java.util.Arrays.fill(qoss, qos);
        try {
            IMqttToken token = c.subscribe(filters.toArray(String[]::new), qoss);
            token.waitForCompletion(settings.connectTimeoutSeconds() * 1000L + 2000L);
            int[] granted = token.getGrantedQos();
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                if (granted == null || (i < granted.length && granted[i] >= 0x80)) {
                    refused.add(filters.get(i));
                }
            }
            return refused;
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttTransportException(ErrorKind.PROTOCOL, "subscribe failed: "
                    + MqttTransportException.describe(e), e);
        }
    }

    @Override
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        releaseClient();
    }

    private void releaseClient() {
        MqttAsyncClient c = client;
        client = null;
        if (c == null) {
            return;
        }
        List<Object> components = PahoStartLoopBreaker.components(c);
        try {
            if (c.isConnected()) {
                c.disconnect(0).waitForCompletion(DISCONNECT_WAIT_MILLIS); // sends DISCONNECT: no will, clean end
            }
        } catch (MqttException | RuntimeException e) {
            // not connected or already closing: the forced disconnect below ends it
        }
        try {
            c.disconnectForcibly(0, DISCONNECT_WAIT_MILLIS, false);
        } catch (MqttException | RuntimeException e) {
            // already disconnected
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            // closing is best effort; the executor shutdown ends any remaining task
        }
        PahoStartLoopBreaker.release(c, components, settings.clientId());
    }

    /** Forwards events of one client instance; events of an already released client are dropped. */
    private final class Callback implements MqttCallback {
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (client == owner && !closed) {
                listener.connectionLost(cause == null ? "connection lost" : MqttTransportException.describe(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (client == owner) {
                listener.messageArrived(topic, message.getPayload());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
