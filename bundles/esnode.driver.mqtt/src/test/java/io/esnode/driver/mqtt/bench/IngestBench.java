package io.esnode.driver.mqtt.bench;

import static io.esnode.driver.mqtt.TestConfigs.config;

import io.esnode.api.DriverState;
import io.esnode.api.ErrorKind;
import io.esnode.api.util.NamedThreads;
import io.esnode.driver.mqtt.SessionHarness;
import io.esnode.testkit.Await;
import io.esnode.testkit.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * Ingest throughput, not a timed test: publishes N JSON messages at QoS 1 through a real Mosquitto and measures
 * messages/s through {@code MqttSession} into a counting store, against a bare Paho v5 subscriber that only counts
 * (the practical limit). Both see the identical stream from a {@link WindowedPublisher} in the same JVM (at most
 * {@value #WINDOW} unacknowledged messages; its publish returns only after the broker acknowledged every message).
 * Each side first takes an untimed warm-up of {@value #WARM_UP} messages, then each of the rounds (default 3,
 * {@code -Desnode.bench.rounds}) measures both, alternating which goes first. Fails if a message is lost or
 * duplicated. Run with {@code mvn -q -B test -pl bundles/esnode.driver.mqtt -Dtest=IngestBench
 * -Desnode.bench=true -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Desnode.bench.messages=N}), or
 * its main().
 */
class IngestBench {
    private static final String TOPIC = "bench/rack1/power";
    static final int WINDOW = 100;
    static final int WARM_UP = 30_000;
    private static final long RECEIVE_TIMEOUT_MILLIS = 180_000;

    @Test
    @EnabledIfSystemProperty(named = "esnode.bench", matches = "true")
    void ingest() throws Exception {
        run(Integer.getInteger("esnode.bench.messages", 100_000));
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000);
    }

    static void run(int n) throws Exception {
        run(n, Integer.getInteger("esnode.bench.rounds", 3));
    }

    static void run(int n, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("esnode-bench");
        // broker: no queue limit (keep every QoS 1 message for a slower subscriber), 100 in flight per client
        try (MosquittoBroker broker = MosquittoBroker.create(dir)
                .withConfig("max_queued_messages 1000000")
                .withConfig("max_inflight_messages " + WINDOW).start();
             WindowedPublisher publisher = new WindowedPublisher(broker.tcpUrl(), "bench-pub", WINDOW)) {
            List<byte[]> warmUp = payloads(WARM_UP);
            List<byte[]> stream = payloads(n);
            bareSubscriber(broker, publisher, warmUp);
            mqttSession(broker, publisher, warmUp);
            double alone = publishAlone(publisher, stream);
            double[] bare = new double[rounds];
            double[] session = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                // alternate which side goes first, so that neither always profits from the other's warm-up
                if (r % 2 == 0) {
                    bare[r] = bareSubscriber(broker, publisher, stream);
                    session[r] = mqttSession(broker, publisher, stream);
                } else {
                    session[r] = mqttSession(broker, publisher, stream);
                    bare[r] = bareSubscriber(broker, publisher, stream);
                }
            }
            report(n, alone, bare, session);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(int n, double alone, double[] bare, double[] session) {
        System.out.printf("IngestBench: %d JSON messages per round at QoS 1 through Mosquitto, publisher window %d,"
                + " %d rounds (each round: both subscribers, the same stream, alternating which goes first)%n",
                n, WINDOW, bare.length);
        System.out.printf("| round | bare Paho v5 subscriber msg/s | MqttSession -> store msg/s | ratio |%n"
                + "|---|---:|---:|---:|%n");
        double[] ratios = new double[bare.length];
        for (int r = 0; r < bare.length; r++) {
            ratios[r] = session[r] / bare[r];
            System.out.printf("| %d | %.0f | %.0f | %.2f |%n", r + 1, bare[r], session[r], ratios[r]);
        }
        double ratioOfMedians = median(session) / median(bare);
        System.out.printf("| median | %.0f | %.0f | %.2f |%n", median(bare), median(session), ratioOfMedians);
        System.out.printf("publisher alone (no subscriber, every PUBACK received): %.0f msg/s%n", alone);
        System.out.printf("BENCH ingest ratio of medians %.2f, median of ratios %.2f (goal >= 0.70): %s;"
                + " messages lost 0 of %d%n", ratioOfMedians, median(ratios),
                ratioOfMedians >= 0.7 ? "met" : "NOT met", 2L * n * bare.length);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double publishAlone(WindowedPublisher publisher, List<byte[]> stream) throws Exception {
        long start = System.nanoTime();
        publisher.publishAll(TOPIC, stream);
        return stream.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** {"power": {"watts": i}} for i = 1..n, so the last message of a run carries n. */
    private static List<byte[]> payloads(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(("{\"power\": {\"watts\": " + i + "}}").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static double bareSubscriber(MosquittoBroker broker, WindowedPublisher publisher, List<byte[]> stream)
            throws Exception {
        int n = stream.size();
        ScheduledExecutorService executor = NamedThreads.scheduler("bench-paho", 6);
        CountingCallback callback = new CountingCallback();
        MqttAsyncClient client = new MqttAsyncClient(broker.tcpUrl(), "bench-bare", new MemoryPersistence(),
                new TimerPingSender(executor), executor);
        try {
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            client.setCallback(callback);
            client.connect(o).waitForCompletion(10_000);
            client.subscribe(TOPIC, 1).waitForCompletion(10_000);
            long start = System.nanoTime();
            publisher.publishAll(TOPIC, stream);
            Await.until(() -> callback.count.get() >= n || callback.lost.get() != null, RECEIVE_TIMEOUT_MILLIS,
                    () -> "bare subscriber got " + callback.count.get() + " of " + n);
            double seconds = (System.nanoTime() - start) / 1e9;
            Await.sleep(200); // a duplicate would arrive now
            if (callback.count.get() != n || callback.lost.get() != null) {
                throw new AssertionError("bare subscriber got " + callback.count.get() + " messages, expected " + n
                        + (callback.lost.get() == null ? "" : "; connection lost: " + callback.lost.get()));
            }
            return n / seconds;
        } finally {
            client.disconnect().waitForCompletion(2000);
            client.close(true);
            NamedThreads.shutdown(executor, 3000);
        }
    }

    /** Only counts; the baseline of what Paho alone can take. */
    private static final class CountingCallback implements MqttCallback {
        final AtomicLong count = new AtomicLong();
        final AtomicReference<String> lost = new AtomicReference<>();

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            count.incrementAndGet();
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            lost.compareAndSet(null, String.valueOf(response));
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

    private static double mqttSession(MosquittoBroker broker, WindowedPublisher publisher, List<byte[]> stream)
            throws Exception {
        int n = stream.size();
        try (SessionHarness h = new SessionHarness(config("id", "bench", "broker_url", broker.tcpUrl(), "qos", "1",
                "points", "name=rack_power;topic=bench/{rack}/power;path=$.power.watts;quantity=power;unit=W"))
                .start()) {
            Await.until(() -> h.status.state() == DriverState.CONNECTED, 10_000, () -> h.status.snapshot().toString());
            long start = System.nanoTime();
            publisher.publishAll(TOPIC, stream);
            Await.until(() -> h.store.publishedCount() >= n || h.status.state() != DriverState.CONNECTED,
                    RECEIVE_TIMEOUT_MILLIS, () -> "session stored " + h.store.publishedCount() + " of " + n);
            double seconds = (System.nanoTime() - start) / 1e9;
            Await.sleep(200); // a duplicate would arrive now
            if (h.store.publishedCount() != n || h.status.errors(ErrorKind.DECODE) != 0
                    || h.status.state() != DriverState.CONNECTED) {
                throw new AssertionError("session stored " + h.store.publishedCount() + " readings, expected " + n
                        + "; " + h.status.snapshot());
            }
            // messages arrive in order on one connection: the last one carries n watts
            h.store.awaitValue("bench", "rack_power", Map.of("rack", "rack1"), n, 1000);
            return n / seconds;
        }
    }
}
