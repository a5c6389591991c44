package io.esnode.config.internal;

import static io.esnode.config.internal.MapperFixture.SOURCE;
import static io.esnode.config.internal.MapperFixture.map;
import static io.esnode.config.internal.MapperFixture.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GatewayConfigMapperTest {

    static final String LEGACY = """
            [[drivers]]
            protocol = "mqtt"
            id = "mqtt-1"
            target = "127.0.0.1:1883"
            [drivers.params]
            client_id = "esnode"
            topics = "dc1/racks/+/temp_inlet,dc1/power/#"
            qos = "1"
            mappings = "dc1/racks/+/temp_inlet:temperature:celsius:$.value,dc1/power/it:power:watts:$.watts:1000"
            use_tls = "false"
            """;

    static final String STRUCTURED = """
            # structured schema
            [metrics]
            bind = "127.0.0.1"
            port = 9100

            [[drivers]]
            protocol = "mqtt"
            id = "dc1-mqtt"
            broker_url = "tcp://127.0.0.1:1883"
            qos = 1
            keep_alive = 30
            clean_session = true
            topics = ["dc1/racks/+/temp_inlet", "dc1/power/#"]
            username = "${file:secrets/mqtt_user}"
            password = "${env:MQTT_PASSWORD}"

            [[drivers.points]]
            name = "inlet_temp"
            topic = "dc1/racks/{rack}/temp_inlet"
            path = "$.value"
            quantity = "temperature"
            unit = "C"
            labels = { room = "r1" }

            [[drivers.points]]
            name = "it_power"
            topic = "dc1/power/it"
            path = "$.watts"
            quantity = "power"
            unit = "kW"
            scale = 0.001
            pue_role = "it"

            [[drivers]]
            protocol = "modbus"
            id = "pdu-1"
            enabled = false

            [[pue]]
            scope = "site"
            it = "pue_role=it"
            facility = ["pue_role=facility", "driver=dc1-mqtt,point=facility_*"]
            max_ratio = 5

            [[pue]]
            scope = "hall-a"
            it = ["hall=a,pue_role=it"]
            facility = "driver=pdu-*,pue_role=facility"
            """;

    @Test
    void legacyDriverParamsBecomeStringPropertiesAndTheSitePueIsAdded() throws TomlException {
        assertEquals("""
                esnode.driver.mqtt~mqtt-1 @1 {client_id=String:esnode, id=String:mqtt-1, \
                mappings=String:dc1/racks/+/temp_inlet:temperature:celsius:$.value,dc1/power/it:power:watts:$.watts:1000, \
                qos=String:1, target=String:127.0.0.1:1883, topics=String:dc1/racks/+/temp_inlet,dc1/power/#, \
                use_tls=String:false}
                esnode.pue~site @0 {facility=String[]:[pue_role=facility], it=String[]:[pue_role=it], scope=String:site}""",
                render(map(LEGACY)));
    }

    @Test
    void structuredSectionsKeepTheirTypesAndPointsBecomeSpecs() throws TomlException {
        assertEquals("""
                esnode.driver.mqtt~dc1-mqtt @6 {broker_url=String:tcp://127.0.0.1:1883, clean_session=Boolean:true, \
                id=String:dc1-mqtt, keep_alive=Integer:30, password=String:s3cret, \
                points=String[]:[name=inlet_temp;topic=dc1/racks/{rack}/temp_inlet;path=$.value;quantity=temperature;\
                unit=C;label.room=r1, name=it_power;topic=dc1/power/it;path=$.watts;quantity=power;unit=kW;scale=0.001;\
                pue_role=it], qos=Integer:1, topics=String[]:[dc1/racks/+/temp_inlet, dc1/power/#], \
                username=String:esnode-user}
                esnode.metrics @2 {bind_address=String:127.0.0.1, port=Integer:9100}
                esnode.pue~site @39 {facility=String[]:[pue_role=facility, driver=dc1-mqtt,point=facility_*], \
                it=String[]:[pue_role=it], max_ratio=Double:5.0, scope=String:site}
                esnode.pue~hall-a @45 {facility=String[]:[driver=pdu-*,pue_role=facility], \
                it=String[]:[hall=a,pue_role=it], scope=String:hall-a}""",
                render(map(STRUCTURED, Map.of("MQTT_PASSWORD", "s3cret"))));
    }

    @Test
    void withoutAConsoleSectionTheConsolesHttpIsSwitchedOnWithItsDefaults() throws TomlException {
        ConfigEntry http = map("[metrics]\nport = 9100\n").stream()
                .filter(e -> e.label().equals(ConfigNames.HTTP_PID)).findFirst().orElseThrow();
        assertEquals(0, http.line());
        assertEquals(true, http.properties().get("org.apache.felix.http.enable"));
        assertEquals("127.0.0.1", http.properties().get("org.apache.felix.http.host"));
        assertEquals(8181, http.properties().get("org.osgi.service.http.port"));
    }

    @Test
    void consoleSectionSplitsIntoLoginAndHttpConfigurations() throws TomlException {
        assertEquals("""
                esnode.console @1 {admin_password=String:pw, admin_user=String:ops}
                org.apache.felix.http @1 {org.apache.felix.http.enable=Boolean:true, org.apache.felix.http.host=String:127.0.0.1, \
                org.osgi.service.http.port=Integer:8282}
                esnode.pue~site @0 {facility=String[]:[pue_role=facility], it=String[]:[pue_role=it], scope=String:site}""",
                render(map("[console]\nbind = \"127.0.0.1\"\nport = 8282\nadmin_user = \"ops\"\n"
                        + "admin_password = \"${CONSOLE_PW}\"\n", Map.of("CONSOLE_PW", "pw"))));
    }

    @Test
    void consoleTlsKeysMapToFelixHttpJettyHttpsKeys() throws TomlException {
        // a relative keystore is resolved against the TOML file's folder: /srv/esnode/etc + console.p12
        assertEquals("""
                org.apache.felix.http @1 {org.apache.felix.http.enable=Boolean:false, org.apache.felix.http.host=String:127.0.0.1, \
                org.apache.felix.https.enable=Boolean:true, \
                org.apache.felix.https.keystore=String:/srv/esnode/etc/console.p12, \
                org.apache.felix.https.keystore.key.password=String:kpw, org.apache.felix.https.keystore.password=String:pw, \
                org.apache.felix.https.keystore.type=String:PKCS12, org.osgi.service.http.port=Integer:8181, \
                org.osgi.service.http.port.secure=Integer:8443}
                esnode.pue~site @0 {facility=String[]:[pue_role=facility], it=String[]:[pue_role=it], scope=String:site}""",
                render(map("[console]\nhttps_port = 8443\nhttp_enabled = false\nkeystore = \"console.p12\"\n"
                        + "keystore_password = \"${KS_PW}\"\nkeystore_type = \"PKCS12\"\nkey_password = \"kpw\"\n",
                        Map.of("KS_PW", "pw"))));
    }

    @Test
    void anAbsoluteKeystoreIsKeptAndHttpStaysOnBesideHttps() throws TomlException {
        assertEquals("""
                org.apache.felix.http @1 {org.apache.felix.http.enable=Boolean:true, org.apache.felix.http.host=String:127.0.0.1, \
                org.apache.felix.https.enable=Boolean:true, \
                org.apache.felix.https.keystore=String:/etc/ssl/esnode/console.p12, org.osgi.service.http.port=Integer:8181, \
                org.osgi.service.http.port.secure=Integer:8443}""",
                render(map("[console]\nport = 8181\nhttps_port = 8443\nkeystore = \"/etc/ssl/esnode/console.p12\"\n"))
                        .lines().findFirst().orElseThrow());
    }

    @Test
    void everyEntryIsMarkedWithItsSourceAndAHashOfItsProperties() throws TomlException {
        ConfigEntry metrics = map("[metrics]\nport = 9100\n").get(0);
        assertEquals(SOURCE, metrics.properties().get(ConfigNames.SOURCE));
        // sha256("4:port;7:Integer;4:9100;"), computed with sha256sum
        assertEquals("de08cf534a7b2561988da091e7af3877ca7238dc5b3431dbe9bade15aa0255b3", metrics.hash());
    }

    @Test
    void editingOneDriverChangesOnlyItsHash() throws TomlException {
        String before = "[[drivers]]\nprotocol = \"mqtt\"\nid = \"a\"\nqos = 1\n"
                + "[[drivers]]\nprotocol = \"mqtt\"\nid = \"b\"\nqos = 1\n";
        List<ConfigEntry> one = map(before);
        List<ConfigEntry> two = map(before.replace("id = \"b\"\nqos = 1", "id = \"b\"\nqos = 2"));
        assertEquals(one.get(0).hash(), two.get(0).hash());
        assertNotEquals(one.get(1).hash(), two.get(1).hash());
        assertEquals(one.get(2).hash(), two.get(2).hash()); // the default site PUE
    }

    @Test
    void aRotatedSecretChangesTheHash() throws TomlException {
        String toml = "[[drivers]]\nprotocol = \"mqtt\"\nid = \"a\"\npassword = \"${PW}\"\n";
        assertNotEquals(map(toml, Map.of("PW", "old")).get(0).hash(), map(toml, Map.of("PW", "new")).get(0).hash());
    }

    @Test
    void disabledSectionsAreSkippedAndAnExplicitPueTurnsTheDefaultOff() throws TomlException {
        assertEquals("", render(map("""
                [[drivers]]
                protocol = "mqtt"
                id = "a"
                enabled = false
                password = "${NOT_SET_YET}"
                [[drivers]]
                protocol = "mqtt"
                id = "a"
                enabled = false
                [[pue]]
                enabled = false
                """)));
    }

    @Test
    void aDisabledDriverIsStillChecked() {
        TomlException e = assertThrows(TomlException.class,
                () -> map("[[drivers]]\nprotocol = \"mqtt\"\nid = \"a\"\nenabled = false\nqos = 7\n"));
        assertEquals("etc/esnode.toml:5:7: drivers[0].qos: expected an integer 0..2, got 7", e.getMessage());
    }

    @Test
    void valuesGetConfigAdminTypes() throws TomlException {
        assertEquals("esnode.driver.snmp~s @1 {big=Long:5000000000, bools=Boolean[]:[true, false], "
                + "empty=String[]:[], floats=Double[]:[0.5, 2.0], hex=Integer:255, id=String:s, "
                + "ints=Integer[]:[1, 2], literal=String:${NOT_A_SECRET}, longs=Long[]:[1, 5000000000], "
                + "points=String[]:[name=a;oid=1.3.6.1], ratio=Double:1.5}",
                render(map("""
                        [[drivers]]
                        protocol = "snmp"
                        id = "s"
                        big = 5_000_000_000
                        hex = 0xff
                        ratio = 1.5
                        ints = [1, 2]
                        longs = [1, 5000000000]
                        floats = [0.5, 2.0]
                        bools = [true, false]
                        empty = []
                        literal = "$${NOT_A_SECRET}"
                        points = ["name=a;oid=1.3.6.1"]
                        [[pue]]
                        enabled = false
                        """)));
    }

    @Test
    void entryToStringNamesKeysButNoValues() throws TomlException {
        ConfigEntry e = map("[[drivers]]\nprotocol = \"mqtt\"\nid = \"a\"\npassword = \"${PW}\"\n",
                Map.of("PW", "s3cret")).get(0);
        assertEquals("ConfigEntry[esnode.driver.mqtt~a line 1 keys=[esnode.config.hash, esnode.config.source, id, "
                + "password]]", e.toString());
    }

    static Stream<Arguments> errors() {
        String mqtt = "[[drivers]]\nprotocol = \"mqtt\"\nid = \"a\"\n";
        return Stream.of(
                Arguments.of("[[drivers]]\nid = \"a\"\n", "etc/esnode.toml:1:1: drivers[0].protocol: missing required key"),
                Arguments.of("[[drivers]]\nprotocol = \"mqtt\"\n", "etc/esnode.toml:1:1: drivers[0].id: missing required key"),
                Arguments.of("[[drivers]]\nprotocol = \"bacnet\"\nid = \"a\"\n", "etc/esnode.toml:2:12: "
                        + "drivers[0].protocol: unknown protocol \"bacnet\" (known: dnp3, modbus, mqtt, snmp)"),
                Arguments.of("[[drivers]]\nprotocol = 5\nid = \"a\"\n",
                        "etc/esnode.toml:2:12: drivers[0].protocol: expected a string, got 5"),
                Arguments.of("[[drivers]]\nprotocol = \"mqtt\"\nid = \"a b\"\n", "etc/esnode.toml:3:6: drivers[0].id: "
                        + "invalid id \"a b\" (use letters, digits, \"_\", \".\" and \"-\")"),
                Arguments.of(mqtt + "[[drivers]]\nprotocol = \"snmp\"\nid = \"a\"\n",
                        "etc/esnode.toml:6:6: drivers[1].id: duplicate driver id \"a\" (first defined at line 3)"),
                Arguments.of(mqtt + "qos = 7\n", "etc/esnode.toml:4:7: drivers[0].qos: expected an integer 0..2, got 7"),
                Arguments.of(mqtt + "[[drivers]]\nprotocol = \"mqtt\"\nid = \"b\"\n[drivers.params]\nqos = \"x\"\n",
                        "etc/esnode.toml:8:7: drivers[1].params.qos: expected an integer 0..2, got \"x\""),
                Arguments.of(mqtt + "[drivers.params]\nqos = 1\n", "etc/esnode.toml:5:7: drivers[0].params.qos: expected "
                        + "a string (params are strings; write \"1\" or move the key into the driver table), got 1"),
                Arguments.of(mqtt + "target = \"h:1\"\n[drivers.params]\ntarget = \"h:2\"\n",
                        "etc/esnode.toml:6:10: drivers[0].params.target: also set in the driver table"),
                Arguments.of(mqtt + "[[drivers.points]]\ntopic = \"x\"\n",
                        "etc/esnode.toml:4:1: drivers[0].points[0]: point has no name"),
                Arguments.of(mqtt + "[[drivers.points]]\nname = \"p\"\n[[drivers.points]]\nname = \"p\"\n",
                        "etc/esnode.toml:7:8: drivers[0].points[1].name: duplicate point name \"p\" (first defined at line 5)"),
                Arguments.of(mqtt + "[[drivers.points]]\nname = \"p\"\ntags = [\"a\"]\n",
                        "etc/esnode.toml:6:8: drivers[0].points[0].tags: expected a value, got an array"),
                Arguments.of(mqtt + "topics = [\"a\", 1]\n", "etc/esnode.toml:4:16: drivers[0].topics[1]: "
                        + "expected string like the first element, got integer 1 (arrays hold one type)"),
                Arguments.of(mqtt + "extra = { a = 1 }\n",
                        "etc/esnode.toml:4:9: drivers[0].extra: expected a value or an array, got a table"),
                Arguments.of("[[drivers]]\nenabled = \"no\"\n",
                        "etc/esnode.toml:2:11: drivers[0].enabled: expected true or false, got \"no\""),
                Arguments.of(mqtt + "password = \"${MQTT_PASS}\"\n",
                        "etc/esnode.toml:4:12: drivers[0].password: environment variable MQTT_PASS is not set"),
                Arguments.of(mqtt + "password = \"${file:/run/secrets/none}\"\n", "etc/esnode.toml:4:12: "
                        + "drivers[0].password: cannot read secret file /run/secrets/none: no such file"),
                Arguments.of(mqtt + "password = \"${vault:x}\"\n", "etc/esnode.toml:4:12: drivers[0].password: "
                        + "unknown secret source \"vault\" (use ${env:NAME} or ${file:/path})"),
                Arguments.of("[[driver]]\nprotocol = \"mqtt\"\n",
                        "etc/esnode.toml:1:1: driver: unknown section (known: [[drivers]], [metrics], [[pue]], [console])"),
                Arguments.of("[drivers]\nprotocol = \"mqtt\"\n", "etc/esnode.toml:1:1: drivers: "
                        + "expected [[drivers]] (double brackets: one table per entry), got a table"),
                Arguments.of("[console]\nuser = \"x\"\n", "etc/esnode.toml:2:8: console.user: unknown key (known: "
                        + "bind_address, port, https_port, http_enabled, keystore, keystore_password, keystore_type, "
                        + "key_password, admin_user, admin_password, realm)"),
                Arguments.of("[console]\nhttps_port = 8443\n", "etc/esnode.toml:2:14: console.https_port: https_port "
                        + "needs keystore (a PKCS12 or JKS file with the console's certificate and key)"),
                Arguments.of("[console]\nhttps_port = 0\nkeystore = \"k.p12\"\n",
                        "etc/esnode.toml:2:14: console.https_port: expected an integer 1..65535, got 0"),
                Arguments.of("[console]\nkeystore = \"k.p12\"\n", "etc/esnode.toml:2:12: console.keystore: "
                        + "keystore is set but https_port is not (HTTPS stays off)"),
                Arguments.of("[console]\nhttp_enabled = false\n", "etc/esnode.toml:2:16: console.http_enabled: "
                        + "http_enabled = false needs https_port (the console would be unreachable)"),
                Arguments.of("[console]\nhttp_enabled = \"no\"\n",
                        "etc/esnode.toml:2:16: console.http_enabled: expected true or false, got \"no\""),
                Arguments.of("[metrics]\nport = 70000\n",
                        "etc/esnode.toml:2:8: metrics.port: expected an integer 1..65535, got 70000"),
                Arguments.of("[metrics]\nport = \"9100\"\n",
                        "etc/esnode.toml:2:8: metrics.port: expected an integer 1..65535, got \"9100\""),
                Arguments.of("[metrics]\nbind = \"a\"\nbind_address = \"b\"\n", "etc/esnode.toml:3:16: "
                        + "metrics.bind_address: bind and bind_address both set (they are one key)"),
                Arguments.of("[[pue]]\nmax_ratio = 0.5\n",
                        "etc/esnode.toml:2:13: pue[0].max_ratio: expected a finite number of at least 1, got 0.5"),
                Arguments.of("[[pue]]\nmax_ratio = inf\n",
                        "etc/esnode.toml:2:13: pue[0].max_ratio: expected a finite number of at least 1, got inf"),
                Arguments.of("[[pue]]\n[[pue]]\n",
                        "etc/esnode.toml:2:1: pue[1].scope: duplicate PUE scope \"site\" (first defined at line 1)"),
                Arguments.of("[[pue]]\nit = 5\n",
                        "etc/esnode.toml:2:6: pue[0].it: expected a string or an array of strings, got 5"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void invalidSectionsNameFileLineAndKey(String toml, String expected) {
        TomlException e = assertThrows(TomlException.class, () -> map(toml));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void errorsQuoteTheValueAsWrittenNotTheResolvedSecret() {
        TomlException e = assertThrows(TomlException.class,
                () -> map("[[drivers]]\nprotocol = \"mqtt\"\nid = \"a\"\nqos = \"${QOS}\"\n", Map.of("QOS", "topsecret")));
        assertEquals("etc/esnode.toml:4:7: drivers[0].qos: expected an integer 0..2, got \"${QOS}\"", e.getMessage());
    }
}
