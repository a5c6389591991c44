package io.esnode.driver.mqtt.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.driver.mqtt.testing.TestPki;
import io.esnode.testkit.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM reading and the name check, on certificates and keys made by the openssl CLI. */
class TlsFilesTest {
    private static TestPki pki;

    @BeforeAll
    static void pki() {
        MosquittoBroker.assumeInstalled(); // the CI image that has mosquitto has openssl too
        pki = TestPki.get();
    }

    @Test
    void readsPkcs8Sec1AndPkcs1KeysThatMatchTheirCertificates() throws Exception {
        PrivateKey pkcs8 = PemFiles.privateKey(pki.clientKeyPkcs8);
        PrivateKey sec1 = PemFiles.privateKey(pki.clientKeySec1);
        assertTrue(Files.readString(pki.clientKeySec1).contains("BEGIN EC PRIVATE KEY"));
        assertTrue(pkcs8 instanceof ECPrivateKey);
        assertEquals(((ECPrivateKey) pkcs8).getS(), ((ECPrivateKey) sec1).getS());
        PrivateKey rsa = PemFiles.privateKey(pki.rsaClientKeyPkcs1);
        assertTrue(Files.readString(pki.rsaClientKeyPkcs1).contains("BEGIN RSA PRIVATE KEY"));
        assertEquals(2048, ((RSAPrivateKey) rsa).getModulus().bitLength());
    }

    @Test
    void readsCertificateChains(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(pki.caCert) + "\n" + Files.readString(pki.otherCaCert));
        List<X509Certificate> certs = PemFiles.certificates(bundle);
        assertEquals(2, certs.size());
        assertEquals("CN=esnode test CA", certs.get(0).getSubjectX500Principal().getName());
        assertEquals("CN=other CA", certs.get(1).getSubjectX500Principal().getName());
    }

    @Test
    void refusesEncryptedKeysAndFilesWithoutPem(@TempDir Path dir) throws Exception {
        Path enc = dir.resolve("enc.key");
        Files.writeString(enc, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertEquals(enc + ": encrypted private keys are not supported",
                assertThrows(GeneralSecurityException.class, () -> PemFiles.privateKey(enc)).getMessage());
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "nothing here");
        assertEquals(empty + " contains no PEM private key",
                assertThrows(GeneralSecurityException.class, () -> PemFiles.privateKey(empty)).getMessage());
        assertEquals(empty + " contains no PEM certificate",
                assertThrows(GeneralSecurityException.class, () -> PemFiles.certificates(empty)).getMessage());
    }

    @Test
    void hostnameMatchingFollowsTheCertificateNames() throws Exception {
        X509Certificate server = PemFiles.certificates(pki.serverCert).get(0);
        assertTrue(HostnameMatcher.matches(server, "127.0.0.1"));
        assertTrue(HostnameMatcher.matches(server, "LOCALHOST"));
        assertTrue(HostnameMatcher.matches(server, "localhost."));
        assertFalse(HostnameMatcher.matches(server, "127.0.0.2"));
        assertFalse(HostnameMatcher.matches(server, "other.local"));
        X509Certificate wrong = PemFiles.certificates(pki.wrongHostCert).get(0);
        assertTrue(HostnameMatcher.matches(wrong, TestPki.WRONG_HOST));
        assertFalse(HostnameMatcher.matches(wrong, "127.0.0.1"));
        // a client certificate has no SAN: its CN is the only name
        X509Certificate client = PemFiles.certificates(pki.clientCert).get(0);
        assertTrue(HostnameMatcher.matches(client, "esnode-client"));
    }

    @Test
    void wildcardsCoverExactlyOneLeftmostLabel() {
        assertTrue(HostnameMatcher.dnsMatches("*.example.com", "mqtt.example.com"));
        assertFalse(HostnameMatcher.dnsMatches("*.example.com", "a.mqtt.example.com"));
        assertFalse(HostnameMatcher.dnsMatches("*.example.com", "example.com"));
        assertFalse(HostnameMatcher.dnsMatches("*.com", "example.com"));
        assertFalse(HostnameMatcher.dnsMatches("m*.example.com", "mqtt.example.com"));
        assertTrue(HostnameMatcher.isIpLiteral("::1"));
        assertFalse(HostnameMatcher.isIpLiteral("broker.local"));
    }
}
