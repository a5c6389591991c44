package io.esnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The drivers in deploy/ need nothing the runtime lacks: the resolver's answer for runtime + drivers
 * (runtime/drivers-check.bndrun) is exactly the exported runtime's -runbundles (runtime/esnode.bndrun) plus the
 * three driver bundles. Both files are written by the resolver at `mvn package` of the runtime module.
 */
class DriversCheckBundleSetTest {
    private static final Pattern RUNBUNDLE = Pattern.compile("^\\s*([A-Za-z0-9_.\\-]+);version=", Pattern.MULTILINE);

    @Test
    void theDriversResolveAgainstTheExportedRuntimeAlone() throws IOException {
        Path runtime = Distribution.built().resolve("../..").normalize();
        Set<String> exported = runBundles(runtime.resolve("esnode.bndrun"));
        Set<String> withDrivers = runBundles(runtime.resolve("drivers-check.bndrun"));
        Set<String> expected = new TreeSet<>(exported);
        expected.addAll(Set.of("esnode.driver.mqtt", "esnode.driver.modbus", "esnode.driver.snmp"));
        assertEquals(expected, withDrivers);
        // and the exported runtime itself has no driver in it (they ship in deploy/)
        assertEquals(Set.of(), exported.stream().filter(b -> b.startsWith("esnode.driver."))
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static Set<String> runBundles(Path bndrun) throws IOException {
        String text = Files.readString(bndrun);
        String list = text.substring(text.indexOf("\n-runbundles:"));
        Set<String> bsns = new TreeSet<>();
        Matcher m = RUNBUNDLE.matcher(list);
        while (m.find()) {
            bsns.add(m.group(1));
        }
        return bsns;
    }
}
