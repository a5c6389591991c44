package io.esnode.driver.mqtt;

import static io.esnode.driver.mqtt.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.esnode.api.DriverState;
import io.esnode.api.ErrorKind;
import io.esnode.testkit.Await;
import io.esnode.testkit.MosquittoBroker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User name and password against a Mosquitto with a password file made by mosquitto_passwd. */
class MqttSessionAuthTest {
    private static final String USER = "gateway";
    private static final String PASSWORD = "s3cret-Pa55";
    @TempDir
    static Path dir;
    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.create(dir).withPassword(USER, PASSWORD).start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "3.1.1"})
    void rightPasswordReceives(String version) {
        String id = "auth" + version.replace(".", "");
        try (SessionHarness h = new SessionHarness(config("id", id, "broker_url", broker.tcpUrl(),
                "mqtt_version", version, "username", USER, "password", PASSWORD,
                "points", "name=p;topic=auth/p;path=$.v")).start()) {
            Await.until(() -> h.status.state() == DriverState.CONNECTED, 10_000, () -> h.status.snapshot().toString());
            broker.publish("auth/p", "{\"v\": 7}");
            h.store.awaitValue(id, "p", Map.of(), 7.0, 10_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "3.1.1"})
    void wrongPasswordIsAnAuthError(String version) {
        try (SessionHarness h = new SessionHarness(config("id", "wrong", "broker_url", broker.tcpUrl(),
                "mqtt_version", version, "username", USER, "password", "not-the-password",
                "reconnect_min", "5", "reconnect_max", "5", "points", "name=p;topic=auth/p")).start()) {
            Await.until(() -> h.status.errors(ErrorKind.AUTH) == 1, 10_000, () -> h.status.snapshot().toString());
            assertEquals(0, h.status.errors(ErrorKind.CONNECT));
            assertEquals(DriverState.DISCONNECTED, h.status.state());
            assertFalse(h.status.snapshot().lastError().contains("not-the-password"));
        }
    }

    @Test
    void anonymousIsRefusedAsAuthError() {
        try (SessionHarness h = new SessionHarness(config("id", "anon", "broker_url", broker.tcpUrl(),
                "reconnect_min", "5", "reconnect_max", "5", "points", "name=p;topic=auth/p")).start()) {
            Await.until(() -> h.status.errors(ErrorKind.AUTH) == 1, 10_000, () -> h.status.snapshot().toString());
        }
    }
}
