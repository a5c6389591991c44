package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.client.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The real loader on the real Config Admin and SCR: each [[drivers]] section becomes a running driver; saving the
 * file restarts only the driver whose section changed; a broken file changes nothing; removing a section stops it.
 */
class ConfigFileLoaderTest {
    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();

    @Test
    void fileSectionsBecomeDriversAndOnlyChangedSectionsRestart() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(Mosquitto.BINARY)), "Debian mosquitto is not installed");
        ConfigurationAdmin cm = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        Path file = Files.createTempDirectory("itest-config").resolve("esnode.toml");
        try (Mosquitto broker = Mosquitto.start()) {
            String url = "tcp://127.0.0.1:" + broker.port;
            Files.writeString(file, toml(url, 1, true));
            Configuration loader = cm.getConfiguration("esnode.config", "?");
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("file", file.toString());
            props.put("poll_interval", 0.2);
            loader.update(props);
            try {
                long a1 = ItestSupport.awaitDriverService(context, "cfg-a", -1);
                long b1 = ItestSupport.awaitDriverService(context, "cfg-b", -1);

                Files.writeString(file, toml(url, 0, true)); // only cfg-b's qos changes
                long b2 = ItestSupport.awaitDriverService(context, "cfg-b", b1);
                assertNotEquals(b1, b2, "cfg-b was not restarted");
                assertEquals(a1, ItestSupport.driverServiceId(context, "cfg-a"), "cfg-a must keep running untouched");

                Files.writeString(file, toml(url, 0, true) + "\n[[drivers]\nprotocol = \"mqtt\"\n"); // syntax error
                awaitConfigErrors(1);
                assertEquals(a1, ItestSupport.driverServiceId(context, "cfg-a"), "a broken file must change nothing");
                assertEquals(b2, ItestSupport.driverServiceId(context, "cfg-b"), "a broken file must change nothing");

                Files.writeString(file, toml(url, 0, false)); // cfg-b's section removed
                awaitGone("cfg-b");
                assertEquals(a1, ItestSupport.driverServiceId(context, "cfg-a"));
                assertNull(cm.listConfigurations("(&(service.factoryPid=esnode.driver.mqtt)(id=cfg-b))"));
            } finally {
                Configuration[] made = cm.listConfigurations("(esnode.config.source=*)");
                if (made != null) {
                    for (Configuration c : made) {
                        c.delete();
                    }
                }
                loader.delete();
            }
        }
    }

    private static String toml(String url, int qosOfB, boolean withB) {
        String a = "[[drivers]]\nprotocol = \"mqtt\"\nid = \"cfg-a\"\nbroker_url = \"" + url + "\"\n"
                + "[[drivers.points]]\nname = \"t\"\ntopic = \"cfg/a/t\"\npath = \"$.t\"\nquantity = \"temperature\"\nunit = \"C\"\n";
        String b = "[[drivers]]\nprotocol = \"mqtt\"\nid = \"cfg-b\"\nbroker_url = \"" + url + "\"\nqos = " + qosOfB + "\n"
                + "[[drivers.points]]\nname = \"t\"\ntopic = \"cfg/b/t\"\npath = \"$.t\"\nquantity = \"temperature\"\nunit = \"C\"\n";
        String pue = "[[pue]]\nscope = \"cfg\"\nit = [\"driver=cfg-a\"]\nfacility = [\"driver=cfg-b\"]\n";
        return a + (withB ? b : "") + pue;
    }


    private void awaitGone(String id) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (ItestSupport.driverServiceId(context, id) != -1) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("driver " + id + " is still registered");
            }
            Thread.sleep(50);
        }
    }


    private void awaitConfigErrors(double atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        double errors = 0;
        while (System.currentTimeMillis() < deadline) {
            for (ServiceReference<?> r : context.getServiceReferences(Collector.class.getName(), null)) {
                Collector c = (Collector) context.getService(r);
                for (Collector.MetricFamilySamples f : c.collect()) {
                    for (Collector.MetricFamilySamples.Sample s : f.samples) {
                        if (s.name.equals("esnode_config_errors_total")) {
                            errors = s.value;
                        }
                    }
                }
                context.ungetService(r);
            }
            if (errors >= atLeast) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("esnode_config_errors_total stayed at " + errors);
    }
}
