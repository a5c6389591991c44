package io.esnode.driver.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.DriverState;
import io.esnode.api.DriverStatus;
import io.esnode.api.ErrorKind;
import io.esnode.api.Reading;
import io.esnode.driver.snmp.internal.session.SnmpSession;
import io.esnode.driver.snmp.testing.NetSnmpAgent;
import io.esnode.testkit.AnnotationConfig;
import io.esnode.testkit.Await;
import io.esnode.testkit.FreePort;
import io.esnode.testkit.InMemoryReadingStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The driver against a real Net-SNMP snmpd whose values the test controls (pass_persist), cross-checked with
 * snmpget/snmpbulkwalk: every SMI type, a Counter64 above 2^63, an Opaque float, missing OIDs, a 150-row table,
 * v1, v2c and v3 authPriv SHA-256/AES-128, a wrong pass-phrase, and no thread left after stop.
 */
class SnmpDriverAgentTest {
    static final String COMMUNITY = "t0p-s3cret-community";
    static final String AUTH_PASS = "auth-pass-9731";
    static final String PRIV_PASS = "priv-pass-4466";
    static final String E = NetSnmpAgent.ENTERPRISE;
    static final int ROWS = 150;
    /** 2^64 - 616: above 2^63, so a signed long would read it as negative. */
    static final String BIG_COUNTER = "18446744073709551000";

    @TempDir
    static Path dir;
    static NetSnmpAgent agent;
    final InMemoryReadingStore store = new InMemoryReadingStore();
    final List<SnmpDriver> drivers = new ArrayList<>();

    @BeforeAll
    static void startAgent() throws Exception {
        agent = NetSnmpAgent.create(dir)
                .config("rocommunity " + COMMUNITY + " 127.0.0.1")
                .config("createUser u256 SHA-256 " + AUTH_PASS + " AES " + PRIV_PASS)
                .config("rouser u256 priv")
                .config("createUser usha1 SHA " + AUTH_PASS)
                .config("rouser usha1 auth")
                .config("createUser umd5 MD5 " + AUTH_PASS + " DES " + PRIV_PASS)
                .config("rouser umd5 priv")
                .config("createUser usha224 SHA-224 " + AUTH_PASS + " AES " + PRIV_PASS)
                .config("rouser usha224 priv")
                .config("createUser usha384 SHA-384 " + AUTH_PASS + " AES-192 " + PRIV_PASS)
                .config("rouser usha384 priv")
                .config("createUser usha512 SHA-512 " + AUTH_PASS + " AES-256 " + PRIV_PASS)
                .config("rouser usha512 priv")
                .config("createUser unoauth")
                .config("rouser unoauth noauth");
        agent.values(values(42, 10));
        agent.start();
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @AfterEach
    void stopDrivers() {
        drivers.forEach(SnmpDriver::stop);
    }

    /** Scalars of every type under .1, a table under .2.1 (name, power = row × factor, energy counter). */
    static List<String> values(int gauge, int powerFactor) {
        List<String> v = new ArrayList<>();
        v.add(E + ".1.1.0 counter64 " + BIG_COUNTER);
        v.add(E + ".1.2.0 opaque 9f 78 04 41 64 00 00"); // IEEE 754 0x41640000 = 14.25
        v.add(E + ".1.3.0 gauge " + gauge);
        v.add(E + ".1.4.0 string 14.250000");
        v.add(E + ".1.5.0 counter 4294967295");
        v.add(E + ".1.6.0 timeticks 12345");
        v.add(E + ".1.7.0 string 23 C");
        v.add(E + ".1.8.0 integer -5");
        v.add(E + ".1.9.0 ipaddress 10.1.2.3");
        for (int i = 1; i <= 20; i++) {
            v.add(E + ".3." + i + ".0 string " + i + ".5 " + "x".repeat(200)); // 20 values of ~210 bytes each
        }
        for (int i = 1; i <= ROWS; i++) {
            // row 7 has a name that is not UTF-8: ff fe 41
            v.add(E + ".2.1.2." + i + (i == 7 ? " octet ff fe 41" : " string outlet-" + i));
        }
        for (int i = 1; i <= ROWS; i++) {
            v.add(E + ".2.1.3." + i + " gauge " + (i * powerFactor));
        }
        for (int i = 1; i <= ROWS; i++) {
            v.add(E + ".2.1.4." + i + " counter64 " + (1000L * i));
        }
        return v;
    }

    static String[] scalarPoints() {
        return new String[] {
            "name=big;oid=" + E + ".1.1.0;type=counter",
            "name=opaque_float;oid=" + E + ".1.2.0;quantity=temperature;unit=C",
            "name=gauge;oid=" + E + ".1.3.0;quantity=power;unit=kW",
            "name=text_number;oid=" + E + ".1.4.0",
            "name=counter32;oid=" + E + ".1.5.0;type=counter",
            "name=uptime;oid=" + E + ".1.6.0",
            "name=text_unit;oid=" + E + ".1.7.0;pattern=([0-9.]+) *C;quantity=temperature;unit=C",
            "name=integer;oid=" + E + ".1.8.0",
            "name=missing_instance;oid=" + E + ".1.77.0",
            "name=missing_object;oid=1.3.6.1.4.1.88888.1.0",
            "name=outlet_power;table=" + E + ".2.1;column=3;index_labels=outlet;label_columns=outlet_name:2;quantity=power;unit=W",
        };
    }

    SnmpDriver start(Object... keyValues) {
        SnmpDriver d = new SnmpDriver(store);
        d.start(AnnotationConfig.of(SnmpDriver.Config.class, keyValues));
        drivers.add(d);
        return d;
    }

    static DriverStatus awaitPolled(SnmpDriver d, int polls) {
        Await.until(() -> d.status().latencyCount() >= polls || d.status().state() == DriverState.DISCONNECTED,
                10_000, () -> "no poll finished: " + d.status());
        return d.status();
    }

    @Test
    void v2cReadsEveryTypeAndTheTableExactly() throws Exception {
        SnmpDriver d = start("id", "v2", "target", "udp:" + agent.address(), "community", COMMUNITY,
                "poll_interval", "60", "points", scalarPoints());
        DriverStatus s = awaitPolled(d, 1);
        // two scalars are missing, so the driver is up but degraded
        assertEquals(DriverState.DEGRADED, s.state(), s.toString());
        assertEquals(2L, s.errorsByKind().get(SnmpSession.MISSING), s.toString());

        Reading big = store.get("v2", "big", Map.of());
        assertTrue(big.exact(), big.toString());
        assertEquals(BIG_COUNTER, big.exactText());
        assertEquals(1.8446744073709551e19, big.value(), 1e4);
        assertEquals(14.25, store.get("v2", "opaque_float", Map.of()).value());
        assertEquals(42_000.0, store.get("v2", "gauge", Map.of()).value()); // 42 kW = 42000 W
        assertEquals(14.25, store.get("v2", "text_number", Map.of()).value());
        Reading c32 = store.get("v2", "counter32", Map.of());
        assertTrue(c32.exact());
        assertEquals("4294967295", c32.exactText());
        assertEquals(123.45, store.get("v2", "uptime", Map.of()).value(), 1e-9); // 12345 ticks of 1/100 s
        assertEquals(23.0, store.get("v2", "text_unit", Map.of()).value());
        assertEquals(-5.0, store.get("v2", "integer", Map.of()).value());
        // missing means no series at all, not 0
        assertNull(store.get("v2", "missing_instance", Map.of()));
        assertNull(store.get("v2", "missing_object", Map.of()));

        List<Reading> rows = store.all().stream().filter(r -> r.point().name().equals("outlet_power")).toList();
        assertEquals(ROWS, rows.size());
        assertEquals(170.0, store.get("v2", "outlet_power", Map.of("outlet", "17", "outlet_name", "outlet-17")).value());
        // ff fe are not UTF-8: each becomes U+FFFD in that label only; 'A' stays
        assertEquals(70.0, store.get("v2", "outlet_power", Map.of("outlet", "7", "outlet_name", "\uFFFD\uFFFDA")).value());
        // 11 points: 8 scalars read + 150 rows
        assertEquals(8 + ROWS, s.readingsTotal());

        // cross-check with Net-SNMP's own tools
        assertEquals(List.of("." + E + ".1.1.0 = Counter64: " + BIG_COUNTER, "." + E + ".1.2.0 = Opaque: Float: 14.250000"),
                agent.snmpget(COMMUNITY, E + ".1.1.0", E + ".1.2.0"));
        List<String> walk = agent.snmpbulkwalk(COMMUNITY, E + ".2.1.3");
        assertEquals(ROWS, walk.size(), String.join("\n", walk));
        assertEquals("." + E + ".2.1.3.17 = Gauge32: 170", walk.get(16));
    }

    @Test
    void changedValuesAndVanishedRowsAreSeenAtTheNextPoll() throws Exception {
        SnmpDriver d = start("id", "change", "target", agent.address(), "community", COMMUNITY, "poll_interval", "0.3",
                "points", new String[] {"name=gauge;oid=" + E + ".1.3.0",
                    "name=p;table=" + E + ".2.1;column=3;index_labels=outlet"});
        store.awaitValue("change", "gauge", Map.of(), 42.0, 10_000);
        store.awaitValue("change", "p", Map.of("outlet", "150"), 1500.0, 10_000);
        try {
            List<String> fewer = values(43, 20);
            fewer.removeIf(l -> l.startsWith(E + ".2.1.3.150 "));
            agent.values(fewer);
            store.awaitValue("change", "p", Map.of("outlet", "149"), 2980.0, 10_000); // 149 × 20
            store.awaitValue("change", "gauge", Map.of(), 43.0, 10_000);
            Await.until(() -> store.get("change", "p", Map.of("outlet", "150")) == null, 5000,
                    () -> "row 150 vanished from the agent but is still in the store");
        } finally {
            agent.values(values(42, 10));
        }
        assertEquals(List.of("." + E + ".1.3.0 = Gauge32: 42"), agent.snmpget(COMMUNITY, E + ".1.3.0"));
    }

    @Test
    void v3AuthPrivSha256Aes128Reads() throws Exception {
        SnmpDriver d = start("id", "v3", "target", agent.address(), "version", "3", "user", "u256",
                "auth_protocol", "SHA-256", "auth_passphrase", AUTH_PASS, "priv_protocol", "AES",
                "priv_passphrase", PRIV_PASS, "poll_interval", "60", "points", new String[] {
                    "name=big;oid=" + E + ".1.1.0;type=counter", "name=gauge;oid=" + E + ".1.3.0",
                    "name=p;table=" + E + ".2.1;column=3;index_labels=outlet"});
        DriverStatus s = awaitPolled(d, 1);
        assertEquals(DriverState.CONNECTED, s.state(), s.toString());
        assertEquals(BIG_COUNTER, store.get("v3", "big", Map.of()).exactText());
        assertEquals(42.0, store.get("v3", "gauge", Map.of()).value());
        assertEquals(1230.0, store.get("v3", "p", Map.of("outlet", "123")).value()); // 123 × 10
        assertEquals(2 + ROWS, s.readingsTotal());
        assertEquals(List.of("." + E + ".1.3.0 = Gauge32: 42"), agent.run(List.of(NetSnmpAgent.SNMPGET.toString(),
                "-On", "-v3", "-l", "authPriv", "-u", "u256", "-a", "SHA-256", "-A", AUTH_PASS, "-x", "AES", "-X",
                PRIV_PASS, agent.address(), E + ".1.3.0")));
    }

    @Test
    void v3AuthNoPrivSha1Reads() {
        SnmpDriver d = start("id", "v3a", "target", agent.address(), "version", "3", "user", "usha1",
                "auth_protocol", "SHA", "auth_passphrase", AUTH_PASS, "poll_interval", "60",
                "points", new String[] {"name=gauge;oid=" + E + ".1.3.0"});
        assertEquals(DriverState.CONNECTED, awaitPolled(d, 1).state());
        assertEquals(42.0, store.get("v3a", "gauge", Map.of()).value());
    }

    @ParameterizedTest(name = "{0} {1}/{2}")
    @CsvSource({"umd5, MD5, DES", "usha224, SHA-224, AES", "usha384, SHA-384, AES-192", "usha512, SHA-512, AES-256",
        "unoauth, none, none"})
    void everyUsmProtocolPairReads(String user, String auth, String priv) {
        String id = "usm-" + user;
        SnmpDriver d = start("id", id, "target", agent.address(), "version", "3", "user", user,
                "auth_protocol", auth, "auth_passphrase", AUTH_PASS, "priv_protocol", priv,
                "priv_passphrase", PRIV_PASS, "poll_interval", "60", "points", new String[] {"name=gauge;oid=" + E + ".1.3.0"});
        assertEquals(DriverState.CONNECTED, awaitPolled(d, 1).state(), d.status().toString());
        assertEquals(42.0, store.get(id, "gauge", Map.of()).value());
    }

    @Test
    void twoAgentsWithTheSameUserAndOtherKeysDoNotDisturbEachOther() throws Exception {
        // a second snmpd (own engine id, own boots/time) whose user u256 has other pass-phrases, polled at the same time
        try (NetSnmpAgent other = NetSnmpAgent.create(dir.resolve("other"))
                .config("createUser u256 SHA-256 other-auth-pass AES other-priv-pass").config("rouser u256 priv")) {
            java.nio.file.Files.createDirectories(dir.resolve("other"));
            other.values(values(77, 10));
            other.start();
            SnmpDriver a = start("id", "same-a", "target", agent.address(), "version", "3", "user", "u256",
                    "auth_protocol", "SHA-256", "auth_passphrase", AUTH_PASS, "priv_protocol", "AES",
                    "priv_passphrase", PRIV_PASS, "poll_interval", "0.2", "points", new String[] {"name=gauge;oid=" + E + ".1.3.0"});
            SnmpDriver b = start("id", "same-b", "target", other.address(), "version", "3", "user", "u256",
                    "auth_protocol", "SHA-256", "auth_passphrase", "other-auth-pass", "priv_protocol", "AES",
                    "priv_passphrase", "other-priv-pass", "poll_interval", "0.2", "points", new String[] {"name=gauge;oid=" + E + ".1.3.0"});
            awaitPolled(a, 5);
            awaitPolled(b, 5);
            assertEquals(DriverState.CONNECTED, a.status().state(), a.status().toString());
            assertEquals(DriverState.CONNECTED, b.status().state(), b.status().toString());
            assertEquals(Map.of(), a.status().errorsByKind());
            assertEquals(Map.of(), b.status().errorsByKind());
            assertEquals(42.0, store.get("same-a", "gauge", Map.of()).value());
            assertEquals(77.0, store.get("same-b", "gauge", Map.of()).value());
        }
    }

    @Test
    void wrongPassphraseIsAnAuthErrorWithoutTheSecret() throws Exception {
        String wrong = "not-the-pass-0000";
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        DriverStatus s;
        try {
            SnmpDriver d = start("id", "badpass", "target", agent.address(), "version", "3", "user", "u256",
                    "auth_protocol", "SHA-256", "auth_passphrase", wrong, "priv_protocol", "AES",
                    "priv_passphrase", PRIV_PASS, "poll_interval", "60", "timeout", "1", "retries", "0",
                    "points", new String[] {"name=gauge;oid=" + E + ".1.3.0"});
            Await.until(() -> d.status().errorsByKind().containsKey(ErrorKind.AUTH) && !d.status().lastError().isEmpty(),
                    10_000, () -> d.status().toString());
            s = d.status();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(DriverState.DISCONNECTED, s.state());
        assertEquals(1L, s.errorsByKind().get(ErrorKind.AUTH), s.toString());
        assertTrue(s.lastError().contains("rejected user 'u256'") && s.lastError().contains("wrong digest"), s.lastError());
        assertTrue(log.contains("rejected user 'u256'"), log);
        for (String secret : List.of(wrong, PRIV_PASS, AUTH_PASS, COMMUNITY)) {
            assertFalse(log.contains(secret), "secret in log:\n" + log);
            assertFalse(s.toString().contains(secret), "secret in status: " + s);
        }
        assertNull(store.get("badpass", "gauge", Map.of()));
    }

    @Test
    void getTheAgentCallsTooBigIsSplitUntilItFits() {
        List<String> points = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            points.add("name=long" + i + ";oid=" + E + ".3." + i + ".0");
        }
        // 20 × ~230 bytes do not fit a 1500-byte message, so the agent answers tooBig to the first GET; halves of
        // 10 do not fit either, quarters of 5 (~1.2 kB) do
        SnmpDriver d = start("id", "toobig", "target", agent.address(), "version", "3", "user", "u256",
                "auth_protocol", "SHA-256", "auth_passphrase", AUTH_PASS, "priv_protocol", "AES",
                "priv_passphrase", PRIV_PASS, "poll_interval", "60", "max_message_size", "1500",
                "points", points.toArray(new String[0]));
        DriverStatus s = awaitPolled(d, 1);
        assertEquals(DriverState.CONNECTED, s.state(), s.toString());
        assertEquals(20L, s.readingsTotal());
        assertEquals(13.5, store.get("toobig", "long13", Map.of()).value());
    }

    @Test
    void tcpTransportReadsScalarsAndTable() {
        SnmpDriver d = start("id", "tcp", "target", "tcp:127.0.0.1:" + agent.tcpPort(), "community", COMMUNITY,
                "poll_interval", "60", "points", new String[] {"name=big;oid=" + E + ".1.1.0;type=counter",
                    "name=p;table=" + E + ".2.1;column=3;index_labels=outlet"});
        DriverStatus s = awaitPolled(d, 1);
        assertEquals(DriverState.CONNECTED, s.state(), s.toString());
        assertEquals("tcp:127.0.0.1:" + agent.tcpPort(), s.target());
        assertEquals(BIG_COUNTER, store.get("tcp", "big", Map.of()).exactText());
        assertEquals(1500.0, store.get("tcp", "p", Map.of("outlet", "150")).value()); // 150 × 10
        assertEquals(1 + ROWS, s.readingsTotal());
        d.stop();
        drivers.remove(d);
        Await.until(() -> snmpThreads("tcp").isEmpty(), 3000, () -> "left behind: " + snmpThreads("tcp"));
    }

    @Test
    void v1WalksTheTableWithGetNext() {
        SnmpDriver d = start("id", "v1", "target", agent.address(), "version", "1", "community", COMMUNITY,
                "poll_interval", "60", "points", new String[] {"name=gauge;oid=" + E + ".1.3.0",
                    "name=missing;oid=" + E + ".1.77.0",
                    "name=p;table=" + E + ".2.1;column=3;index_labels=outlet;label_columns=n:2"});
        DriverStatus s = awaitPolled(d, 1);
        assertEquals(DriverState.DEGRADED, s.state(), s.toString());
        assertEquals(42.0, store.get("v1", "gauge", Map.of()).value());
        assertNull(store.get("v1", "missing", Map.of()));
        assertEquals(1L, s.errorsByKind().get(SnmpSession.MISSING));
        assertEquals(990.0, store.get("v1", "p", Map.of("outlet", "99", "n", "outlet-99")).value()); // 99 × 10
        assertEquals(1 + ROWS, s.readingsTotal());
    }

    @Test
    void unreachableAgentTimesOutAndIsCounted() throws Exception {
        int closed = FreePort.findUdp();
        SnmpDriver d = start("id", "gone", "target", "127.0.0.1:" + closed, "community", COMMUNITY,
                "timeout", "0.2", "retries", "1", "poll_interval", "60", "points", new String[] {"name=g;oid=1.3.6.1.2.1.1.3.0"});
        // StatusTracker counts the kind before it stores the message: wait for both
        Await.until(() -> d.status().errorsByKind().containsKey(ErrorKind.TIMEOUT) && !d.status().lastError().isEmpty(),
                5000, () -> d.status().toString());
        assertEquals(DriverState.DISCONNECTED, d.status().state());
        assertTrue(d.status().lastError().contains("no response from udp:127.0.0.1:" + closed), d.status().lastError());
    }

    @Test
    void stopLeavesNoThreadBehind() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SnmpDriver d = start("id", "threads", "target", agent.address(), "community", COMMUNITY, "poll_interval", "0.2",
                "points", new String[] {"name=gauge;oid=" + E + ".1.3.0"});
        awaitPolled(d, 2);
        List<String> running = snmpThreads("threads");
        // the poll thread, SNMP4J's UDP listen thread and its retry timer, all named after the driver
        assertEquals(List.of("esnode-snmp-threads-1", "esnode-snmp-threads-listen", "esnode-snmp-threads-timer"), running);
        d.stop();
        drivers.remove(d);
        assertEquals(List.of(), snmpThreads("threads"));
        Set<Thread> after = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        after.removeIf(t -> !t.isAlive() || t.getName().startsWith("esnode-snmp-") && !t.getName().startsWith("esnode-snmp-threads"));
        assertEquals(Set.of(), after.stream().map(Thread::getName).collect(Collectors.toSet()));
        assertEquals(List.of("threads"), store.removedDrivers);
    }

    static List<String> snmpThreads(String id) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("esnode-snmp-" + id + "-")).sorted().toList();
    }
}
