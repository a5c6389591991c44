package io.esnode.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on free loopback ports, configured by a generated file in a temporary directory.
 * {@link #port()} is the listener under test (plain or TLS); {@link #plainPort()} is always a plain listener that
 * the {@code mosquitto_pub} helpers publish through.
 */
public final class MosquittoBroker implements AutoCloseable {
    public static final Path MOSQUITTO = locate("mosquitto", "/usr/sbin");
    public static final Path MOSQUITTO_PUB = locate("mosquitto_pub", "/usr/bin");
    public static final Path MOSQUITTO_PASSWD = locate("mosquitto_passwd", "/usr/bin");

    private final Path dir;
    private final int port;
    private final int plainPort;
    private final List<String> listenerConfig = new ArrayList<>();
    private final List<String> globalConfig = new ArrayList<>();
    private String user;
    private String password;
    private Process process;

    private MosquittoBroker(Path dir) {
        this.dir = dir;
        this.port = FreePort.find();
        this.plainPort = FreePort.find();
    }

    private static boolean installed() {
        return Files.isExecutable(MOSQUITTO) && Files.isExecutable(MOSQUITTO_PUB);
    }

    /** Skips the calling test when Mosquitto is not installed (the CI installs it). */
    public static void assumeInstalled() {
        assumeTrue(installed(), "Mosquitto is not installed at " + MOSQUITTO + " / " + MOSQUITTO_PUB
                + " (apt-get install mosquitto mosquitto-clients); skipping broker tests");
    }

    /** A broker for a test that skips itself when Mosquitto is not installed. */
    public static MosquittoBroker create(Path dir) {
        assumeInstalled();
        return new MosquittoBroker(dir);
    }

    /** A broker for a test that fails, rather than skips, when Mosquitto is not installed (the end-to-end tests). */
    public static MosquittoBroker required(Path dir) {
        if (!installed()) {
            throw new IllegalStateException("mosquitto not found at " + MOSQUITTO + " / " + MOSQUITTO_PUB
                    + ": install Debian packages mosquitto and mosquitto-clients (./run-tests does)");
        }
        return new MosquittoBroker(dir);
    }

    /** Requires this user name and password (a password file made with {@code mosquitto_passwd}). */
    public MosquittoBroker withPassword(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** Makes {@link #port()} a TLS listener with the given server certificate. */
    public MosquittoBroker withTls(Path caFile, Path certFile, Path keyFile, boolean requireClientCertificate) {
        listenerConfig.add("cafile " + caFile);
        listenerConfig.add("certfile " + certFile);
        listenerConfig.add("keyfile " + keyFile);
        listenerConfig.add("require_certificate " + requireClientCertificate);
        return this;
    }

    /** Adds a line to the broker configuration (global section), e.g. {@code max_queued_messages 0}. */
    public MosquittoBroker withConfig(String line) {
        globalConfig.add(line);
        return this;
    }

    public int port() {
        return port;
    }

    public int plainPort() {
        return listenerConfig.isEmpty() ? port : plainPort;
    }

    public String tcpUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    public MosquittoBroker start() {
        try {
            Path conf = dir.resolve("mosquitto.conf");
            List<String> lines = new ArrayList<>();
            lines.add("user root"); // as root, mosquitto would otherwise drop to user mosquitto and lose our files
            lines.add("persistence false");
            lines.add("log_dest file " + dir.resolve("mosquitto.log"));
            lines.add("log_type error");
            lines.add("log_type warning");
            lines.add("log_type notice");
            lines.addAll(globalConfig);
            if (user != null) {
                Path pw = dir.resolve("passwd");
                if (!Files.exists(pw)) {
                    Commands.run(List.of(MOSQUITTO_PASSWD.toString(), "-b", "-c", pw.toString(), user, password));
                }
                lines.add("allow_anonymous false");
                lines.add("password_file " + pw);
            } else {
                lines.add("allow_anonymous true");
            }
            lines.add("listener " + port + " 127.0.0.1");
            lines.addAll(listenerConfig);
            if (!listenerConfig.isEmpty()) {
                lines.add("listener " + plainPort + " 127.0.0.1");
            }
            Files.write(conf, lines, StandardCharsets.UTF_8);
            process = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.out").toFile())
                    .start();
            awaitListening(port);
            if (plainPort() != port) {
                awaitListening(plainPort);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(int p) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + ": " + log());
            }
            if (FreePort.isOpen(p)) {
                return;
            }
            sleep(25);
        }
        throw new IOException("mosquitto did not listen on " + p + ": " + log());
    }

    /** The broker's own log and output, for failure messages. */
    public String log() {
        StringBuilder sb = new StringBuilder();
        for (String f : new String[] {"mosquitto.log", "mosquitto.out"}) {
            try {
                Path p = dir.resolve(f);
                if (Files.exists(p)) {
                    sb.append(Files.readString(p));
                }
            } catch (IOException e) {
                sb.append("(cannot read ").append(f).append(')');
            }
        }
        return sb.toString();
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops and starts the broker on the same ports (all sessions and subscriptions are lost). */
    public void restart() {
        stop();
        start();
    }

    /** Publishes one message with the real {@code mosquitto_pub} client through the plain listener. */
    public void publish(String topic, String message, int qos, String protocol) {
        Commands.run(pub("-t", topic, "-m", message, "-q", String.valueOf(qos), "-V", protocol));
    }

    public void publish(String topic, String message) {
        publish(topic, message, 1, "mqttv5");
    }

    /** Publishes one retained QoS 1 message, so a subscriber that comes later still gets it. */
    public void publishRetained(String topic, String message) {
        Commands.run(pub("-q", "1", "-r", "-t", topic, "-m", message));
    }

    /** Publishes raw bytes (e.g. invalid UTF-8) with {@code mosquitto_pub -f}. */
    public void publishBytes(String topic, byte[] payload) {
        try {
            Path f = Files.createTempFile(dir, "payload", ".bin");
            Files.write(f, payload);
            Commands.run(pub("-t", topic, "-f", f.toString(), "-q", "1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes every line of {@code lines} as one message with {@code mosquitto_pub -l} (one connection). At most
     * 65 535 lines at QoS 1 or 2: mosquitto_pub 2.0.11 disconnects on the first PUBACK whose message id equals the
     * last message's, and ids wrap at 65 535 (of 100 000 lines the broker received about 34 500). For longer
     * streams use a publisher that waits for every PUBACK, like the MQTT bench's {@code WindowedPublisher}.
     */
    public void publishLines(String topic, Path lines, int qos) {
        List<String> cmd = pub("-t", topic, "-l", "-q", String.valueOf(qos));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(lines.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("pub.out").toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("mosquitto_pub -l failed: " + Files.readString(dir.resolve("pub.out")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code mosquitto_pub} to the plain listener with the broker's credentials, then {@code args}. */
    private List<String> pub(String... args) {
        List<String> cmd = new ArrayList<>(List.of(MOSQUITTO_PUB.toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(plainPort())));
        cmd.addAll(List.of(args));
        if (user != null) {
            cmd.addAll(List.of("-u", user, "-P", password));
        }
        return cmd;
    }

    /** Debian installs the broker in /usr/sbin, which is not on every user's PATH: the PATH first, then the usual. */
    private static Path locate(String name, String debianDir) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name);
            }
        }
        return Path.of(debianDir, name);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
