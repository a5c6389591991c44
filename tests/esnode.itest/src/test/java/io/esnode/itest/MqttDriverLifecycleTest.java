package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.Driver;
import io.esnode.api.DriverState;
import io.esnode.api.ReadingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
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
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Inside Felix: a factory configuration becomes a running MQTT driver fed by a real Mosquitto; updating the driver
 * bundle keeps its configuration and brings its series back while the exporter and PUE keep serving; uninstalling
 * it removes its series at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MqttDriverLifecycleTest {
    private static final String DRIVER_ID = "it1";
    private static BundleContext context;
    private static Mosquitto broker;
    private static Scrape scrape;
    private static ConfigurationAdmin cm;

    @BeforeAll
    static void startBrokerAndConfigure() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(Mosquitto.BINARY)), "Debian mosquitto is not installed (./run-tests installs it)");
        context = FrameworkUtil.getBundle(MqttDriverLifecycleTest.class).getBundleContext();
        broker = Mosquitto.start();
        cm = service(ConfigurationAdmin.class, 10_000);
        int metricsPort = Mosquitto.freePort();
        scrape = new Scrape(metricsPort);
        Configuration metrics = cm.getConfiguration("esnode.metrics", "?");
        metrics.update(props("bind_address", "127.0.0.1", "port", metricsPort));
        Configuration pue = cm.getFactoryConfiguration("esnode.pue", "site", "?");
        pue.update(props("scope", "site", "it", new String[] {"pue_role=it"}, "facility", new String[] {"pue_role=facility"},
                "max_ratio", 10.0));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void factoryConfigurationStartsDriverAndFeedsMetricsAndPue() throws Exception {
        Configuration c = cm.getFactoryConfiguration("esnode.driver.mqtt", DRIVER_ID, "?");
        c.update(props("id", DRIVER_ID, "broker_url", "tcp://127.0.0.1:" + broker.port, "qos", 1,
                "points", new String[] {
                    "name=rack_power;topic=it/rack/{rack}/power;path=$.w;quantity=power;unit=W;pue_role=it",
                    "name=main_meter;topic=it/facility/power;path=$.kw;quantity=power;unit=kW;pue_role=facility",
                    "name=inlet;topic=it/rack/{rack}/temp;path=$.t;quantity=temperature;unit=C"}));

        Driver driver = ItestSupport.awaitDriver(context, DRIVER_ID, DriverState.CONNECTED);
        assertEquals("mqtt", driver.protocol());

        publishSite(100_000, 50_000, 240, 23.5);
        // PUE = 240 kW / (100 kW + 50 kW) = 1.6; efficiency = 150/240*100 = 62.5 %; overhead = 240-150 = 90 kW
        List<String> lines = scrape.await(Scrape.has(
                "esnode_sensor_power_watts{driver=\"it1\",point=\"rack_power\",rack=\"r1\",} 100000.0",
                "esnode_sensor_power_watts{driver=\"it1\",point=\"rack_power\",rack=\"r2\",} 50000.0",
                "esnode_sensor_power_watts{driver=\"it1\",point=\"main_meter\",} 240000.0",
                "esnode_sensor_temperature_celsius{driver=\"it1\",point=\"inlet\",rack=\"r1\",} 23.5",
                "esnode_pue_ratio{scope=\"site\",} 1.6",
                "esnode_pue_it_power_watts{scope=\"site\",} 150000.0",
                "esnode_pue_facility_power_watts{scope=\"site\",} 240000.0",
                "esnode_pue_efficiency_percent{scope=\"site\",} 62.5",
                "esnode_pue_overhead_watts{scope=\"site\",} 90000.0",
                "esnode_driver_up{driver=\"it1\",protocol=\"mqtt\",} 1.0"), 15_000);
        assertTrue(lines.contains("esnode_pue_ratio{scope=\"site\",} 1.6"), Scrape.esnodeLines(lines));
        assertTrue(lines.contains("esnode_driver_up{driver=\"it1\",protocol=\"mqtt\",} 1.0"), Scrape.esnodeLines(lines));
    }

    @Test
    @Order(2)
    void updatingDriverBundleKeepsConfigurationAndSeriesComeBack() throws Exception {
        Bundle driverBundle = bundle("esnode.driver.mqtt");
        long storeServiceId = serviceId(ReadingStore.class);
        long pueCollectorServiceId = serviceId("io.prometheus.client.Collector");
        AtomicInteger scrapes = new AtomicInteger();
        AtomicInteger failedScrapes = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread scraper = new Thread(() -> {
            while (running.get()) {
                try {
                    scrape.lines();
                    scrapes.incrementAndGet();
                } catch (Exception e) {
                    failedScrapes.incrementAndGet();
                }
            }
        }, "itest-scraper");
        scraper.start();
        try {
            driverBundle.update();
            Driver driver = ItestSupport.awaitDriver(context, DRIVER_ID, DriverState.CONNECTED);
            assertEquals(DRIVER_ID, driver.id());
            // same configuration (pid) survives the update
            assertEquals(1, cm.listConfigurations("(service.factoryPid=esnode.driver.mqtt)").length);

            publishSite(110_000, 40_000, 300, 24.0);
            // PUE = 300 kW / (110 kW + 40 kW) = 2.0
            List<String> lines = scrape.await(Scrape.has(
                    "esnode_sensor_power_watts{driver=\"it1\",point=\"rack_power\",rack=\"r1\",} 110000.0",
                    "esnode_sensor_temperature_celsius{driver=\"it1\",point=\"inlet\",rack=\"r1\",} 24.0",
                    "esnode_pue_ratio{scope=\"site\",} 2.0"), 15_000);
            assertTrue(lines.contains("esnode_pue_ratio{scope=\"site\",} 2.0"), Scrape.esnodeLines(lines));
        } finally {
            running.set(false);
            scraper.join(10_000);
        }
        assertEquals(0, failedScrapes.get(), "scrapes failed while the driver bundle was updated");
        assertTrue(scrapes.get() > 0, "no scrape completed during the update");
        // the exporter's store and the PUE collector were not restarted by the driver update
        assertEquals(storeServiceId, serviceId(ReadingStore.class));
        assertEquals(pueCollectorServiceId, serviceId("io.prometheus.client.Collector"));
    }

    @Test
    @Order(3)
    void uninstallingDriverBundleRemovesItsSeriesAtOnce() throws Exception {
        bundle("esnode.driver.mqtt").uninstall();
        List<String> lines = scrape.lines();
        String text = String.join("\n", lines);
        assertFalse(text.contains("driver=\"it1\",point="), Scrape.esnodeLines(lines));
        assertFalse(text.contains("esnode_pue_ratio{"), "PUE must be absent without inputs:\n" + Scrape.esnodeLines(lines));
        assertFalse(text.contains("esnode_driver_up{driver=\"it1\""), Scrape.esnodeLines(lines));
        assertTrue(text.contains("esnode_build_info{"), "exporter keeps serving:\n" + Scrape.esnodeLines(lines));
    }

    private static void publishSite(int r1Watts, int r2Watts, int facilityKw, double inlet) throws Exception {
        broker.publish("it/rack/r1/power", "{\"w\": " + r1Watts + "}");
        broker.publish("it/rack/r2/power", "{\"w\": " + r2Watts + "}");
        broker.publish("it/facility/power", "{\"kw\": " + facilityKw + "}");
        broker.publish("it/rack/r1/temp", "{\"t\": " + inlet + "}");
    }


    private static Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + bsn + " not installed");
    }

    private static long serviceId(Class<?> type) {
        return serviceId(type.getName());
    }

    private static long serviceId(String type) {
        ServiceReference<?> ref = context.getServiceReference(type);
        assertNotNull(ref, type + " is not registered");
        return (Long) ref.getProperty("service.id");
    }

    private static <T> T service(Class<T> type, long millis) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
        t.open();
        T s = t.waitForService(millis);
        assertNotNull(s, type.getName() + " not available");
        return s;
    }

    private static Dictionary<String, Object> props(Object... kv) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return d;
    }
}
