package io.esnode.driver.mqtt;

import static io.esnode.driver.mqtt.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.DriverState;
import io.esnode.api.ErrorKind;
import io.esnode.driver.mqtt.testing.TestPki;
import io.esnode.testkit.Await;
import io.esnode.testkit.MosquittoBroker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS, mutual TLS and hostname verification against a real Mosquitto with certificates from a test CA. */
class MqttSessionTlsTest {
    private static final long WAIT = 10_000;
    @TempDir
    Path dir;
    private MosquittoBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private MosquittoBroker tlsBroker(Path cert, Path key, boolean requireClientCert) {
        TestPki pki = TestPki.get();
        broker = MosquittoBroker.create(dir).withTls(pki.caCert, cert, key, requireClientCert).start();
        return broker;
    }

    private static Map<String, Object> base(String id, MosquittoBroker b, Object... more) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("broker_url", "ssl://127.0.0.1:" + b.port());
        m.put("ca_cert_path", TestPki.get().caCert.toString());
        m.put("points", "name=v;topic=tls/v;path=$.v");
        m.put("reconnect_min", "5");
        m.put("reconnect_max", "5");
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private void assertReceives(Map<String, Object> cfg) {
        try (SessionHarness h = new SessionHarness(config(cfg)).start()) {
            Await.until(() -> h.status.state() == DriverState.CONNECTED, WAIT,
                    () -> h.status.snapshot() + "\n" + broker.log());
            broker.publish("tls/v", "{\"v\": 42.5}");
            h.store.awaitValue(h.driverId, "v", Map.of(), 42.5, WAIT);
        }
    }

    /** Waits for the first failed attempt (retries are 5 s apart) and returns the error message. */
    private String assertRejected(Map<String, Object> cfg) {
        try (SessionHarness h = new SessionHarness(config(cfg)).start()) {
            Await.until(() -> h.status.errors(ErrorKind.CONNECT) == 1, WAIT, () -> h.status.snapshot().toString());
            assertEquals(DriverState.DISCONNECTED, h.status.state());
            assertEquals(0, h.status.snapshot().readingsTotal());
            return h.status.snapshot().lastError();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "3.1.1"})
    void serverCertificateFromTestCaIsTrusted(String version) {
        TestPki pki = TestPki.get();
        tlsBroker(pki.serverCert, pki.serverKey, false);
        assertReceives(base("tls" + version.replace(".", ""), broker, "mqtt_version", version));
    }

    @Test
    void legacyTargetWithUseTlsAndTls12Only() {
        TestPki pki = TestPki.get();
        tlsBroker(pki.serverCert, pki.serverKey, false);
        Map<String, Object> cfg = base("legacytls", broker, "target", "localhost:" + broker.port(), "use_tls", "true",
                "tls_versions", "TLSv1.2");
        cfg.remove("broker_url");
        assertReceives(cfg);
    }

    @Test
    void certificateOfAnUnknownCaIsRejected() {
        TestPki pki = TestPki.get();
        tlsBroker(pki.serverCert, pki.serverKey, false);
        String error = assertRejected(base("untrusted", broker, "ca_cert_path", pki.otherCaCert.toString()));
        assertTrue(error.contains("PKIX") || error.contains("certif"), error);
    }

    @Test
    void certificateForAnotherHostIsRejectedWhenVerifying() {
        TestPki pki = TestPki.get();
        tlsBroker(pki.wrongHostCert, pki.wrongHostKey, false);
        String error = assertRejected(base("wronghost", broker));
        assertTrue(error.contains("127.0.0.1"), error);
    }

    @Test
    void certificateForAnotherHostIsRejectedOverMqtt311Too() {
        TestPki pki = TestPki.get();
        tlsBroker(pki.wrongHostCert, pki.wrongHostKey, false);
        assertRejected(base("wronghost3", broker, "mqtt_version", "3.1.1"));
    }

    @Test
    void certificateForAnotherHostIsAcceptedWithoutVerification() {
        TestPki pki = TestPki.get();
        tlsBroker(pki.wrongHostCert, pki.wrongHostKey, false);
        assertReceives(base("noverify", broker, "hostname_verification", "false"));
    }

    @Test
    void certificateIsCheckedAgainstTlsServerName() {
        TestPki pki = TestPki.get();
        tlsBroker(pki.wrongHostCert, pki.wrongHostKey, false);
        assertReceives(base("servername", broker, "tls_server_name", TestPki.WRONG_HOST));
        String error = assertRejected(base("servername2", broker, "tls_server_name", "other.example.test"));
        assertTrue(error.contains("tls_server_name 'other.example.test'"), error);
    }

    @Test
    void mutualTlsWithEachKeyFormat() {
        TestPki pki = TestPki.get();
        tlsBroker(pki.serverCert, pki.serverKey, true);
        assertReceives(base("mtls8", broker, "client_cert_path", pki.clientCert.toString(),
                "client_key_path", pki.clientKeyPkcs8.toString()));
        assertReceives(base("mtlsec", broker, "client_cert_path", pki.clientCert.toString(),
                "client_key_path", pki.clientKeySec1.toString(), "mqtt_version", "3.1.1"));
        assertReceives(base("mtlsrsa", broker, "client_cert_path", pki.rsaClientCert.toString(),
                "client_key_path", pki.rsaClientKeyPkcs1.toString()));
    }

    /** Over TLS 1.3 the broker refuses the client after the handshake: the case that trips Paho's start loop. */
    @ParameterizedTest
    @ValueSource(strings = {"5", "3.1.1"})
    void mutualTlsWithoutClientCertificateIsRejected(String version) {
        TestPki pki = TestPki.get();
        tlsBroker(pki.serverCert, pki.serverKey, true);
        String error = assertRejected(base("nocert" + version.replace(".", ""), broker, "mqtt_version", version));
        assertTrue(error.contains("certificate_required") || error.contains("Connection lost"), error);
    }
}
