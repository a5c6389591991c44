package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.Driver;
import io.esnode.api.ReadingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The esnode Gogo commands through the real Gogo runtime, against a real Mosquitto: create → the driver runs and
 * its points show; disable → the driver stops, its configuration stays; enable → back; restart; delete; and the
 * one-line errors for unknown ids and bad values. Runs in console.bndrun (skipped where the console is absent).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleCommandsTest {
    private static final String ID = "cmd1";
    private static BundleContext context;
    private static Mosquitto broker;
    private static ConfigurationAdmin cm;
    private static Gogo gogo;
    private static String pid;

    @BeforeAll
    static void start() throws Exception {
        context = FrameworkUtil.getBundle(ConsoleCommandsTest.class).getBundleContext();
        assumeTrue(ItestSupport.bundle(context, "esnode.console") != null, "esnode.console is not in this run");
        assumeTrue(Files.isExecutable(Path.of(Mosquitto.BINARY)), "Debian mosquitto is not installed");
        broker = Mosquitto.start();
        cm = ItestSupport.service(context, ConfigurationAdmin.class);
        ItestSupport.service(context, ReadingStore.class);
        ItestSupport.awaitService(context, "io.esnode.console.EsnodeCommands", null);
        gogo = new Gogo(context);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gogo != null) {
            for (Configuration c : configurations(ID)) {
                c.delete();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void createStartsTheDriverAndItsPointsShow() throws Exception {
        String out = gogo.run("esnode:create mqtt " + ID + " 'broker_url=tcp://127.0.0.1:" + broker.port + "' qos=1"
                + " password=hunter2 'points=name=inlet;topic=cmd/{rack}/t;path=$.t;quantity=temperature;unit=C'");
        List<Configuration> configs = configurations(ID);
        assertEquals(1, configs.size());
        pid = configs.get(0).getPid();
        assertEquals("esnode.driver.mqtt~" + ID, pid);
        assertEquals("created mqtt driver 'cmd1' (esnode.driver.mqtt~cmd1): CONNECTED", out);
        // typed values: qos is an Integer, points a String[]
        assertEquals(Integer.valueOf(1), configs.get(0).getProperties().get("qos"));
        assertEquals(1, ((String[]) configs.get(0).getProperties().get("points")).length);

        String drivers = gogo.run("esnode:drivers");
        String line = lineOf(drivers, ID);
        assertTrue(Pattern.matches("cmd1 +mqtt +tcp://127\\.0\\.0\\.1:" + broker.port + " +CONNECTED +- +- +- +1 +- *",
                line), drivers);
        assertFalse(drivers.contains("hunter2"));

        broker.publish("cmd/r7/t", "{\"t\": 21.5}");
        String points = awaitOutput("esnode:points " + ID, "21.5");
        // 21.5 °C is already the base unit (celsius); one series with the captured rack label
        assertTrue(Pattern.matches("cmd1 +inlet +\\{rack=r7} +21\\.5 +celsius +GOOD +[0-9.]+m?s *",
                lineOf(points, ID)), points);

        String config = gogo.run("esnode:config " + ID);
        assertTrue(Pattern.compile("^password +\\*\\*\\*\\*$", Pattern.MULTILINE).matcher(config).find(), config);
        assertFalse(config.contains("hunter2"), config);
    }

    @Test
    @Order(2)
    void disableStopsTheDriverAndKeepsItsConfiguration() throws Exception {
        assertEquals("disabled driver 'cmd1' (configuration kept; 'enable cmd1' starts it again)",
                gogo.run("esnode:disable " + ID));
        assertNull(driverReference(ID), "the Driver service is gone");
        List<Configuration> configs = configurations(ID);
        assertEquals(1, configs.size());
        assertEquals(pid, configs.get(0).getPid(), "same configuration, same PID");
        assertEquals("tcp://127.0.0.1:" + broker.port, configs.get(0).getProperties().get("broker_url"));
        assertTrue(Pattern.matches("cmd1 +mqtt +- +DISABLED .*", lineOf(gogo.run("esnode:drivers"), ID)));
        assertEquals("no readings", gogo.run("esnode:points " + ID), "its series left the store");
        assertEquals("driver 'cmd1' is already disabled", gogo.run("esnode:disable " + ID));
        assertEquals("driver 'cmd1' is disabled; 'enable cmd1' starts it", gogo.error("esnode:restart " + ID));
    }

    @Test
    @Order(3)
    void enableBringsItBack() throws Exception {
        assertEquals("enabled driver 'cmd1': CONNECTED", gogo.run("esnode:enable " + ID));
        assertNotNull(driverReference(ID));
        broker.publish("cmd/r7/t", "{\"t\": 22.25}");
        assertTrue(lineOf(awaitOutput("esnode:points " + ID, "22.25"), ID).contains(" 22.25 "));
    }

    @Test
    @Order(4)
    void restartReplacesTheRunningInstance() throws Exception {
        long before = (Long) driverReference(ID).getProperty("service.id");
        assertEquals("restarted driver 'cmd1': CONNECTED", gogo.run("esnode:restart " + ID));
        long after = (Long) driverReference(ID).getProperty("service.id");
        assertNotEquals(before, after);
        assertEquals(1L, configurations(ID).get(0).getProperties().get("esnode.restart"));
    }

    @Test
    @Order(5)
    void deleteRemovesDriverAndConfiguration() throws Exception {
        assertEquals("deleted driver 'cmd1'", gogo.run("esnode:delete " + ID));
        assertNull(driverReference(ID));
        assertEquals(0, configurations(ID).size());
        assertTrue(gogo.error("esnode:delete " + ID).startsWith("unknown driver 'cmd1' (known: "));
    }

    @Test
    @Order(6)
    void badInputGivesOneLineErrors() throws Exception {
        assertTrue(gogo.error("esnode:disable nosuch").startsWith("unknown driver 'nosuch' (known: "));
        assertTrue(gogo.error("esnode:points nosuch").startsWith("unknown driver 'nosuch' (known: "));
        assertEquals("unknown protocol 'foo' (installed driver bundles: mqtt)", gogo.error("esnode:create foo x1"));
        assertEquals("invalid driver id 'a/b' (letters, digits, _ . -; starting with a letter or digit)",
                gogo.error("esnode:create mqtt a/b"));
        assertEquals("expected key=value, got 'qos'", gogo.error("esnode:create mqtt x2 qos"));
        String rejected = gogo.error("esnode:create mqtt x3 broker_url=tcp://127.0.0.1:" + broker.port
                + " qos=7 'points=name=p;topic=x3/t'");
        assertTrue(rejected.startsWith("driver 'x3' rejected its configuration, nothing created: MQTT driver x3: qos '7'"
                + " is invalid"), rejected);
        assertEquals(0, configurations("x3").size(), "a rejected configuration is not left behind");
        for (String e : List.of(rejected)) {
            assertFalse(e.contains("\n"), "one line: " + e);
        }
    }

    @Test
    @Order(7)
    void reloadMakesTheLoaderReadTheFileNow() throws Exception {
        Path file = Path.of(context.getProperty("esnode.config"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        // a loader that would not look at the file again for an hour (re-created now, it reads the empty file)
        cm.getConfiguration("esnode.config", "?").update(ItestSupport.props("poll_interval", 3600.0));
        Thread.sleep(1_000);
        Files.writeString(file, "[[drivers]]\nprotocol = \"mqtt\"\nid = \"file1\"\nbroker_url = \"tcp://127.0.0.1:"
                + broker.port + "\"\n[[drivers.points]]\nname = \"p\"\ntopic = \"file1/p\"\n");
        Thread.sleep(2_500);
        assertEquals(0, configurations("file1").size(), "the loader must not have seen the change by itself");
        assertEquals("esnode.config re-reads its file now (its log line 'applied …' or the error tells the result)",
                gogo.run("esnode:reload"));
        long deadline = System.currentTimeMillis() + 10_000;
        while (driverReference("file1") == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertNotNull(driverReference("file1"), "the reloaded file's driver runs");
        Pattern connected = Pattern.compile("file1 +mqtt +tcp://127\\.0\\.0\\.1:" + broker.port + " +CONNECTED .*");
        String row = "";
        deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !connected.matcher(row).matches()) {
            row = lineOf(gogo.run("esnode:drivers"), "file1");
            Thread.sleep(50);
        }
        assertTrue(connected.matcher(row).matches(), row);
        Files.writeString(file, "");
        gogo.run("esnode:reload");
        deadline = System.currentTimeMillis() + 10_000;
        while (driverReference("file1") != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertNull(driverReference("file1"), "a section removed from the file removes its driver");
    }

    private static String awaitOutput(String command, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String out = "";
        while (System.currentTimeMillis() < deadline) {
            out = gogo.run(command);
            if (out.contains(expected)) {
                return out;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + command + "' never showed " + expected + ":\n" + out);
    }

    private static String lineOf(String table, String firstCell) {
        return table.lines().filter(l -> l.startsWith(firstCell + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + firstCell + " in\n" + table));
    }

    private static ServiceReference<?> driverReference(String id) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(Driver.class.getName(),
                "(" + Driver.DRIVER_ID + "=" + id + ")");
        return refs == null ? null : refs[0];
    }

    static List<Configuration> configurations(String id) throws Exception {
        Configuration[] found = cm.listConfigurations("(&(service.factoryPid=esnode.driver.mqtt)(id=" + id + "))");
        return found == null ? List.of() : List.of(found);
    }
}
