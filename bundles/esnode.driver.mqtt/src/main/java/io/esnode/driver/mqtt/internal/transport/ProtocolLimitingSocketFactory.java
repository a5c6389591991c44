package io.esnode.driver.mqtt.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Restricts every socket it creates to the configured TLS versions ({@code tls_versions}). */
final class ProtocolLimitingSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final String[] protocols;

    ProtocolLimitingSocketFactory(SSLSocketFactory delegate, String[] protocols) {
        this.delegate = delegate;
        this.protocols = protocols.clone();
    }

    private Socket limit(Socket s) {
        if (s instanceof SSLSocket ssl) {
            ssl.setEnabledProtocols(protocols);
        }
        return s;
    }

    @Override
    public Socket createSocket() throws IOException {
        return limit(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return limit(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return limit(delegate.createSocket(s, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return limit(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return limit(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return limit(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return limit(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
