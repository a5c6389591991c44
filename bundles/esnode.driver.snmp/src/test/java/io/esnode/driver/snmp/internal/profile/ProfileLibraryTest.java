package io.esnode.driver.snmp.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.PueRole;
import io.esnode.api.util.PointSpec;
import io.esnode.driver.snmp.internal.session.SnmpPoint;
import io.esnode.driver.snmp.internal.session.SnmpPointParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.smi.OID;

class ProfileLibraryTest {
    @TempDir
    Path dir;

    @Test
    void everyShippedProfileParsesIntoUniquePoints() {
        ProfileLibrary lib = new ProfileLibrary(null);
        Map<String, Integer> expectedPoints = Map.of("ups-mib", 17, "entity-sensor-mib", 2, "if-mib", 8, "apc-rpdu2", 9);
        for (String name : ProfileLibrary.SHIPPED) {
            List<String> specs = lib.load(name);
            Set<String> names = new HashSet<>();
            for (String spec : specs) {
                SnmpPoint p = SnmpPointParser.parse(PointSpec.parse(spec), Duration.ofSeconds(30), Map.of());
                assertTrue(names.add(p.point().name()), name + ": duplicate " + p.point().name());
            }
            assertEquals(expectedPoints.get(name), specs.size(), name);
        }
    }

    @Test
    void apcDevicePowerIsItPowerInWatts() {
        SnmpPoint p = new ProfileLibrary(null).load("apc-rpdu2").stream()
                .map(s -> SnmpPointParser.parse(PointSpec.parse(s), Duration.ofSeconds(30), Map.of()))
                .filter(x -> x.point().name().equals("rpdu2_device_power")).findFirst().orElseThrow();
        assertEquals(PueRole.IT, p.point().pueRole());
        assertEquals(new OID("1.3.6.1.4.1.318.1.1.26.4.3.1.5"), p.oid());
        // 345 hundredths of kW = 3.45 kW = 3450 W
        assertEquals(3450.0, p.point().toBaseUnits(345), 1e-9);
    }

    @Test
    void operatorDirectoryWinsAndContinuationLinesJoin() throws Exception {
        Files.writeString(dir.resolve("ups-mib.profile"), "# mine\n\nname=a;\\\n  oid=1.3.6.1.2.1.33.1.2.4.0\n");
        assertEquals(List.of("name=a;oid=1.3.6.1.2.1.33.1.2.4.0"), new ProfileLibrary(dir).load("ups-mib"));
        assertEquals(9, new ProfileLibrary(dir).load("apc-rpdu2").size()); // not in the directory: the shipped one
    }

    @Test
    void unknownAndUnsafeNamesAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ProfileLibrary(dir).load("nope"))
                .getMessage().startsWith("unknown profile 'nope' (shipped: [ups-mib, entity-sensor-mib, if-mib, apc-rpdu2]"));
        assertThrows(IllegalArgumentException.class, () -> new ProfileLibrary(dir).load("../etc/passwd"));
    }
}
