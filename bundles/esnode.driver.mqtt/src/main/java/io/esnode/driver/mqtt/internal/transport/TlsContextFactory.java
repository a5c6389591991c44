package io.esnode.driver.mqtt.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the TLS socket factory from PEM files: the CA bundle ({@code ca_cert_path}, else the JDK trust store), an
 * optional client certificate and key (mutual TLS), the allowed versions and the hostname check.
 */
public final class TlsContextFactory {
    private static final Set<String> ALLOWED_VERSIONS = Set.of("TLSv1.2", "TLSv1.3");
    private static final char[] IN_MEMORY_PASSWORD = "esnode".toCharArray(); // protects nothing: never stored

    /**
     * @param caCertPath          PEM CA bundle, or null for the system trust store
     * @param clientCertPath      PEM client certificate chain, or null
     * @param clientKeyPath       PEM private key of the client certificate, or null
     * @param versions            e.g. TLSv1.3, TLSv1.2
     * @param hostnameVerification whether the server certificate must match the host (or {@code serverName})
     * @param serverName          name to verify instead of the URL's host, or null
     */
    public record TlsSettings(Path caCertPath, Path clientCertPath, Path clientKeyPath, List<String> versions,
                              boolean hostnameVerification, String serverName) {
        public TlsSettings {
            versions = List.copyOf(versions);
            serverName = serverName == null || serverName.isBlank() ? null : serverName.trim();
        }
    }

    /** The result: a socket factory and whether Paho must switch on the JDK's own hostname check. */
    public record TlsSetup(SSLSocketFactory socketFactory, boolean jdkHostnameVerification, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    private TlsContextFactory() {
    }

    /** Checks the versions list; returns it normalised. */
    public static List<String> parseVersions(String text) {
        List<String> versions = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("tls_versions is empty");
        }
        for (String v : versions) {
            if (!ALLOWED_VERSIONS.contains(v)) {
                throw new IllegalArgumentException("tls_versions: '" + v + "' is not TLSv1.2 or TLSv1.3");
            }
        }
        return versions;
    }

    public static TlsSetup create(TlsSettings s) throws GeneralSecurityException, IOException {
        if ((s.clientCertPath() == null) != (s.clientKeyPath() == null)) {
            throw new GeneralSecurityException("client_cert_path and client_key_path must be given together");
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers(s), trustManagers(s), null);
        SSLSocketFactory factory = new ProtocolLimitingSocketFactory(ctx.getSocketFactory(),
                s.versions().toArray(String[]::new));
        boolean jdkCheck = s.hostnameVerification() && s.serverName() == null;
        String description = String.join("/", s.versions())
                + " ca=" + (s.caCertPath() == null ? "system" : s.caCertPath())
                + (s.clientCertPath() == null ? "" : " client_cert=" + s.clientCertPath())
                + " hostname_verification=" + s.hostnameVerification()
                + (s.serverName() == null ? "" : " tls_server_name=" + s.serverName());
        return new TlsSetup(factory, jdkCheck, description);
    }

    private static KeyManager[] keyManagers(TlsSettings s) throws GeneralSecurityException, IOException {
        if (s.clientCertPath() == null) {
            return null;
        }
        List<X509Certificate> chain = PemFiles.certificates(readable(s.clientCertPath(), "client_cert_path"));
        PrivateKey key = PemFiles.privateKey(readable(s.clientKeyPath(), "client_key_path"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, IN_MEMORY_PASSWORD);
        return kmf.getKeyManagers();
    }

    private static TrustManager[] trustManagers(TlsSettings s) throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (s.caCertPath() == null) {
            tmf.init((KeyStore) null);
        } else {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate ca : PemFiles.certificates(readable(s.caCertPath(), "ca_cert_path"))) {
                ks.setCertificateEntry("ca-" + i++, ca);
            }
            tmf.init(ks);
        }
        TrustManager[] tms = tmf.getTrustManagers();
        if (!s.hostnameVerification() || s.serverName() == null) {
            return tms; // JDK endpoint identification (via Paho) or no name check at all
        }
        for (int i = 0; i < tms.length; i++) {
            if (tms[i] instanceof X509ExtendedTrustManager x) {
                tms[i] = new ServerNameTrustManager(x, s.serverName());
            }
        }
        return tms;
    }

    private static Path readable(Path p, String key) throws IOException {
        if (!Files.isReadable(p)) {
            throw new IOException(key + " '" + p + "' is not a readable file");
        }
        return p;
    }
}
