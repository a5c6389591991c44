package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.Driver;
import io.esnode.api.DriverState;
import io.esnode.api.ReadingStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Inside Felix: a Modbus driver polling a real pymodbus server feeds the facility side of PUE while an MQTT
 * driver (real Mosquitto) feeds the IT side; updating the Modbus driver bundle while it polls brings its series
 * back, and leaves the MQTT driver, the store and the exporter untouched.
 */
class ModbusDriverLifecycleTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static BundleContext context;
    private static ConfigurationAdmin cm;
    private static Process meter;
    private static Mosquitto broker;
    private static Scrape scrape;
    private static Configuration modbusConfig;
    private static Configuration mqttConfig;

    @BeforeAll
    static void start() throws Exception {
        context = FrameworkUtil.getBundle(ModbusDriverLifecycleTest.class).getBundleContext();
        assumeTrue(ItestSupport.bundle(context, "esnode.driver.modbus") != null, "esnode.driver.modbus is not in this run");
        assumeTrue(ItestSupport.bundle(context, "esnode.driver.mqtt") != null, "esnode.driver.mqtt is not in this run");
        assumeTrue(Files.isExecutable(Path.of(Mosquitto.BINARY)), "Debian mosquitto is not installed");
        assumeTrue(pymodbusAvailable(), "Debian python3-pymodbus is not installed");
        int modbusPort = Mosquitto.freePort();
        meter = startMeter(modbusPort);
        broker = Mosquitto.start();
        cm = ItestSupport.service(context, ConfigurationAdmin.class);
        int metricsPort = Mosquitto.freePort();
        scrape = new Scrape(metricsPort);
        cm.getConfiguration("esnode.metrics", "?").update(ItestSupport.props("bind_address", "127.0.0.1",
                "port", metricsPort));
        mqttConfig = cm.getFactoryConfiguration("esnode.driver.mqtt", "mbside", "?");
        mqttConfig.update(ItestSupport.props("id", "mbside", "broker_url", "tcp://127.0.0.1:" + broker.port,
                "points", new String[] {"name=it_load;topic=mb/it/power;path=$.w;quantity=power;unit=W;pue_role=it"}));
        modbusConfig = cm.getFactoryConfiguration("esnode.driver.modbus", "mbit", "?");
        modbusConfig.update(ItestSupport.props("id", "mbit", "host", "127.0.0.1", "port", modbusPort,
                "poll_interval", 0.2, "timeout", 0.5, "points", new String[] {
                    "name=main_meter;unit_id=1;address=40001;data_type=float32;quantity=power;unit=kW;pue_role=facility",
                    "name=status;unit_id=2;table=holding;address=0"}));
    }

    @AfterAll
    static void stop() throws Exception {
        if (modbusConfig != null) {
            modbusConfig.delete();
        }
        if (mqttConfig != null) {
            mqttConfig.delete();
        }
        if (broker != null) {
            broker.close();
        }
        if (meter != null) {
            meter.destroy();
            if (!meter.waitFor(5, TimeUnit.SECONDS)) {
                meter.destroyForcibly();
            }
        }
    }

    @Test
    void updatingModbusBundleWhilePollingLeavesOtherDriversAloneAndPollingResumes() throws Exception {
        ItestSupport.awaitDriver(context, "mbit", DriverState.CONNECTED);
        ItestSupport.awaitDriver(context, "mbside", DriverState.CONNECTED);
        // IT 150 kW over MQTT; facility 240 kW from Modbus (float32 0x43700000 = 1.875 * 2^7 = 240.0 kW)
        broker.publish("mb/it/power", "{\"w\": 150000}");
        // PUE = 240 kW / 150 kW = 1.6
        List<String> lines = scrape.await(Scrape.has(
                "esnode_sensor_power_watts{driver=\"mbit\",point=\"main_meter\",} 240000.0",
                "esnode_sensor_value{driver=\"mbit\",point=\"status\",} 42.0",
                "esnode_sensor_power_watts{driver=\"mbside\",point=\"it_load\",} 150000.0",
                "esnode_pue_ratio{scope=\"site\",} 1.6",
                "esnode_driver_up{driver=\"mbit\",protocol=\"modbus\",} 1.0"), 15_000);
        assertTrue(lines.contains("esnode_pue_ratio{scope=\"site\",} 1.6"), Scrape.esnodeLines(lines));
        assertTrue(lines.contains("esnode_driver_up{driver=\"mbit\",protocol=\"modbus\",} 1.0"), Scrape.esnodeLines(lines));

        long mqttDriverService = serviceId(Driver.class.getName(), "(" + Driver.DRIVER_ID + "=mbside)");
        long modbusDriverService = serviceId(Driver.class.getName(), "(" + Driver.DRIVER_ID + "=mbit)");
        long storeService = serviceId(ReadingStore.class.getName(), null);
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
        }, "itest-modbus-scraper");
        scraper.start();
        try {
            Bundle modbus = ItestSupport.bundle(context, "esnode.driver.modbus");
            modbus.update();
            Driver after = ItestSupport.awaitDriver(context, "mbit", DriverState.CONNECTED);
            long readingsAtStart = after.status().readingsTotal();
            // polling resumed: the new instance keeps producing readings (2 points every 0.2 s)
            long deadline = System.currentTimeMillis() + 10_000;
            while (after.status().readingsTotal() < readingsAtStart + 6 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(after.status().readingsTotal() >= readingsAtStart + 6, "polling did not resume: " + after.status());
            lines = scrape.await(Scrape.has(
                    "esnode_sensor_power_watts{driver=\"mbit\",point=\"main_meter\",} 240000.0",
                    "esnode_pue_ratio{scope=\"site\",} 1.6"), 15_000);
            assertTrue(lines.contains("esnode_pue_ratio{scope=\"site\",} 1.6"), Scrape.esnodeLines(lines));
        } finally {
            running.set(false);
            scraper.join(10_000);
        }
        assertEquals(0, failedScrapes.get(), "scrapes failed while the Modbus bundle was updated");
        assertTrue(scrapes.get() > 0, "no scrape completed during the update");
        assertNotEquals(modbusDriverService, serviceId(Driver.class.getName(), "(" + Driver.DRIVER_ID + "=mbit)"),
                "the Modbus driver must be a new instance after the update");
        // the MQTT driver and the store were not restarted, and the MQTT series is still exported
        assertEquals(mqttDriverService, serviceId(Driver.class.getName(), "(" + Driver.DRIVER_ID + "=mbside)"));
        assertEquals(storeService, serviceId(ReadingStore.class.getName(), null));
        assertTrue(lines.contains("esnode_sensor_power_watts{driver=\"mbside\",point=\"it_load\",} 150000.0"),
                Scrape.esnodeLines(lines));
        // no poll thread of the old bundle revision is left behind: exactly one poll thread for mbit
        long pollThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("esnode-modbus-mbit-")).count();
        assertEquals(1, pollThreads, "poll threads of driver mbit");

        modbusConfig.delete();
        modbusConfig = null;
        lines = scrape.await(l -> l.stream().noneMatch(s -> s.contains("driver=\"mbit\"")), 10_000);
        assertFalse(String.join("\n", lines).contains("driver=\"mbit\""), Scrape.esnodeLines(lines));
    }


    private static long serviceId(String type, String filter) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(type, filter);
        assertNotNull(refs, type + " " + filter + " is not registered");
        return (Long) refs[0].getProperty("service.id");
    }

    private static boolean pymodbusAvailable() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import pymodbus.server").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static Process startMeter(int port) throws Exception {
        Path script = Files.createTempFile("itest-modbus-meter", ".py");
        try (InputStream in = ModbusDriverLifecycleTest.class.getResourceAsStream("/modbus_meter.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        script.toFile().deleteOnExit();
        Path log = Files.createTempFile("itest-modbus-meter", ".log");
        log.toFile().deleteOnExit();
        Process p = new ProcessBuilder(PYTHON, script.toString(), String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return p;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IOException("pymodbus meter did not listen on " + port + ": " + Files.readString(log));
    }
}
