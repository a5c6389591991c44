package io.esnode.itest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto broker on a free loopback port, for the duration of a test class. */
final class Mosquitto implements AutoCloseable {
    static final String BINARY = "/usr/sbin/mosquitto";
    final int port;
    private final Process process;
    private final Path dir;

    private Mosquitto(int port, Process process, Path dir) {
        this.port = port;
        this.process = process;
        this.dir = dir;
    }

    static Mosquitto start() throws IOException, InterruptedException {
        int port = freePort();
        Path dir = Files.createTempDirectory("itest-mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process p = new ProcessBuilder(BINARY, "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Mosquitto(port, p, dir);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("mosquitto did not listen on " + port + ": " + Files.readString(dir.resolve("mosquitto.log")));
    }

    /** Publishes one message with the real mosquitto_pub client (QoS 1) and waits for it to finish. */
    void publish(String topic, String payload) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("/usr/bin/mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-q", "1", "-t", topic, "-m", payload)).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mosquitto_pub failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
