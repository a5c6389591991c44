package io.esnode.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One real {@code mosquitto_pub -l} process: every line written is published as one QoS 1 message to one topic. */
final class LinePublisher implements AutoCloseable {
    private final Process process;
    private final OutputStream in;

    LinePublisher(int port, String topic) throws IOException {
        process = new ProcessBuilder(List.of("/usr/bin/mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-q", "1", "-t", topic, "-l")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        in = process.getOutputStream();
    }

    void publish(String payload) throws IOException {
        in.write((payload + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Closes stdin (mosquitto_pub then sends what is queued and exits) and waits for the process. */
    @Override
    public void close() throws IOException, InterruptedException {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
