package io.esnode.driver.mqtt.internal.transport;

import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * Everything needed to open a client. {@link #toString()} masks the password; the password never leaves this
 * object except into the CONNECT packet.
 */
public final class ConnectionSettings {
    private final String serverUri;
    private final MqttVersion version;
    private final String clientId;
    private final String username;
    private final String password;
    private final boolean cleanSession;
    private final int keepAliveSeconds;
    private final int connectTimeoutSeconds;
    private final TlsContextFactory.TlsSetup tls;

    public ConnectionSettings(String serverUri, MqttVersion version, String clientId, String username,
                              String password, boolean cleanSession, int keepAliveSeconds, int connectTimeoutSeconds,
                              TlsContextFactory.TlsSetup tls) {
        this.serverUri = Objects.requireNonNull(serverUri, "serverUri");
        this.version = Objects.requireNonNull(version, "version");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.username = username == null || username.isEmpty() ? null : username;
        this.password = password == null || password.isEmpty() ? null : password;
        this.cleanSession = cleanSession;
        this.keepAliveSeconds = keepAliveSeconds;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.tls = tls;
    }

    public String serverUri() {
        return serverUri;
    }

    public MqttVersion version() {
        return version;
    }

    public String clientId() {
        return clientId;
    }

    public String username() {
        return username;
    }

    /** The password, or null; only for the CONNECT packet. */
    String password() {
        return password;
    }

    public boolean cleanSession() {
        return cleanSession;
    }

    public int keepAliveSeconds() {
        return keepAliveSeconds;
    }

    public int connectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /** TLS socket factory, or null for tcp://. */
    public SSLSocketFactory socketFactory() {
        return tls == null ? null : tls.socketFactory();
    }

    /** Whether Paho should switch on the JDK's HTTPS endpoint identification for the URI's host. */
    public boolean jdkHostnameVerification() {
        return tls != null && tls.jdkHostnameVerification();
    }

    @Override
    public String toString() {
        return "broker=" + serverUri + " mqtt=" + version + " client_id=" + clientId
                + " username=" + (username == null ? "-" : username) + " password=" + (password == null ? "-" : "****")
                + " clean_session=" + cleanSession + " keep_alive=" + keepAliveSeconds + "s"
                + (tls == null ? "" : " tls=" + tls);
    }
}
