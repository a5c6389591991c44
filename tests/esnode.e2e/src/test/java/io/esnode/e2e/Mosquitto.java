package io.esnode.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto broker on a free loopback port, anonymous, in memory; and mosquitto_pub to publish to it. */
final class Mosquitto implements AutoCloseable {
    final int port;
    private final Path log;
    private final Process process;

    Mosquitto(Path dir) throws IOException, InterruptedException {
        port = FreePort.find();
        Path conf = dir.resolve("mosquitto.conf");
        log = dir.resolve("mosquitto.log");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        process = new ProcessBuilder(executable("mosquitto"), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!FreePort.awaitOpen(port, 10_000)) {
            close();
            throw new IllegalStateException("mosquitto did not listen on " + port + ":\n" + output());
        }
    }

    /** Publishes one retained QoS 1 message, so a subscriber that comes later still gets it. */
    void publishRetained(String topic, String payload) throws IOException, InterruptedException {
        Process pub = new ProcessBuilder(executable("mosquitto_pub"), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-q", "1", "-r", "-t", topic, "-m", payload).redirectErrorStream(true).start();
        if (!pub.waitFor(10, TimeUnit.SECONDS) || pub.exitValue() != 0) {
            pub.destroyForcibly();
            throw new IllegalStateException("mosquitto_pub " + topic + " failed: "
                    + new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Debian installs the broker in /usr/sbin, which is not on every user's PATH. */
    private static String executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IllegalStateException(name + " not found: install Debian packages mosquitto and mosquitto-clients"
                + " (./run-tests does)");
    }

    String output() {
        try {
            return String.join("\n", Files.exists(log) ? Files.readAllLines(log) : List.of());
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
