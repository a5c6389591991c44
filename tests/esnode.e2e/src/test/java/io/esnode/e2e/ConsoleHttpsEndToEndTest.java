package io.esnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.esnode.testkit.FreePort;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over HTTPS only ([console] https_port, keystore, keystore_password, http_enabled = false): a PKCS12
 * keystore made by keytool for 127.0.0.1, a client that trusts exactly that certificate, 401 without and 200 with
 * the configured credentials, and nothing listening on the plain HTTP port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleHttpsEndToEndTest {
    private static final long ANSWER_TIMEOUT_MILLIS = 30_000;
    private static final String STORE_PASSWORD = "e2e-keystore-pw";

    @TempDir
    static Path dir;
    private Gateway gateway;
    private HttpClient client;
    private int httpPort;
    private int httpsPort;

    @BeforeAll
    void start() throws Exception {
        Path keystore = dir.resolve("console.p12");
        keytool("-genkeypair", "-alias", "console", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        // the password as a secret reference, the way an operator keeps it out of the TOML file
        Path passwordFile = Files.writeString(dir.resolve("keystore.pw"), STORE_PASSWORD);
        httpPort = FreePort.find();
        httpsPort = FreePort.find();
        Path config = dir.resolve("https.toml");
        Files.writeString(config, String.join("\n",
                "[metrics]",
                "bind_address = \"127.0.0.1\"",
                "port = " + FreePort.find(),
                "",
                "[console]",
                "port = " + httpPort,
                "http_enabled = false",
                "https_port = " + httpsPort,
                "keystore = \"" + keystore + "\"",
                "keystore_password = \"${file:" + passwordFile + "}\"",
                "keystore_type = \"PKCS12\"",
                "admin_password = \"tls-secret\"",
                ""));
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, STORE_PASSWORD.toCharArray());
        }
        // the key entry's certificate is the one trusted (the JDK trusts a key entry's first certificate)
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
        gateway = new Gateway(Distribution.built(), config, dir);
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theConsoleAnswersOverHttpsOnlyAndStillNeedsThePassword() throws Exception {
        String page = "https://127.0.0.1:" + httpsPort + "/system/console/esnode";
        assertEquals(401, awaitStatus(page, null), "no credentials");
        assertEquals(401, awaitStatus(page, "admin:wrong"), "wrong password");
        assertEquals(200, awaitStatus(page, "admin:tls-secret"), "the configured password, over TLS");
        // HTTPS answered, so the configuration is applied: plain HTTP must be off
        assertFalse(FreePort.isOpen(httpPort), "plain HTTP still listens on " + httpPort + ":\n" + gateway.output());
        assertFalse(gateway.output().contains(STORE_PASSWORD), "the keystore password was printed");
    }

    private int awaitStatus(String url, String userColonPassword) throws Exception {
        long deadline = System.currentTimeMillis() + ANSWER_TIMEOUT_MILLIS;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
            if (userColonPassword != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
            }
            try {
                int code = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (code != 404 && code != 503) {
                    return code;
                }
            } catch (IOException notYet) {
                // not listening yet, or still the start-up connector
            }
            if (System.currentTimeMillis() > deadline) {
                fail("console at " + url + " did not answer:\n" + gateway.output());
            }
            Thread.sleep(200);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("keytool failed: " + out);
        }
    }
}
