package io.esnode.driver.snmp.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.esnode.api.util.PointSpec;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.snmp.internal.transport.AgentSettings;
import io.esnode.driver.snmp.internal.transport.SnmpVersion;
import io.esnode.driver.snmp.testing.NetSnmpAgent;
import io.esnode.testkit.FreePort;
import io.esnode.testkit.InMemoryReadingStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a timed test: walks a 1000-row table (name, power, energy columns) from one Net-SNMP snmpd with the
 * gateway's poller, with Prometheus snmp_exporter (Debian prometheus-snmp-exporter, module written for the same
 * OIDs) and with snmpbulkwalk, in the same run. Run with
 * {@code mvn -q -B install -pl bundles/esnode.driver.snmp -Desnode.bench=true -Dtest=SnmpWalkBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to stdout and {@code target/bench-snmp.md}.
 */
@EnabledIfSystemProperty(named = "esnode.bench", matches = "true")
class SnmpWalkBenchmark {
    static final Path EXPORTER = Path.of("/usr/bin/prometheus-snmp-exporter");
    static final String E = NetSnmpAgent.ENTERPRISE;
    static final String COMMUNITY = "bench";
    static final int ROWS = 1000;
    static final int WARMUP = 3;
    static final int RUNS = 15;
    static final int REPS = 25;

    @TempDir
    Path dir;

    @Test
    void walkThousandRows() throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            values.add(E + ".2.1.2." + i + " string outlet-" + i);
        }
        for (int i = 1; i <= ROWS; i++) {
            values.add(E + ".2.1.3." + i + " gauge " + (i * 10));
        }
        for (int i = 1; i <= ROWS; i++) {
            values.add(E + ".2.1.4." + i + " counter64 " + (1000L * i));
        }
        try (NetSnmpAgent agent = NetSnmpAgent.create(dir).config("rocommunity " + COMMUNITY + " 127.0.0.1")) {
            agent.values(values);
            agent.start();
            List<String> report = new ArrayList<>();
            report.add("| tool | median ms | min ms | mean ms | values per walk |");
            report.add("|---|---|---|---|---|");
            report.add(gateway(agent));
            report.add(exporter(agent));
            report.add(bulkwalk(agent));
            String text = String.join("\n", report);
            System.out.println("\nSNMP walk of " + ROWS + " rows x 3 columns, max-repetitions " + REPS + ", "
                    + RUNS + " runs after " + WARMUP + " warm-up runs\n" + text + "\n");
            Files.writeString(Path.of("target", "bench-snmp.md"), text + "\n");
        }
    }

    private String gateway(NetSnmpAgent agent) throws Exception {
        List<SnmpPoint> points = List.of(
                SnmpPointParser.parse(PointSpec.parse("name=outlet_power;table=" + E + ".2.1;column=3;index_labels=outlet;"
                        + "label_columns=outlet_name:2;quantity=power;unit=W"), Duration.ofSeconds(30), Map.of()),
                SnmpPointParser.parse(PointSpec.parse("name=outlet_energy;table=" + E + ".2.1;column=4;index_labels=outlet;"
                        + "label_columns=outlet_name:2;type=counter"), Duration.ofSeconds(30), Map.of()));
        AgentSettings a = new AgentSettings(false, "127.0.0.1", agent.port(), SnmpVersion.V2C, COMMUNITY, null, 5000, 1, 65535);
        SnmpSession session = new SnmpSession(new SessionSettings("bench", a, points, 60_000, REPS, 32, 100_000),
                new InMemoryReadingStore(), new StatusTracker("bench", "snmp", a.address()), new RateLimitedLog(60_000));
        try {
            return row("ESNODE gateway poll (SNMP4J, columns side by side)", () -> {
                PollResult r = session.poll();
                assertEquals(2 * ROWS, r.readings().size());
                return r.readings().size();
            });
        } finally {
            session.stop();
        }
    }

    private String exporter(NetSnmpAgent agent) throws Exception {
        if (!Files.isExecutable(EXPORTER)) {
            return "| snmp_exporter | not installed (apt-get install prometheus-snmp-exporter) | | | |";
        }
        Path config = dir.resolve("snmp.yml");
        Files.writeString(config, String.join("\n",
                "bench:",
                "  version: 2",
                "  max_repetitions: " + REPS,
                "  retries: 1",
                "  timeout: 5s",
                "  auth:",
                "    community: " + COMMUNITY,
                "  walk:",
                "  - " + E + ".2.1.2",
                "  - " + E + ".2.1.3",
                "  - " + E + ".2.1.4",
                "  metrics:",
                "  - name: outlet_power",
                "    oid: " + E + ".2.1.3",
                "    type: gauge",
                "    indexes:",
                "    - labelname: outlet",
                "      type: gauge",
                "    lookups:",
                "    - labels: [outlet]",
                "      labelname: outlet_name",
                "      oid: " + E + ".2.1.2",
                "      type: DisplayString",
                "  - name: outlet_energy",
                "    oid: " + E + ".2.1.4",
                "    type: counter",
                "    indexes:",
                "    - labelname: outlet",
                "      type: gauge",
                "    lookups:",
                "    - labels: [outlet]",
                "      labelname: outlet_name",
                "      oid: " + E + ".2.1.2",
                "      type: DisplayString", ""));
        int port = FreePort.find();
        Process p = new ProcessBuilder(EXPORTER.toString(), "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("exporter.log").toFile()).start();
        try {
            URL url = new URL("http://127.0.0.1:" + port + "/snmp?target=127.0.0.1:" + agent.port() + "&module=bench");
            long deadline = System.currentTimeMillis() + 10_000;
            while (true) {
                try {
                    get(url);
                    break;
                } catch (IOException notYet) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IOException("snmp_exporter did not answer: " + Files.readString(dir.resolve("exporter.log")));
                    }
                    Thread.sleep(50);
                }
            }
            return row("snmp_exporter 0.21 /snmp (Go, HTTP included)", () -> {
                String body = get(url);
                long samples = body.lines().filter(l -> l.startsWith("outlet_power{") || l.startsWith("outlet_energy")).count();
                assertEquals(2 * ROWS, samples, body.length() > 2000 ? body.substring(0, 2000) : body);
                return (int) samples;
            });
        } finally {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private String bulkwalk(NetSnmpAgent agent) throws Exception {
        return row("snmpbulkwalk -Cr" + REPS + " of the entry (C, process start included)", () -> {
            List<String> lines = agent.run(List.of(NetSnmpAgent.SNMPBULKWALK.toString(), "-On", "-v2c", "-c", COMMUNITY,
                    "-Cr" + REPS, agent.address(), E + ".2.1"));
            assertEquals(3 * ROWS, lines.size());
            return lines.size();
        });
    }

    private static String get(URL url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(30_000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private static String row(String name, Callable<Integer> walk) throws Exception {
        int count = 0;
        for (int i = 0; i < WARMUP; i++) {
            count = walk.call();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            count = walk.call();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        double mean = ms.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d |", name, ms.get(ms.size() / 2),
                ms.get(0), mean, count);
    }
}
