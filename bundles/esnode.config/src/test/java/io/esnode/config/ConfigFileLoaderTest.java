package io.esnode.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.esnode.testkit.AnnotationConfig;
import io.prometheus.client.Collector;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class ConfigFileLoaderTest {
    @TempDir
    Path dir;

    @Test
    void fileComesFromConfigurationThenFrameworkPropertyThenDefault() {
        assertEquals("a.toml", ConfigFileLoader.fileName(" a.toml ", "/opt/x.toml"));
        assertEquals("/opt/x.toml", ConfigFileLoader.fileName("", "/opt/x.toml"));
        assertEquals("etc/esnode.toml", ConfigFileLoader.fileName("", null));
    }

    @Test
    void loadsOnItsOwnThreadFollowsTheFileAndStopsOnDeactivate() throws Exception {
        Path file = dir.resolve("esnode.toml");
        Files.writeString(file, "[metrics]\nport = 9100\n");
        FakeConfigurationAdmin cm = new FakeConfigurationAdmin();
        AtomicReference<Collector> collector = new AtomicReference<>();
        AtomicInteger unregistered = new AtomicInteger();
        BundleContext context = fakeContext(file.toString(), collector, unregistered);

        ConfigFileLoader loader = new ConfigFileLoader(cm, context, config("", 0.05));
        waitFor(() -> cm.snapshot().size() == 3);
        assertEquals(List.of("esnode.metrics", "esnode.pue~site", "org.apache.felix.http"),
                List.copyOf(cm.snapshot().keySet()));
        assertEquals(1, loaderThreads());

        Files.writeString(file, "[metrics]\nport = 9100\n[[drivers]]\nprotocol = \"mqtt\"\nid = \"m\"\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        waitFor(() -> cm.snapshot().size() == 4);
        assertEquals(Map.of("esnode.metrics", 1, "esnode.pue~site", 1, "esnode.driver.mqtt~m", 1, "org.apache.felix.http", 1),
                new TreeMap<>(cm.updates));
        // managed = metrics + site PUE + console HTTP defaults + driver m = 4; no errors; the last read was applied
        assertEquals(Map.of("esnode_config_errors_total", 0.0, "esnode_config_valid", 1.0,
                "esnode_config_configurations", 4.0), samples(collector.get()));

        loader.deactivate();
        assertEquals(0, loaderThreads());
        assertEquals(1, unregistered.get());
    }

    private static Map<String, Double> samples(Collector collector) {
        Map<String, Double> out = new TreeMap<>();
        for (Collector.MetricFamilySamples family : collector.collect()) {
            for (Collector.MetricFamilySamples.Sample s : family.samples) {
                if (!s.name.endsWith("_timestamp_seconds")) {
                    out.put(s.name, s.value);
                }
            }
        }
        return out;
    }

    private static long loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("esnode-config-loader-") && t.isAlive()).count();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(20);
        }
    }

    private static ConfigFileLoader.Config config(String file, double pollSeconds) {
        return AnnotationConfig.of(ConfigFileLoader.Config.class, "file", file, "poll_interval", pollSeconds);
    }

    /** Only the three calls the loader makes; anything else fails the test. */
    private static BundleContext fakeContext(String fileProperty, AtomicReference<Collector> collector,
            AtomicInteger unregistered) {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                ConfigFileLoaderTest.class.getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        unregistered.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(ConfigFileLoaderTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && "esnode.config".equals(args[0])) {
                        return fileProperty;
                    }
                    if (method.getName().equals("registerService") && args[0] == Collector.class) {
                        collector.set((Collector) args[1]);
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
