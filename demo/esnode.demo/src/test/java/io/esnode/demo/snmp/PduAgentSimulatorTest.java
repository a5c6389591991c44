package io.esnode.demo.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

class PduAgentSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void valuesAtStartAreTheHandComputedOnes() {
        NavigableMap<OID, Variable> v = PduAgentSimulator.values(0);
        // outlet n at t = 0: round((300 + 50 (n-1)) × (1 + 0.1 sin n)); n = 3: 400 × 1.014112 = 405.6 → 406
        assertEquals(new Integer32(406), v.get(new OID(PduAgentSimulator.OUTLET + ".7.3")));
        // sum of the eight outlets: 325 + 382 + 406 + 416 + 452 + 535 + 639 + 714 = 3869 W = 386.9 → 387 hundredths of kW
        assertEquals(new Integer32(387), v.get(new OID(PduAgentSimulator.DEVICE + ".5.1")));
        // phase current 3869 W / 230 V = 16.82 A → 168 tenths of A
        assertEquals(new Integer32(168), v.get(new OID(PduAgentSimulator.PHASE + ".5.1")));
    }

    @Test
    void netSnmpToolsWalkAndGetIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmpbulkwalk")), "Debian snmp is not installed");
        int port = freeUdpPort();
        try (AutoCloseable agent = PduAgentSimulator.start(port)) {
            String target = "127.0.0.1:" + port;
            assertEquals(List.of(".1.3.6.1.2.1.1.1.0 = STRING: \"ESNODE demo rack PDU (simulated APC rPDU2)\""),
                    run("snmpget", "-v2c", "-c", "public", target, "1.3.6.1.2.1.1.1.0"));
            List<String> outlets = run("snmpbulkwalk", "-v2c", "-c", "public", "-Cr5", target,
                    PduAgentSimulator.OUTLET + ".3");
            assertEquals(8, outlets.size(), String.join("\n", outlets));
            assertEquals("." + PduAgentSimulator.OUTLET + ".3.8 = STRING: \"server-8\"", outlets.get(7));
            // v1 GETNEXT walk of the phase row: index, current, voltage, power
            assertEquals(4, run("snmpwalk", "-v1", "-c", "public", target, PduAgentSimulator.PHASE).size());
            List<String> wrong = run("snmpget", "-v2c", "-c", "not-public", "-t", "0.3", "-r", "0", target, "1.3.6.1.2.1.1.1.0");
            assertTrue(wrong.contains("Timeout: No Response from " + target + "."), String.join("\n", wrong));
        }
    }

    private List<String> run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/" + tool, "-On"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("MIBS", "");
        pb.environment().put("SNMPCONFPATH", dir.toString());
        pb.environment().put("SNMP_PERSISTENT_DIR", dir.toString());
        Path out = dir.resolve("out.txt");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "timed out: " + cmd);
        List<String> lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
        lines.removeIf(l -> l.startsWith("Created directory"));
        return lines;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
