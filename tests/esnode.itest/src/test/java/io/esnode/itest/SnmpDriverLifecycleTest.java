package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.Driver;
import io.esnode.api.DriverState;
import io.esnode.api.Reading;
import io.esnode.api.ReadingStore;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Inside Felix: a factory configuration becomes an SNMP driver (SNMP4J embedded, no unresolved import) polling a
 * real Net-SNMP snmpd; updating the driver bundle while it polls every 200 ms brings the same driver back with the
 * same threads (no thread of the old bundle left), and stopping the bundle removes its series and all its threads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnmpDriverLifecycleTest {
    private static final String SNMPD = "/usr/sbin/snmpd";
    private static final String DRIVER_ID = "itsnmp";
    private static final String BSN = "esnode.driver.snmp";
    private static BundleContext context;
    private static ConfigurationAdmin cm;
    private static ReadingStore store;
    private static Process snmpd;
    private static Path dir;
    private static int port;
    private static Scrape scrape;
    private static final String BIG = "18446744073709551000";

    @BeforeAll
    static void startAgent() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(SNMPD)), "Debian snmpd is not installed (./run-tests installs it)");
        context = FrameworkUtil.getBundle(SnmpDriverLifecycleTest.class).getBundleContext();
        cm = service(ConfigurationAdmin.class);
        store = service(ReadingStore.class);
        dir = Files.createTempDirectory("itest-snmpd");
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("snmpd.conf"), String.join("\n",
                "agentaddress udp:127.0.0.1:" + port,
                "rocommunity itest-community 127.0.0.1",
                "dontLogTCPWrappersConnects yes",
                "override .1.3.6.1.4.1.99999.5.1.0 integer 4200",
                "override .1.3.6.1.4.1.99999.5.2.0 uinteger 7",
                "pass .1.3.6.1.4.1.99999.6 /bin/sh " + dir.resolve("big.sh"), ""));
        // a Counter64 of 2^64 - 616 (above 2^63), which override cannot serve
        Files.writeString(dir.resolve("big.sh"), "if [ \"$1\" = -g ] && [ \"$2\" = .1.3.6.1.4.1.99999.6.1.0 ]; then\n"
                + "  printf '.1.3.6.1.4.1.99999.6.1.0\\ncounter64\\n" + BIG + "\\n'\nfi\n");
        int metricsPort = Mosquitto.freePort();
        scrape = new Scrape(metricsPort);
        Hashtable<String, Object> metrics = new Hashtable<>();
        metrics.put("bind_address", "127.0.0.1");
        metrics.put("port", metricsPort);
        cm.getConfiguration("esnode.metrics", "?").update(metrics);
        ProcessBuilder pb = new ProcessBuilder(SNMPD, "-f", "-Lo", "-C", "-c", dir.resolve("snmpd.conf").toString(),
                "--persistentDir=" + dir.resolve("persist"), "-p", dir.resolve("snmpd.pid").toString());
        pb.environment().put("MIBS", "");
        pb.environment().put("MIBDIRS", dir.resolve("no-mibs").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.log").toFile());
        snmpd = pb.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.readString(dir.resolve("snmpd.log")).contains("NET-SNMP version")) {
            if (!snmpd.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IOException("snmpd did not start: " + Files.readString(dir.resolve("snmpd.log")));
            }
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (cm != null) {
            Configuration[] cs = cm.listConfigurations("(service.factoryPid=esnode.driver.snmp)");
            for (Configuration c : cs == null ? new Configuration[0] : cs) {
                c.delete();
            }
        }
        if (snmpd != null) {
            snmpd.destroy();
            if (!snmpd.waitFor(5, TimeUnit.SECONDS)) {
                snmpd.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void factoryConfigurationStartsPollingDriver() throws Exception {
        assertEquals(Bundle.ACTIVE, bundle(BSN).getState(), "SNMP bundle must resolve and start");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("id", DRIVER_ID);
        props.put("target", "udp:127.0.0.1:" + port);
        props.put("community", "itest-community");
        props.put("poll_interval", "0.2");
        props.put("points", new String[] {
            "name=rack_power;oid=1.3.6.1.4.1.99999.5.1.0;quantity=power;unit=W;pue_role=it",
            "name=count;oid=1.3.6.1.4.1.99999.5.2.0",
            "name=big;oid=1.3.6.1.4.1.99999.6.1.0;type=counter"});
        cm.getFactoryConfiguration("esnode.driver.snmp", DRIVER_ID, "?").update(props);
        Driver d = ItestSupport.awaitDriver(context, DRIVER_ID, DriverState.CONNECTED);
        assertEquals("snmp", d.protocol());
        awaitReading("rack_power", 4200.0);
        awaitReading("count", 7.0);
        // the Counter64 travels exactly from the agent to /metrics: no double rounding, no sign
        String exact = "esnode_sensor_value_total{driver=\"itsnmp\",point=\"big\",} " + BIG;
        List<String> lines = scrape.await(Scrape.has(exact,
                "esnode_sensor_power_watts{driver=\"itsnmp\",point=\"rack_power\",} 4200.0",
                "esnode_driver_up{driver=\"itsnmp\",protocol=\"snmp\",} 1.0"), 15_000);
        assertTrue(lines.contains(exact), Scrape.esnodeLines(lines));
        assertEquals(List.of("esnode-snmp-itsnmp-1", "esnode-snmp-itsnmp-listen", "esnode-snmp-itsnmp-timer"), snmpThreads());
    }

    @Test
    @Order(2)
    void updatingBundleWhilePollingBringsTheSameDriverBackWithoutLeakingThreads() throws Exception {
        Bundle b = bundle(BSN);
        long storeServiceId = (Long) context.getServiceReference(ReadingStore.class).getProperty("service.id");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (running.get()) {
                store.fresh(System.currentTimeMillis());
                reads.incrementAndGet();
            }
        }, "itest-snmp-reader");
        reader.start();
        try {
            long before = b.getLastModified();
            b.update();
            assertTrue(b.getLastModified() >= before);
            Driver d = ItestSupport.awaitDriver(context, DRIVER_ID, DriverState.CONNECTED);
            assertEquals(DRIVER_ID, d.id());
            assertEquals(1, cm.listConfigurations("(service.factoryPid=esnode.driver.snmp)").length);
            long since = System.currentTimeMillis();
            Reading r = awaitReading("rack_power", 4200.0);
            assertTrue(r.timestampMillis() >= since - 1000, "reading was not re-polled after the update: " + r);
        } finally {
            running.set(false);
            reader.join(5000);
        }
        assertTrue(reads.get() > 0);
        assertEquals(storeServiceId, (Long) context.getServiceReference(ReadingStore.class).getProperty("service.id"));
        // the old bundle's poll, listen and timer threads are gone; the new driver has exactly its three
        awaitThreads(List.of("esnode-snmp-itsnmp-1", "esnode-snmp-itsnmp-listen", "esnode-snmp-itsnmp-timer"));
    }

    @Test
    @Order(3)
    void stoppingBundleRemovesSeriesAndEndsEveryThread() throws Exception {
        Bundle b = bundle(BSN);
        b.stop();
        try {
            assertEquals(List.of(), store.all().stream().filter(r -> r.driverId().equals(DRIVER_ID)).toList());
            awaitThreads(List.of());
        } finally {
            b.start();
        }
        ItestSupport.awaitDriver(context, DRIVER_ID, DriverState.CONNECTED);
    }

    private static void awaitThreads(List<String> expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!snmpThreads().equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, snmpThreads());
    }

    private static List<String> snmpThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("esnode-snmp")).sorted().toList();
    }

    private static Reading awaitReading(String point, double value) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Reading last = null;
        while (System.currentTimeMillis() < deadline) {
            for (Reading r : store.all()) {
                if (r.driverId().equals(DRIVER_ID) && r.point().name().equals(point) && r.labels().equals(Map.of())) {
                    last = r;
                    if (r.value() == value) {
                        return r;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(point + " never reached " + value + "; last " + last);
    }


    private static Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + bsn + " not installed");
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
        t.open();
        T s = t.waitForService(10_000);
        assertNotNull(s, type.getName() + " not available");
        return s;
    }
}
