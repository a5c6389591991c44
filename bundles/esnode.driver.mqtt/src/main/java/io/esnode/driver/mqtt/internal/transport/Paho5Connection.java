package io.esnode.driver.mqtt.internal.transport;

import io.esnode.api.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;

/** MQTT 5 through Paho's mqttv5 client; every Paho task runs on the executor given by the driver. */
final class Paho5Connection implements MqttConnection {
    /** Session expiry asked for when clean_session is false (MQTT 5 replaced "clean session" by an expiry). */
    static final long PERSISTENT_SESSION_EXPIRY_SECONDS = 24 * 3600;

    private static final long DISCONNECT_WAIT_MILLIS = 1000;
    private final ConnectionSettings settings;
    private final Listener listener;
    private final ScheduledExecutorService executor;
    private volatile MqttAsyncClient client;
    private volatile boolean closed;

    Paho5Connection(ConnectionSettings settings, Listener listener, ScheduledExecutorService executor) {
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
                    new TimerPingSender(executor), executor);
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
            String kind = code == MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD
                    || code == MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED ? ErrorKind.AUTH : ErrorKind.CONNECT;
            throw new MqttTransportException(kind, "connect to " + settings.serverUri() + " failed: "
                    + MqttTransportException.describe(e), e);
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setAutomaticReconnect(false); // the session reconnects with its own backoff and resubscribes
        o.setCleanStart(settings.cleanSession());
        if (!settings.cleanSession()) {
            o.setSessionExpiryInterval(PERSISTENT_SESSION_EXPIRY_SECONDS);
        }
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setConnectionTimeout(settings.connectTimeoutSeconds());
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
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
        MqttSubscription[] subs = filters.stream().map(f -> new MqttSubscription(f, qos))
                .toArray(MqttSubscription[]::new);
        try {
            IMqttToken token = c.subscribe(subs);
            token.waitForCompletion(settings.connectTimeoutSeconds() * 1000L + 2000L);
            int[] codes = token.getReasonCodes();
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                if (codes == null || (i < codes.length && codes[i] >= 0x80)) {
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
        public void disconnected(MqttDisconnectResponse response) {
            if (client == owner && !closed) {
                String reason = response.getException() != null ? MqttTransportException.describe(response.getException())
                        : "broker sent DISCONNECT, reason " + response.getReturnCode()
                        + (response.getReasonString() == null ? "" : " (" + response.getReasonString() + ")");
                listener.connectionLost(reason);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            // reported for protocol trouble on a live connection; a real loss also arrives as disconnected()
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (client == owner) {
                listener.messageArrived(topic, message.getPayload());
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
