package io.esnode.driver.mqtt.internal.transport;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Validates the chain with the platform trust manager, then checks the server certificate against a configured
 * name ({@code tls_server_name}) instead of the host in the broker URL.
 */
final class ServerNameTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final String serverName;

    ServerNameTrustManager(X509ExtendedTrustManager delegate, String serverName) {
        this.delegate = delegate;
        this.serverName = serverName;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
        checkName(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        checkName(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        checkName(chain);
    }

    private void checkName(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0 || !HostnameMatcher.matches(chain[0], serverName)) {
            throw new CertificateException("server certificate does not match tls_server_name '" + serverName + "'");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
