package io.esnode.driver.mqtt.testing;

import io.esnode.testkit.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away CA with a server certificate for 127.0.0.1/localhost, one for the wrong host, and client
 * certificates, made once per JVM with the {@code openssl} CLI. Keys come in PKCS#8, PKCS#1 RSA and SEC1 EC form.
 */
public final class TestPki {
    public static final String WRONG_HOST = "wrong.example.test";
    private static TestPki instance;

    public final Path dir;
    public final Path caCert;
    public final Path serverCert;
    public final Path serverKey;
    public final Path wrongHostCert;
    public final Path wrongHostKey;
    /** Client certificate with an EC key in PKCS#8 ("BEGIN PRIVATE KEY"). */
    public final Path clientCert;
    public final Path clientKeyPkcs8;
    /** The same client key in SEC1 form ("BEGIN EC PRIVATE KEY"). */
    public final Path clientKeySec1;
    /** A second client certificate with an RSA key in PKCS#1 form ("BEGIN RSA PRIVATE KEY"). */
    public final Path rsaClientCert;
    public final Path rsaClientKeyPkcs1;
    /** A CA the broker does not know. */
    public final Path otherCaCert;

    private TestPki(Path dir) {
        this.dir = dir;
        caCert = dir.resolve("ca.crt");
        serverCert = dir.resolve("server.crt");
        serverKey = dir.resolve("server.key");
        wrongHostCert = dir.resolve("wrong.crt");
        wrongHostKey = dir.resolve("wrong.key");
        clientCert = dir.resolve("client.crt");
        clientKeyPkcs8 = dir.resolve("client.key");
        clientKeySec1 = dir.resolve("client-sec1.key");
        rsaClientCert = dir.resolve("rsa-client.crt");
        rsaClientKeyPkcs1 = dir.resolve("rsa-client-pkcs1.key");
        otherCaCert = dir.resolve("other-ca.crt");
    }

    public static synchronized TestPki get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("esnode-mqtt-pki");
                dir.toFile().deleteOnExit();
                TestPki pki = new TestPki(dir);
                pki.generate();
                instance = pki;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private void generate() throws IOException {
        ecKey("ca.key");
        openssl("req", "-x509", "-new", "-key", p("ca.key"), "-out", p("ca.crt"), "-days", "2",
                "-subj", "/CN=esnode test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        ecKey("other-ca.key");
        openssl("req", "-x509", "-new", "-key", p("other-ca.key"), "-out", p("other-ca.crt"), "-days", "2",
                "-subj", "/CN=other CA", "-addext", "basicConstraints=critical,CA:TRUE");
        ecKey("server.key");
        sign("server", "/CN=localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth");
        ecKey("wrong.key");
        sign("wrong", "/CN=" + WRONG_HOST, "subjectAltName=DNS:" + WRONG_HOST + "\nextendedKeyUsage=serverAuth");
        ecKey("client.key");
        openssl("ec", "-in", p("client.key"), "-out", p("client-sec1.key"));
        sign("client", "/CN=esnode-client", "extendedKeyUsage=clientAuth");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", p("rsa-client.key"));
        openssl("rsa", "-in", p("rsa-client.key"), "-traditional", "-out", p("rsa-client-pkcs1.key"));
        sign("rsa-client", "/CN=esnode-rsa-client", "extendedKeyUsage=clientAuth");
    }

    private void ecKey(String name) {
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", p(name));
    }

    private void sign(String name, String subject, String extensions) throws IOException {
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, extensions + "\n");
        openssl("req", "-new", "-key", p(name + ".key"), "-out", p(name + ".csr"), "-subj", subject);
        openssl("x509", "-req", "-in", p(name + ".csr"), "-CA", p("ca.crt"), "-CAkey", p("ca.key"),
                "-CAcreateserial", "-out", p(name + ".crt"), "-days", "2", "-extfile", ext.toString());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private static void openssl(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Commands.run(cmd);
    }
}
