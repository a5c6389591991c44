package io.esnode.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.api.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Gogo's own bundle commands on driver bundles (issue 5: "the same through … Gogo install/update"): install and
 * start a driver bundle from its jar, update it in place, uninstall it; and update the running MQTT driver bundle,
 * after which its configured instance comes back by itself. Runs in console.bndrun, which has gogo.command.
 */
class GogoBundleCommandsTest {
    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();

    @Test
    void installUpdateAndUninstallADriverBundleFromGogo() throws Exception {
        assumeTrue(ItestSupport.bundle(context, "org.apache.felix.gogo.command") != null, "no gogo.command in this run");
        Path jar = built("esnode.driver.snmp");
        assumeTrue(ItestSupport.bundle(context, "esnode.driver.snmp") == null, "the SNMP driver is already installed");
        Gogo gogo = new Gogo(context);

        gogo.run("felix:install " + jar.toUri());
        Bundle snmp = ItestSupport.bundle(context, "esnode.driver.snmp");
        assertNotNull(snmp, "felix:install did not install " + jar);
        String started = gogo.run("felix:start " + snmp.getBundleId());
        assertEquals(Bundle.ACTIVE, snmp.getState(), "state after felix:start: " + started + " / " + gogo.output());
        long id = snmp.getBundleId();
        long modified = snmp.getLastModified();

        Thread.sleep(5); // a later last-modified time proves the update happened
        gogo.run("felix:update ($.context bundle " + id + ")");
        assertEquals(id, ItestSupport.bundle(context, "esnode.driver.snmp").getBundleId());
        assertNotEquals(modified, snmp.getLastModified());
        assertEquals(Bundle.ACTIVE, snmp.getState());

        gogo.run("felix:uninstall ($.context bundle " + id + ")");
        assertNull(ItestSupport.bundle(context, "esnode.driver.snmp"));
    }

    @Test
    void updatingTheMqttDriverFromGogoBringsItsInstanceBack() throws Exception {
        assumeTrue(ItestSupport.bundle(context, "org.apache.felix.gogo.command") != null, "no gogo.command in this run");
        assumeTrue(Files.isExecutable(Path.of(Mosquitto.BINARY)), "Debian mosquitto is not installed");
        ConfigurationAdmin cm = ItestSupport.service(context, ConfigurationAdmin.class);
        Gogo gogo = new Gogo(context);
        try (Mosquitto broker = Mosquitto.start()) {
            Configuration c = cm.getFactoryConfiguration("esnode.driver.mqtt", "gogo1", "?");
            c.update(ItestSupport.props("id", "gogo1", "broker_url", "tcp://127.0.0.1:" + broker.port,
                    "points", new String[] {"name=t;topic=gogo/t;path=$.t;quantity=temperature;unit=C"}));
            try {
                long before = ItestSupport.awaitDriverService(context, "gogo1", -1);
                Bundle mqtt = context.getServiceReferences(Driver.class.getName(), "(" + Driver.DRIVER_ID + "=gogo1)")[0]
                        .getBundle();
                gogo.run("felix:update ($.context bundle " + mqtt.getBundleId() + ")");
                long after = ItestSupport.awaitDriverService(context, "gogo1", before);
                assertNotEquals(before, after);
            } finally {
                c.delete();
            }
        }
    }


    /** The module's jar as the reactor built it (the test JVM runs in tests/esnode.itest or below it). */
    private static Path built(String module) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve("bundles").resolve(module).resolve("target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> jars = Files.list(target)) {
                    return jars.filter(p -> p.getFileName().toString().matches(module + "-[0-9].*(?<!-sources)\\.jar"))
                            .findFirst().orElseThrow(() -> new AssertionError("no built jar in " + target));
                }
            }
        }
        throw new AssertionError("cannot find bundles/" + module + " above " + Path.of("").toAbsolutePath());
    }
}
