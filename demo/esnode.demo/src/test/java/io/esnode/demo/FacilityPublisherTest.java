package io.esnode.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

class FacilityPublisherTest {
    @Test
    void aSnapshotReachesASubscriberThroughTheEmbeddedBroker() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "tcp://127.0.0.1:" + port;
        Map<String, String> received = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(10); // 4 racks x (power + inlet) + facility + humidity
        try (EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", port);
                FacilityPublisher publisher = new FacilityPublisher(url)) {
            MqttClient subscriber = new MqttClient(url, "test-subscriber", new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe("demo/dc1/#", (topic, message) -> {
                received.put(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
                all.countDown();
            });
            publisher.publishSnapshot(0);
            all.await(5, TimeUnit.SECONDS);
            subscriber.disconnect();
            subscriber.close();
        }
        assertEquals(10, received.size(), received.toString());
        // values at t = 0 (see FacilityModelTest): r1 32000 W, inlet 22.5 C, humidity 45 %
        assertEquals("{\"watts\": 32000.0}", received.get("demo/dc1/rack/r1/power"));
        assertEquals("{\"celsius\": 22.5}", received.get("demo/dc1/rack/r1/inlet"));
        assertEquals("{\"percent\": 45.0}", received.get("demo/dc1/room/humidity"));
        // facility at t = 0: IT = 32000 + 28000*(1+0.15 sin 1) + 24000*(1+0.15 sin 2) + 20000*(1+0.15 sin 3),
        // each rounded to 0.1 W: 32000 + 31534.2 + 27273.5 + 20423.4 = 111231.1 W; x 1.55 / 1000 = 172.408 -> 172.4 kW
        assertEquals("{\"kw\": 172.4}", received.get("demo/dc1/facility/power"));
    }
}
