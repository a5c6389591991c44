package io.esnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.esnode.testkit.FreePort;
import io.esnode.testkit.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution against a real Mosquitto: readings published over MQTT appear on /metrics with the PUE
 * computed from them, and SIGTERM stops every bundle cleanly. One gateway process serves both tests, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndTest {
    private static final long SCRAPE_TIMEOUT_MILLIS = 15_000;
    private static final long STOP_TIMEOUT_MILLIS = 20_000;

    @TempDir
    static Path dir;
    private MosquittoBroker broker;
    private Gateway gateway;
    private Scraper scraper;
    private int consolePort;

    @BeforeAll
    void start() throws Exception {
        Path dist = Paths.get(System.getProperty("esnode.dist", "../../runtime/target/esnode-gateway"));
        broker = MosquittoBroker.required(dir).start();
        int metricsPort = FreePort.find();
        consolePort = FreePort.find();
        Path config = dir.resolve("e2e.toml");
        Files.writeString(config, String.join("\n",
                "[metrics]",
                "bind_address = \"127.0.0.1\"",
                "port = " + metricsPort,
                "",
                "[console]",
                "port = " + consolePort,
                "admin_password = \"e2e-secret\"",
                "",
                "[[drivers]]",
                "id = \"e2e-mqtt\"",
                "protocol = \"mqtt\"",
                "broker_url = \"tcp://127.0.0.1:" + broker.port() + "\"",
                "",
                "[[drivers.points]]",
                "name = \"rack_power\"",
                "topic = \"e2e/rack/{rack}/power\"",
                "path = \"$.kw\"",
                "quantity = \"power\"",
                "unit = \"kW\"",
                "pue_role = \"it\"",
                "",
                "[[drivers.points]]",
                "name = \"facility_power\"",
                "topic = \"e2e/facility/power\"",
                "path = \"$.kw\"",
                "quantity = \"power\"",
                "unit = \"kW\"",
                "pue_role = \"facility\"",
                "",
                "[[drivers.points]]",
                "name = \"inlet\"",
                "topic = \"e2e/rack/{rack}/inlet\"",
                "path = \"$.celsius\"",
                "quantity = \"temperature\"",
                "unit = \"C\"",
                "",
                "[[pue]]",
                "scope = \"site\"",
                ""));
        // retained, so the order of "driver subscribed" and "published" does not matter
        broker.publishRetained("e2e/rack/r1/power", "{\"kw\": 100}");
        broker.publishRetained("e2e/rack/r2/power", "{\"kw\": 50}");
        broker.publishRetained("e2e/facility/power", "{\"kw\": 240}");
        broker.publishRetained("e2e/rack/r1/inlet", "{\"celsius\": 23.5}");
        gateway = new Gateway(dist, config, dir);
        scraper = new Scraper(metricsPort);
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void publishedReadingsAndTheirPueAppearOnMetrics() throws Exception {
        List<String> expected = List.of(
                // 100 kW + 50 kW on two racks (unit kW -> base unit W)
                "esnode_sensor_power_watts{driver=\"e2e-mqtt\",point=\"rack_power\",rack=\"r1\",} 100000.0",
                "esnode_sensor_power_watts{driver=\"e2e-mqtt\",point=\"rack_power\",rack=\"r2\",} 50000.0",
                "esnode_sensor_power_watts{driver=\"e2e-mqtt\",point=\"facility_power\",} 240000.0",
                "esnode_sensor_temperature_celsius{driver=\"e2e-mqtt\",point=\"inlet\",rack=\"r1\",} 23.5",
                // IT = 100000 + 50000 = 150000 W; facility = 240000 W
                "esnode_pue_it_power_watts{scope=\"site\",} 150000.0",
                "esnode_pue_facility_power_watts{scope=\"site\",} 240000.0",
                // PUE = 240000 / 150000 = 1.6; efficiency = 150000 / 240000 * 100 = 62.5 %
                "esnode_pue_ratio{scope=\"site\",} 1.6",
                "esnode_pue_efficiency_percent{scope=\"site\",} 62.5",
                // overhead = 240000 - 150000 = 90000 W
                "esnode_pue_overhead_watts{scope=\"site\",} 90000.0",
                "esnode_driver_up{driver=\"e2e-mqtt\",protocol=\"mqtt\",} 1.0");
        List<String> missing = scraper.awaitLines(expected, SCRAPE_TIMEOUT_MILLIS);
        if (!missing.isEmpty()) {
            fail("missing on /metrics after " + SCRAPE_TIMEOUT_MILLIS / 1000 + " s: " + missing
                    + "\n--- last /metrics ---\n" + scraper.last()
                    + "\n--- gateway output ---\n" + gateway.output()
                    + "\n--- mosquitto ---\n" + broker.log());
        }
    }

    @Test
    @Order(2)
    void consoleIsServedWithTheConfiguredPasswordOnly() throws Exception {
        String page = "http://127.0.0.1:" + consolePort + "/system/console/esnode";
        assertEquals(401, awaitStatus(page, null), "no credentials");
        assertEquals(401, awaitStatus(page, "admin:admin"), "the Web Console's default admin/admin must not work");
        assertEquals(401, awaitStatus(page, "admin:wrong"), "wrong password");
        assertEquals(200, awaitStatus(page, "admin:e2e-secret"), "the password from [console] admin_password");
    }

    /** Status of a GET once the console answers at all (it starts a moment after /metrics). */
    private int awaitStatus(String url, String userColonPassword) throws Exception {
        long deadline = System.currentTimeMillis() + SCRAPE_TIMEOUT_MILLIS;
        while (true) {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
            if (userColonPassword != null) {
                c.setRequestProperty("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(userColonPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            try {
                int code = c.getResponseCode();
                if (code != 404 && code != 503) {
                    return code;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            } finally {
                c.disconnect();
            }
            if (System.currentTimeMillis() > deadline) {
                fail("console at " + url + " did not answer:\n" + gateway.output());
            }
            Thread.sleep(200);
        }
    }

    @Test
    @Order(3)
    void sigtermStopsEveryBundleWithoutErrors() throws Exception {
        assertTrue(gateway.isAlive(), "the gateway died early:\n" + gateway.output());
        Integer exit = gateway.terminate(STOP_TIMEOUT_MILLIS);
        String out = gateway.output();
        assertNotNull(exit, "still running " + STOP_TIMEOUT_MILLIS / 1000 + " s after SIGTERM:\n" + out);
        // the JVM exits with 128 + 15 (SIGTERM) after the shutdown hook has stopped the framework
        assertEquals(143, exit, out);
        assertTrue(out.contains("INFO  [io.esnode.lifecycle.GracefulShutdown] ESNODE gateway stopped"), out);
        assertFalse(out.contains("Exception"), "an exception was logged:\n" + out);
        assertFalse(out.contains("\tat "), "a stack trace was printed:\n" + out);
        assertFalse(out.contains(" ERROR "), "an error was logged:\n" + out);
        // the rotating log file got the same lines, up to the last one, and its lock file was released
        Path logFile = dir.resolve("logs/esnode-0.log");
        assertTrue(Files.readString(logFile).contains("] ESNODE gateway stopped"), logFile + " lacks the last line");
        assertFalse(Files.exists(dir.resolve("logs/esnode-0.log.lck")), "log lock file left behind");
    }
}
