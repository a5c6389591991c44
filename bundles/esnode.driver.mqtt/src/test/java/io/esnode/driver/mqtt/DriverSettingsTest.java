package io.esnode.driver.mqtt;

import static io.esnode.driver.mqtt.TestConfigs.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.driver.mqtt.internal.transport.MqttVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriverSettingsTest {
    private static final String POINT = "name=p;topic=a/b";

    private static String rejection(Object... kv) {
        return assertThrows(IllegalArgumentException.class, () -> DriverSettings.from(config(kv))).getMessage();
    }

    @Test
    void defaultsFollowTheContract() {
        DriverSettings s = DriverSettings.from(config("id", "d1", "broker_url", "tcp://broker.local:1883",
                "points", POINT));
        assertEquals("tcp://broker.local:1883", s.connection().serverUri());
        assertEquals(MqttVersion.V5, s.connection().version());
        assertEquals("esnode-d1", s.connection().clientId());
        assertTrue(s.connection().cleanSession());
        assertEquals(30, s.connection().keepAliveSeconds());
        assertEquals(1, s.session().qos());
        assertEquals(1000, s.session().reconnectMinMillis());
        assertEquals(60_000, s.session().reconnectMaxMillis());
        assertEquals(60_000, s.ttl().toMillis());
        assertEquals(List.of("a/b"), s.session().subscriptions());
        assertNull(s.connection().socketFactory());
    }

    @Test
    void legacyTargetAndUseTls() {
        assertEquals("tcp://10.0.0.5:1883", DriverSettings.from(config("id", "d", "target", "10.0.0.5:1883",
                "points", POINT)).connection().serverUri());
        DriverSettings tls = DriverSettings.from(config("id", "d", "target", "10.0.0.5:8883", "use_tls", "true",
                "points", POINT));
        assertEquals("ssl://10.0.0.5:8883", tls.connection().serverUri());
        assertTrue(tls.connection().jdkHostnameVerification()); // system trust store, JDK host check
    }

    @Test
    void defaultPortsAndBrokerUrlWinsOverTarget() {
        assertEquals("ssl://h:8883", DriverSettings.from(config("id", "d", "broker_url", "ssl://h",
                "target", "x:1", "points", POINT)).connection().serverUri());
        assertEquals("tcp://h:1883", DriverSettings.from(config("id", "d", "broker_url", "tcp://h",
                "points", POINT)).connection().serverUri());
    }

    @Test
    void topicsOverrideThePointFiltersAndAcceptCommaLists() {
        DriverSettings s = DriverSettings.from(config("id", "d", "broker_url", "tcp://h:1", "topics",
                new String[] {"a/#, b/+", "c"}, "points", "name=p;topic=a/{x}/y",
                "mappings", "m/n:temp:C:t"));
        assertEquals(List.of("a/#", "b/+", "c"), s.session().subscriptions());
        DriverSettings d = DriverSettings.from(config("id", "d", "broker_url", "tcp://h:1",
                "points", "name=p;topic=a/{x}/y", "mappings", "m/n:temp:C:t"));
        assertEquals(List.of("a/+/y", "m/n"), d.session().subscriptions());
        assertEquals(2, d.mappings().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "qos|3|MQTT driver d: qos '3' is invalid: must be an integer from 0 to 2",
        "keep_alive|-1|MQTT driver d: keep_alive '-1' is invalid: must be an integer from 0 to 65535",
        "clean_session|yes|MQTT driver d: clean_session 'yes' is invalid: must be true or false",
        "mqtt_version|4.0|MQTT driver d: mqtt_version '4.0' is invalid: use 5 or 3.1.1",
        "ttl|0|MQTT driver d: ttl '0' is invalid: must be a positive number of seconds",
        "reconnect_min|abc|MQTT driver d: reconnect_min 'abc' is invalid: must be a positive number of seconds",
        "broker_url|ws://h:1|MQTT driver d: broker_url 'ws://h:1' is invalid: scheme must be tcp:// or ssl://",
        "broker_url|tcp://u:p@h:1|MQTT driver d: broker_url 'tcp://u:p@h:1' is invalid: expected tcp://host:port",
        "tls_versions|TLSv1|MQTT driver d: tls_versions 'TLSv1' is invalid: tls_versions: 'TLSv1' is not TLSv1.2 or TLSv1.3",
        "topics|a/#/b|MQTT driver d: topics 'a/#/b' is invalid: invalid topic filter 'a/#/b': '#' must be the last level"})
    void badValuesNameTheKeyAndValue(String key, String value, String message) {
        Object url = key.equals("tls_versions") ? "ssl://h:1" : "tcp://h:1";
        if (key.equals("broker_url")) {
            url = value;
        }
        assertEquals(message, rejection("id", "d", "broker_url", url, key, value, "points", POINT));
    }

    @Test
    void missingIdBrokerOrPoints() {
        assertEquals("MQTT driver: id is required", rejection("broker_url", "tcp://h:1", "points", POINT));
        assertEquals("MQTT driver d: broker_url or target is required", rejection("id", "d", "points", POINT));
        assertEquals("MQTT driver d: no points: set points or mappings", rejection("id", "d", "broker_url", "tcp://h:1"));
        assertEquals("MQTT driver d: reconnect_max '1' is invalid: must not be below reconnect_min 5",
                rejection("id", "d", "broker_url", "tcp://h:1", "points", POINT, "reconnect_min", "5",
                        "reconnect_max", "1"));
        assertEquals("MQTT driver d: points 'name=p;topic=c' is invalid: point name 'p' is used twice",
                rejection("id", "d", "broker_url", "tcp://h:1", "points", new String[] {POINT, "name=p;topic=c"}));
    }

    @Test
    void tlsFileProblemsAreReportedWithoutThePassword() {
        String msg = rejection("id", "d", "broker_url", "ssl://h:1", "points", POINT, "username", "u",
                "password", "hunter2-secret", "ca_cert_path", "/nonexistent/ca.pem");
        assertEquals("MQTT driver d: TLS setup failed: ca_cert_path '/nonexistent/ca.pem' is not a readable file", msg);
        String pair = rejection("id", "d", "broker_url", "ssl://h:1", "points", POINT,
                "client_cert_path", "/x/c.pem");
        assertEquals("MQTT driver d: TLS setup failed: client_cert_path and client_key_path must be given together",
                pair);
    }

    @Test
    void passwordNeverAppearsInTheEffectiveConfiguration() {
        DriverSettings s = DriverSettings.from(config("id", "d", "broker_url", "tcp://h:1", "points", POINT,
                "username", "gw", "password", "hunter2-secret"));
        String shown = s.connection().toString();
        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(shown.contains("username=gw password=****"), shown);
        assertFalse(s.toString().contains("hunter2"), s.toString());
    }
}
