package io.esnode.driver.mqtt.bench;

import static io.esnode.driver.mqtt.TestConfigs.config;

import io.esnode.api.DriverState;
import io.esnode.api.ErrorKind;
import io.esnode.api.util.NamedThreads;
import io.esnode.driver.mqtt.SessionHarness;
import io.esnode.driver.mqtt.testing.Await;
import io.esnode.driver.mqtt.testing.MosquittoBroker;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Ingest throughput, not a timed test: publishes N JSON messages at QoS 1 through a real Mosquitto (with
 * {@code mosquitto_pub -l}) and measures messages/s through {@code MqttSession} into a counting store, against a
 * bare Paho subscriber that only counts. Fails if a message is lost. Run with
 * {@code mvn -q -B test -pl bundles/esnode.driver.mqtt -Dtest=IngestBench -Desnode.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Desnode.bench.messages=100000}), or its main().
 */
class IngestBench {
    private static final String TOPIC = "bench/rack1/power";

    @Test
    @EnabledIfSystemProperty(named = "esnode.bench", matches = "true")
    void ingest() throws Exception {
        run(Integer.getInteger("esnode.bench.messages", 100_000));
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000);
    }

    static void run(int n) throws Exception {
        Path dir = Files.createTempDirectory("esnode-bench");
        try (MosquittoBroker broker = MosquittoBroker.create(dir)
                .withConfig("max_queued_messages 0") // keep every QoS 1 message for a slow subscriber
                .withConfig("max_inflight_messages 100").start()) {
            Path lines = dir.resolve("messages.txt");
            try (BufferedWriter w = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
                for (int i = 1; i <= n; i++) {
                    w.write("{\"power\": {\"watts\": " + i + "}}\n");
                }
            }
            double bare = bareSubscriber(broker, lines, n);
            double session = mqttSession(broker, lines, n);
            System.out.printf("IngestBench: %d messages, QoS 1%n", n);
            System.out.printf("  bare Paho v5 subscriber: %10.0f msg/s%n", bare);
            System.out.printf("  MqttSession -> store:    %10.0f msg/s (%.0f %% of bare)%n", session, 100 * session / bare);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double bareSubscriber(MosquittoBroker broker, Path lines, int n) throws Exception {
        ScheduledExecutorService executor = NamedThreads.scheduler("bench-paho", 6);
        AtomicLong count = new AtomicLong();
        MqttAsyncClient client = new MqttAsyncClient(broker.tcpUrl(), "bench-bare", new MemoryPersistence(),
                new TimerPingSender(executor), executor);
        try {
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            client.connect(o).waitForCompletion(10_000);
            client.setCallback(new CountingCallback(count));
            client.subscribe(TOPIC, 1).waitForCompletion(10_000);
            long start = System.nanoTime();
            broker.publishLines(TOPIC, lines, 1);
            Await.until(() -> count.get() >= n, 300_000, () -> "bare subscriber got " + count.get() + " of " + n);
            double seconds = (System.nanoTime() - start) / 1e9;
            Await.sleep(200);
            if (count.get() != n) {
                throw new AssertionError("bare subscriber got " + count.get() + " messages, expected " + n);
            }
            return n / seconds;
        } finally {
            client.disconnect().waitForCompletion(2000);
            client.close(true);
            NamedThreads.shutdown(executor, 3000);
        }
    }

    /** Only counts; the baseline of what Paho alone can take. */
    private record CountingCallback(AtomicLong count) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            count.incrementAndGet();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }

    private static double mqttSession(MosquittoBroker broker, Path lines, int n) {
        try (SessionHarness h = new SessionHarness(config("id", "bench", "broker_url", broker.tcpUrl(), "qos", "1",
                "points", "name=rack_power;topic=bench/{rack}/power;path=$.power.watts;quantity=power;unit=W"))
                .start()) {
            Await.until(() -> h.status.state() == DriverState.CONNECTED, 10_000, () -> h.status.snapshot().toString());
            long start = System.nanoTime();
            broker.publishLines(TOPIC, lines, 1);
            Await.until(() -> h.store.publishedCount() >= n, 300_000,
                    () -> "session stored " + h.store.publishedCount() + " of " + n);
            double seconds = (System.nanoTime() - start) / 1e9;
            Await.sleep(200);
            if (h.store.publishedCount() != n || h.status.errors(ErrorKind.DECODE) != 0) {
                throw new AssertionError("session stored " + h.store.publishedCount() + " readings, expected " + n
                        + "; " + h.status.snapshot());
            }
            // messages arrive in order on one connection: the last one carries n watts
            h.store.awaitValue("bench", "rack_power", java.util.Map.of("rack", "rack1"), n, 1000);
            return n / seconds;
        }
    }
}
