package io.esnode.driver.mqtt;

import static io.esnode.driver.mqtt.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.DriverState;
import io.esnode.api.Point;
import io.esnode.api.Quantity;
import io.esnode.testkit.Await;
import io.esnode.testkit.InMemoryReadingStore;
import io.esnode.testkit.MosquittoBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component outside OSGi: start from a configuration, receive, stop without leaving a thread. */
class MqttDriverTest {
    @TempDir
    Path dir;

    @Test
    void stopLeavesNoThreadAndRemovesTheSeries() {
        try (MosquittoBroker broker = MosquittoBroker.create(dir).start()) {
            InMemoryReadingStore store = new InMemoryReadingStore();
            MqttDriver driver = new MqttDriver(store);
            driver.start(config("id", "comp", "broker_url", broker.tcpUrl(), "ttl", "15",
                    "points", "name=hall;topic=site/{room}/temp;path=$.c;quantity=temperature;unit=F"));
            Await.until(() -> driver.status().state() == DriverState.CONNECTED, 10_000,
                    () -> driver.status().toString());
            assertEquals("comp", driver.id());
            assertEquals("mqtt", driver.protocol());
            List<Point> points = driver.points();
            assertEquals(1, points.size());
            assertEquals(Quantity.TEMPERATURE, points.get(0).quantity());
            assertEquals(15_000, points.get(0).ttl().toMillis());

            broker.publish("site/hall1/temp", "{\"c\": 212}");
            // 212 °F = (212 - 32) * 5 / 9 = 100 °C
            store.awaitValue("comp", "hall", Map.of("room", "hall1"), 100.0, 10_000);
            assertTrue(!ThreadCheck.threadsOf("comp", "esnode-comp").isEmpty(), "threads run while started");

            driver.deactivate();
            ThreadCheck.assertNoThreadsLeft("comp", "esnode-comp");
            assertEquals(List.of(), ThreadCheck.anyDriverOrPahoThread());
            assertEquals(List.of("comp"), store.removedDrivers);
            assertEquals(0, store.all().size());
            assertEquals(DriverState.STOPPED, driver.status().state());
        }
    }

    @Test
    void stopWhileTheBrokerIsUnreachableLeavesNoThread() {
        InMemoryReadingStore store = new InMemoryReadingStore();
        MqttDriver driver = new MqttDriver(store);
        // port 9 (discard) on loopback is closed: every attempt fails and is retried
        driver.start(config("id", "nobroker", "broker_url", "tcp://127.0.0.1:9", "reconnect_min", "0.05",
                "reconnect_max", "0.1", "points", "name=v;topic=x"));
        Await.until(() -> driver.status().errorsByKind().getOrDefault("connect", 0L) >= 2, 10_000,
                () -> driver.status().toString());
        driver.deactivate();
        ThreadCheck.assertNoThreadsLeft("nobroker", "esnode-nobroker");
        assertEquals(List.of(), ThreadCheck.anyDriverOrPahoThread());
        assertEquals(List.of("nobroker"), store.removedDrivers);
    }
}
