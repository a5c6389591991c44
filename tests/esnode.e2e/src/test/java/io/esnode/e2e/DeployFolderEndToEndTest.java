package io.esnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.esnode.e2e.WebConsoleClient.BundleInfo;
import io.esnode.testkit.FreePort;
import io.esnode.testkit.MosquittoBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot-plug through deploy/ and the Web Console against a private copy of the built distribution (its deploy/ is
 * changed) and a real Mosquitto: the MQTT driver bundle ships as {@code deploy/esnode.driver.mqtt.jar}; deleting the
 * file uninstalls it, copying it back installs it, replacing it updates it in place, the previous jar rolls it back,
 * and the Web Console's Bundles page installs and updates it. Bundle ids and versions are read from the Web
 * Console's {@code bundles.json}. The tests run in order on one gateway process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployFolderEndToEndTest {
    private static final String MQTT_BSN = "esnode.driver.mqtt";
    private static final String SHIPPED_VERSION = "0.1.0.SNAPSHOT";
    /** A qualifier that sorts after SNAPSHOT ('e' > 'S'): a "newer build" of the same bundle. */
    private static final String REBUILT_VERSION = "0.1.0.e2e2";
    private static final long START_TIMEOUT_MILLIS = 30_000;
    /** Each change must show on /metrics within ~5 s (FileInstall polls every second). */
    private static final long CHANGE_TIMEOUT_MILLIS = 5_000;
    private static final String RACK_R1 = "esnode_sensor_power_watts{driver=\"hot-mqtt\",point=\"rack_power\",rack=\"r1\",} 4000.0";
    private static final String SERIES_OF_THE_DRIVER = "driver=\"hot-mqtt\"";

    @TempDir
    static Path dir;
    private MosquittoBroker broker;
    private Gateway gateway;
    private Scraper scraper;
    private WebConsoleClient console;
    private Path deployed;
    private Path previous;
    private Path rebuilt;
    private long installedId;

    @BeforeAll
    void start() throws Exception {
        Path dist = Distribution.copyTo(dir.resolve("dist"));
        deployed = dist.resolve("deploy/esnode.driver.mqtt.jar");
        previous = Files.createDirectories(dist.resolve("deploy.previous")).resolve("esnode.driver.mqtt.jar");
        rebuilt = Files.createDirectories(dir.resolve("build")).resolve("esnode.driver.mqtt.jar");
        Distribution.withBundleVersion(deployed, REBUILT_VERSION, rebuilt);
        broker = MosquittoBroker.required(dir).start();
        int metricsPort = FreePort.find();
        int consolePort = FreePort.find();
        Path config = dir.resolve("hot.toml");
        Files.writeString(config, String.join("\n",
                "[metrics]",
                "bind_address = \"127.0.0.1\"",
                "port = " + metricsPort,
                "",
                "[console]",
                "port = " + consolePort,
                "admin_password = \"hot-secret\"",
                "",
                "[[drivers]]",
                "id = \"hot-mqtt\"",
                "protocol = \"mqtt\"",
                "broker_url = \"tcp://127.0.0.1:" + broker.port() + "\"",
                "",
                "[[drivers.points]]",
                "name = \"rack_power\"",
                "topic = \"hot/rack/{rack}/power\"",
                "path = \"$.kw\"",
                "quantity = \"power\"",
                "unit = \"kW\"",
                ""));
        // retained: every new driver revision gets it again when it subscribes
        broker.publishRetained("hot/rack/r1/power", "{\"kw\": 4}");
        gateway = new Gateway(dist, config, dir);
        scraper = new Scraper(metricsPort);
        console = new WebConsoleClient(consolePort, "admin", "hot-secret");
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
    void aFreshStartInstallsTheDriverJarsFromDeploy() throws Exception {
        // 4 kW -> 4000 W
        awaitMetrics("the MQTT series", body -> body.lines().anyMatch(RACK_R1::equals), START_TIMEOUT_MILLIS);
        for (String driver : List.of(MQTT_BSN, "esnode.driver.modbus", "esnode.driver.snmp")) {
            BundleInfo b = awaitBundle(driver, info -> info.isPresent() && info.get().state().equals("Active"),
                    START_TIMEOUT_MILLIS).orElseThrow();
            assertEquals(SHIPPED_VERSION, b.version(), driver);
        }
        installedId = console.bundle(MQTT_BSN).orElseThrow().id();
    }

    @Test
    @Order(2)
    void deletingTheJarUninstallsTheDriverAndItsSeriesLeave() throws Exception {
        // the operator's rollback copy, kept outside deploy/
        long t0 = System.currentTimeMillis();
        Files.move(deployed, previous, StandardCopyOption.REPLACE_EXISTING);
        long gone = awaitMetrics("no series of driver hot-mqtt", body -> !body.contains(SERIES_OF_THE_DRIVER)
                && body.contains("esnode_build_info"), CHANGE_TIMEOUT_MILLIS) - t0;
        System.out.printf("deploy/: jar deleted -> MQTT series gone after %d ms%n", gone);
        awaitBundle(MQTT_BSN, Optional::isEmpty, CHANGE_TIMEOUT_MILLIS);
    }

    @Test
    @Order(3)
    void copyingTheJarBackInstallsItAndItsConfigurationBindsAgain() throws Exception {
        long t0 = System.currentTimeMillis();
        Distribution.moveIn(previous, deployed);
        long back = awaitMetrics("the MQTT series back", body -> body.lines().anyMatch(RACK_R1::equals),
                CHANGE_TIMEOUT_MILLIS) - t0;
        System.out.printf("deploy/: jar copied back -> MQTT series back after %d ms%n", back);
        BundleInfo b = awaitBundle(MQTT_BSN, i -> i.isPresent(), CHANGE_TIMEOUT_MILLIS).orElseThrow();
        assertEquals("Active", b.state());
        assertTrue(b.id() > installedId, "a new install gets a new bundle id: " + b + " after " + installedId);
        installedId = b.id();
    }

    @Test
    @Order(4)
    void replacingTheJarUpdatesTheBundleInPlace() throws Exception {
        long t0 = System.currentTimeMillis();
        Distribution.moveIn(rebuilt, deployed);
        BundleInfo b = awaitBundle(MQTT_BSN, i -> i.isPresent() && i.get().version().equals(REBUILT_VERSION)
                && i.get().state().equals("Active"), CHANGE_TIMEOUT_MILLIS).orElseThrow();
        assertEquals(installedId, b.id(), "an update keeps the bundle id");
        long back = awaitMetrics("the MQTT series after the update", body -> body.lines().anyMatch(RACK_R1::equals),
                CHANGE_TIMEOUT_MILLIS) - t0;
        System.out.printf("deploy/: jar replaced -> updated to %s, series back after %d ms%n", b.version(), back);
    }

    @Test
    @Order(5)
    void thePreviousJarRollsTheUpdateBack() throws Exception {
        long t0 = System.currentTimeMillis();
        Distribution.moveIn(previous, deployed);
        BundleInfo b = awaitBundle(MQTT_BSN, i -> i.isPresent() && i.get().version().equals(SHIPPED_VERSION)
                && i.get().state().equals("Active"), CHANGE_TIMEOUT_MILLIS).orElseThrow();
        assertEquals(installedId, b.id(), "a rollback is an update too: same bundle id");
        long back = awaitMetrics("the MQTT series after the rollback", body -> body.lines().anyMatch(RACK_R1::equals),
                CHANGE_TIMEOUT_MILLIS) - t0;
        System.out.printf("deploy/: previous jar back -> %s, series back after %d ms%n", b.version(), back);
    }

    @Test
    @Order(6)
    void theWebConsoleBundlesPageInstallsAndUpdatesADriverBundle() throws Exception {
        Files.move(deployed, previous, StandardCopyOption.REPLACE_EXISTING);
        awaitBundle(MQTT_BSN, Optional::isEmpty, CHANGE_TIMEOUT_MILLIS);
        awaitMetrics("no series of driver hot-mqtt", body -> !body.contains(SERIES_OF_THE_DRIVER),
                CHANGE_TIMEOUT_MILLIS);

        long t0 = System.currentTimeMillis();
        assertEquals(200, console.install(previous), "install through the Bundles page");
        BundleInfo installed = awaitBundle(MQTT_BSN, i -> i.isPresent() && i.get().state().equals("Active"),
                CHANGE_TIMEOUT_MILLIS).orElseThrow();
        assertEquals(SHIPPED_VERSION, installed.version());
        assertNotEquals(installedId, installed.id(), "a new install");
        long back = awaitMetrics("the MQTT series after the console install",
                body -> body.lines().anyMatch(RACK_R1::equals), CHANGE_TIMEOUT_MILLIS) - t0;
        System.out.printf("Web Console: installed -> series after %d ms%n", back);

        // the same form with a jar of an installed symbolic name updates that bundle
        t0 = System.currentTimeMillis();
        assertEquals(200, console.install(rebuilt), "update through the Bundles page");
        BundleInfo updated = awaitBundle(MQTT_BSN, i -> i.isPresent() && i.get().version().equals(REBUILT_VERSION)
                && i.get().state().equals("Active"), CHANGE_TIMEOUT_MILLIS).orElseThrow();
        assertEquals(installed.id(), updated.id(), "an update keeps the bundle id");
        back = awaitMetrics("the MQTT series after the console update",
                body -> body.lines().anyMatch(RACK_R1::equals), CHANGE_TIMEOUT_MILLIS) - t0;
        System.out.printf("Web Console: updated to %s -> series after %d ms%n", updated.version(), back);
    }

    /**
     * Scrapes until the body matches; every scrape must answer 200 (the exporter keeps serving while drivers come
     * and go). Returns the time it matched.
     */
    private long awaitMetrics(String what, Predicate<String> matches, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        boolean first = true;
        while (true) {
            String body;
            try {
                body = scraper.scrape();
            } catch (IOException e) {
                body = null;
                if (!first) {
                    fail("/metrics stopped answering while waiting for " + what + ": " + e + "\n" + gateway.output());
                }
            }
            if (body != null && !first && body.isEmpty()) {
                fail("/metrics answered " + scraper.last().lines().findFirst().orElse("") + " while waiting for "
                        + what);
            }
            if (body != null && !body.isEmpty()) {
                first = false;
                if (matches.test(body)) {
                    return System.currentTimeMillis();
                }
            }
            if (System.currentTimeMillis() > deadline) {
                fail(what + " not seen within " + timeoutMillis + " ms\n--- last /metrics ---\n" + scraper.last()
                        + "\n--- gateway output ---\n" + gateway.output());
            }
            Thread.sleep(100);
        }
    }

    private Optional<BundleInfo> awaitBundle(String bsn, Predicate<Optional<BundleInfo>> matches, long timeoutMillis)
            throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            Optional<BundleInfo> info = console.bundle(bsn);
            if (matches.test(info)) {
                return info;
            }
            if (System.currentTimeMillis() > deadline) {
                fail(bsn + " not as expected within " + timeoutMillis + " ms: " + info + "\n--- gateway output ---\n"
                        + gateway.output());
            }
            Thread.sleep(100);
        }
    }
}
