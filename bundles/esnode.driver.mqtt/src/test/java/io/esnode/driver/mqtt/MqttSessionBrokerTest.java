package io.esnode.driver.mqtt;

import static io.esnode.driver.mqtt.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.DriverState;
import io.esnode.api.DriverStatus;
import io.esnode.api.ErrorKind;
import io.esnode.api.Reading;
import io.esnode.testkit.Await;
import io.esnode.testkit.MosquittoBroker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MqttSession against a real Mosquitto over plain TCP, messages published with the real mosquitto_pub. */
class MqttSessionBrokerTest {
    private static final long WAIT = 10_000;

    @TempDir
    Path dir;
    private MosquittoBroker broker;

    @BeforeEach
    void startBroker() {
        broker = MosquittoBroker.create(dir).start();
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    private void awaitConnected(SessionHarness h) {
        Await.until(() -> h.status.state() == DriverState.CONNECTED, WAIT,
                () -> "not connected: " + h.status.snapshot() + "\n" + broker.log());
    }

    @Test
    void jsonValueWithScaleAndOffsetArrivesOverMqtt5() {
        try (SessionHarness h = new SessionHarness(config("id", "m5", "broker_url", broker.tcpUrl(),
                "points", "name=inlet;topic=dc1/room1/temp;path=$.t;quantity=temperature;unit=C;scale=0.1;offset=1"))
                .start()) {
            awaitConnected(h);
            broker.publish("dc1/room1/temp", "{\"t\": 23.5}");
            // 23.5 * 0.1 + 1 = 3.35 °C (already the base unit)
            Reading r = h.store.awaitValue("m5", "inlet", Map.of(), 3.35, WAIT);
            assertEquals(60_000, r.point().ttl().toMillis()); // default ttl 60 s
            DriverStatus s = h.status.snapshot();
            assertEquals(1, s.readingsTotal());
            assertEquals(1, s.latencyCount());
            assertTrue(s.lastSuccessMillis() > 0);
            assertEquals(Map.of(), s.errorsByKind());
        }
    }

    @Test
    void capturedTopicLevelsMakeOneSeriesPerSensorOverMqtt311() {
        try (SessionHarness h = new SessionHarness(config("id", "m3", "broker_url", broker.tcpUrl(),
                "mqtt_version", "3.1.1", "qos", "2",
                "points", "name=rack_power;topic=dc1/racks/{rack}/power;path=$.power.phases[1];quantity=power;unit=kW"))
                .start()) {
            awaitConnected(h);
            broker.publish("dc1/racks/r1/power", "{\"power\": {\"phases\": [1.5, 2.25]}}", 1, "mqttv311");
            broker.publish("dc1/racks/r2/power", "{\"power\": {\"phases\": [9, \"3.5\"]}}", 1, "mqttv311");
            // phases[1] in kW: 2.25 kW = 2250 W, "3.5" kW = 3500 W
            h.store.awaitValue("m3", "rack_power", Map.of("rack", "r1"), 2250.0, WAIT);
            h.store.awaitValue("m3", "rack_power", Map.of("rack", "r2"), 3500.0, WAIT);
            assertEquals(2, h.store.all().size());
        }
    }

    @Test
    void legacyMappingGivesOneSeriesPerConcreteTopic() {
        try (SessionHarness h = new SessionHarness(config("id", "legacy", "target", "127.0.0.1:" + broker.port(),
                "mappings", "dc1/racks/+/temp_inlet:temp:C:$.value:0.5, dc1/pdu/main:power:W:")).start()) {
            awaitConnected(h);
            broker.publish("dc1/racks/r1/temp_inlet", "{\"value\": \"44\"}");
            broker.publish("dc1/racks/r2/temp_inlet", "{\"value\": 50}");
            broker.publish("dc1/pdu/main", "1234.5");
            // 44 * 0.5 = 22, 50 * 0.5 = 25; the bare payload 1234.5 W unscaled
            h.store.awaitValue("legacy", "dc1_racks_temp_inlet_value",
                    Map.of("topic", "dc1/racks/r1/temp_inlet"), 22.0, WAIT);
            h.store.awaitValue("legacy", "dc1_racks_temp_inlet_value",
                    Map.of("topic", "dc1/racks/r2/temp_inlet"), 25.0, WAIT);
            h.store.awaitValue("legacy", "dc1_pdu_main", Map.of("topic", "dc1/pdu/main"), 1234.5, WAIT);
        }
    }

    @Test
    void malformedPayloadsAreCountedAndTheDriverKeepsGoing() {
        try (SessionHarness h = new SessionHarness(config("id", "bad", "broker_url", broker.tcpUrl(),
                "points", new String[] {"name=t;topic=s/t;path=t", "name=on;topic=s/on"})).start()) {
            awaitConnected(h);
            broker.publish("s/t", "not json");
            broker.publishBytes("s/t", new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xc3, 0x28, '"', '}'});
            broker.publish("s/t", "{\"t\": \"warm\"}");
            broker.publish("s/t", "{\"other\": 1}");
            broker.publish("s/t", "{\"t\": null}");
            Await.until(() -> h.status.errors(ErrorKind.DECODE) == 5, WAIT, () -> h.status.snapshot().toString());
            broker.publish("s/t", "{\"t\": 19.75}");
            broker.publish("s/on", "true");
            h.store.awaitValue("bad", "t", Map.of(), 19.75, WAIT);
            h.store.awaitValue("bad", "on", Map.of(), 1.0, WAIT);
            broker.publish("s/on", "false");
            h.store.awaitValue("bad", "on", Map.of(), 0.0, WAIT);
            assertEquals(5, h.status.errors(ErrorKind.DECODE));
            assertEquals(DriverState.CONNECTED, h.status.state());
            assertTrue(h.status.snapshot().lastError().contains("point t, topic s/t"), h.status.snapshot().lastError());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "3.1.1"})
    void brokerRestartIsSurvivedAndSubscriptionsAreRenewed(String version) {
        try (SessionHarness h = new SessionHarness(config("id", "restart", "broker_url", broker.tcpUrl(),
                "mqtt_version", version, "clean_session", "false", "reconnect_min", "0.1", "reconnect_max", "0.5",
                "points", "name=v;topic=plant/v")).start()) {
            awaitConnected(h);
            broker.publish("plant/v", "1");
            h.store.awaitValue("restart", "v", Map.of(), 1.0, WAIT);

            broker.restart(); // no persistence: the broker forgets the session and its subscriptions
            Await.until(() -> h.status.errors(ErrorKind.CONNECT) >= 1, WAIT, () -> h.status.snapshot().toString());
            awaitConnected(h);
            broker.publish("plant/v", "2");
            h.store.awaitValue("restart", "v", Map.of(), 2.0, WAIT);
            assertTrue(h.session.isConnected());
        }
    }

    /** clean_session=false: the broker queues QoS 1 messages while the driver is away (MQTT 5: session expiry). */
    @ParameterizedTest
    @ValueSource(strings = {"5", "3.1.1"})
    void persistentSessionReceivesWhatWasPublishedWhileAway(String version) {
        String id = "persist" + version.replace(".", "");
        MqttDriver.Config cfg = config("id", id, "broker_url", broker.tcpUrl(), "mqtt_version", version,
                "clean_session", "false", "qos", "1", "points", "name=v;topic=queue/v");
        try (SessionHarness first = new SessionHarness(cfg).start()) {
            awaitConnected(first);
        }
        broker.publish("queue/v", "41", 1, version.equals("5") ? "mqttv5" : "mqttv311");
        try (SessionHarness second = new SessionHarness(cfg).start()) {
            second.store.awaitValue(id, "v", Map.of(), 41.0, WAIT);
        }
    }

    @Test
    void unreachableBrokerIsCountedAndRetried() {
        int port = broker.port();
        broker.stop();
        try (SessionHarness h = new SessionHarness(config("id", "down", "broker_url", "tcp://127.0.0.1:" + port,
                "reconnect_min", "0.05", "reconnect_max", "0.1", "points", "name=v;topic=x")).start()) {
            // with delays of at most 0.1 s, three attempts take well under the wait
            Await.until(() -> h.status.errors(ErrorKind.CONNECT) >= 3, WAIT, () -> h.status.snapshot().toString());
            assertEquals(DriverState.DISCONNECTED, h.status.state());
            assertFalse(h.session.isConnected());
            broker.start();
            awaitConnected(h);
        }
    }
}
