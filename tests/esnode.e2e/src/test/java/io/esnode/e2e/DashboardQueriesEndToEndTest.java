package io.esnode.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.esnode.testkit.FreePort;
import io.esnode.testkit.MosquittoBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard and the rule file against what the gateway really exports: the built distribution reads
 * an MQTT driver fed by a real Mosquitto, a real Prometheus scrapes it every second and evaluates
 * {@code dashboards/esnode.rules.yml}, and every panel query of {@code dashboards/esnode-gateway.json} (with the
 * template variables set to Grafana's "All", {@code .*}) must return the series worked out below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardQueriesEndToEndTest {
    private static final Path DASHBOARDS = Paths.get(System.getProperty("esnode.dashboards", "../../dashboards"));
    private static final long UP_TIMEOUT_MILLIS = 20_000;
    /** One budget for all panel queries: rate() needs two scrapes in its window (scrape interval 1 s). */
    private static final long QUERIES_TIMEOUT_MILLIS = 20_000;
    private static final long STOP_TIMEOUT_MILLIS = 20_000;
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([^,\\s]+)\\s*,\\s*(\\w+)\\s*\\)");

    /**
     * Series each target of a panel must return, by panel title. Published: IT power r1 100 kW and r2 50 kW,
     * facility 240 kW, inlet r1 and r2, humidity r1, one unparsable payload on rack r3's power topic; one driver
     * (dash-mqtt), one PUE scope (site).
     */
    private static final Map<String, Integer> SERIES_PER_TARGET = Map.ofEntries(
            Map.entry("PUE", 1),
            Map.entry("IT efficiency", 1),
            Map.entry("Facility power", 1),
            Map.entry("Overhead power", 1),
            Map.entry("PUE over time", 1),
            Map.entry("IT vs facility power", 1), // each of its two targets: scope site
            Map.entry("Power by point", 3), // rack_power r1, r2 and facility_power (r3 never decoded)
            Map.entry("Temperatures", 2), // inlet r1, r2
            Map.entry("Humidity", 1), // room_humidity r1
            Map.entry("Driver up", 1), // dash-mqtt
            // dash-mqtt x the MQTT driver's declared kinds connect, auth, decode, protocol (all exported from 0)
            Map.entry("Driver errors /s", 4),
            Map.entry("Readings /s", 1),
            Map.entry("Poll / message latency", 1),
            Map.entry("Seconds since last good reading", 1),
            // scope site x the 4 counted reasons facility_below_it, it_not_positive, not_finite, ratio_above_max
            Map.entry("Invalid PUE evaluations /s", 4),
            Map.entry("Gateway heap", 1));

    /** Values of the single-stat panels. */
    private static final Map<String, Double> STAT_VALUES = Map.of(
            "PUE", 1.6, // 240000 W / (100000 W + 50000 W)
            "IT efficiency", 62.5, // 150000 / 240000 * 100
            "Facility power", 240000.0, // 240 kW
            "Overhead power", 90000.0); // 240000 - 150000

    @TempDir
    static Path dir;
    private MosquittoBroker broker;
    private Gateway gateway;
    private PrometheusServer prometheus;
    private int metricsPort;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(PrometheusServer.BINARY), PrometheusServer.BINARY
                + " is not installed (apt-get install --no-install-recommends prometheus; ./run-tests does);"
                + " skipping the dashboard query test");
        broker = MosquittoBroker.required(dir).start();
        metricsPort = FreePort.find();
        Path config = dir.resolve("dashboard.toml");
        Files.writeString(config, String.join("\n",
                "[metrics]",
                "bind_address = \"127.0.0.1\"",
                "port = " + metricsPort,
                "",
                "[console]",
                "port = " + FreePort.find(),
                "admin_password = \"dash-secret\"",
                "",
                "[[drivers]]",
                "id = \"dash-mqtt\"",
                "protocol = \"mqtt\"",
                "broker_url = \"tcp://127.0.0.1:" + broker.port() + "\"",
                "",
                "[[drivers.points]]",
                "name = \"rack_power\"",
                "topic = \"dash/rack/{rack}/power\"",
                "path = \"$.kw\"",
                "quantity = \"power\"",
                "unit = \"kW\"",
                "pue_role = \"it\"",
                "",
                "[[drivers.points]]",
                "name = \"facility_power\"",
                "topic = \"dash/facility/power\"",
                "path = \"$.kw\"",
                "quantity = \"power\"",
                "unit = \"kW\"",
                "pue_role = \"facility\"",
                "",
                "[[drivers.points]]",
                "name = \"inlet\"",
                "topic = \"dash/rack/{rack}/inlet\"",
                "path = \"$.celsius\"",
                "quantity = \"temperature\"",
                "unit = \"C\"",
                "",
                "[[drivers.points]]",
                "name = \"room_humidity\"",
                "topic = \"dash/rack/{rack}/humidity\"",
                "path = \"$.rh\"",
                "quantity = \"humidity\"",
                "unit = \"%\"",
                "",
                "[[pue]]",
                "scope = \"site\"",
                ""));
        // retained, so the order of "driver subscribed" and "published" does not matter
        broker.publishRetained("dash/rack/r1/power", "{\"kw\": 100}");
        broker.publishRetained("dash/rack/r2/power", "{\"kw\": 50}");
        broker.publishRetained("dash/facility/power", "{\"kw\": 240}");
        broker.publishRetained("dash/rack/r1/inlet", "{\"celsius\": 23.5}");
        broker.publishRetained("dash/rack/r2/inlet", "{\"celsius\": 25}");
        broker.publishRetained("dash/rack/r1/humidity", "{\"rh\": 41}");
        // esnode_driver_errors_total has a series only once the driver counted an error: one decode error
        broker.publishRetained("dash/rack/r3/power", "not json");
        gateway = new Gateway(Distribution.built(), config, dir);
        prometheus = new PrometheusServer(dir, metricsPort, DASHBOARDS.resolve("esnode.rules.yml"));
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void prometheusScrapesTheGateway() throws Exception {
        List<Object> up = await("up{job=\"esnode\"} == 1", UP_TIMEOUT_MILLIS);
        assertEquals(1, up.size(), "up{job=\"esnode\"} == 1 after " + UP_TIMEOUT_MILLIS / 1000 + " s" + diagnostics());
        assertEquals("127.0.0.1:" + metricsPort, labels(up.get(0)).get("instance"));
        // once Prometheus holds a sample of the driver's counters, one more message makes them grow between two
        // scrapes, so that rate() is a number and the latency panel's rate(sum) / rate(count) is not 0 / 0 = NaN
        String readings = "esnode_driver_readings_total{job=\"esnode\",driver=\"dash-mqtt\"}";
        assertEquals(1, await(readings, UP_TIMEOUT_MILLIS).size(), readings + diagnostics());
        broker.publish("dash/rack/r1/power", "{\"kw\": 100}");
    }

    @Test
    @Order(2)
    void everyPanelQueryReturnsTheExpectedSeries() throws Exception {
        Map<String, Object> dashboard = MiniJson.object(MiniJson.parse(Files.readString(DASHBOARDS.resolve("esnode-gateway.json"))));
        List<Map<String, Object>> panels = panels(dashboard);
        assertEquals(16, panels.size(), "panels in the dashboard");
        long deadline = System.currentTimeMillis() + QUERIES_TIMEOUT_MILLIS;
        long started = System.currentTimeMillis();
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> panel : panels) {
            String title = (String) panel.get("title");
            Integer expected = SERIES_PER_TARGET.get(title);
            assertNotNull(expected, "panel \"" + title + "\" has no expectation in SERIES_PER_TARGET: add one");
            List<Object> targets = MiniJson.array(panel.getOrDefault("targets", List.of()));
            assertFalse(targets.isEmpty(), "panel \"" + title + "\" has no query");
            for (Object target : targets) {
                String expr = (String) MiniJson.object(target).get("expr");
                String promql = asGrafanaAll(expr);
                List<Object> result = awaitSeries(promql, expected, deadline);
                System.out.printf("dashboard panel %-34s %d series (after %4d ms)  %s  values %s%n",
                        "\"" + title + "\"", result.size(), System.currentTimeMillis() - started, promql,
                        result.stream().map(DashboardQueriesEndToEndTest::value).collect(Collectors.toList()));
                if (result.size() != expected || !result.stream().allMatch(r -> Double.isFinite(value(r)))) {
                    failures.add("\"" + title + "\": " + promql + " gave " + result.size() + " series, expected "
                            + expected + " with finite values (Grafana draws NaN as no data): " + result);
                } else if (STAT_VALUES.containsKey(title)) {
                    assertEquals(STAT_VALUES.get(title), value(result.get(0)), 1e-9, title + ": " + promql);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures) + diagnostics());
        }
    }

    @Test
    @Order(3)
    void theDriverCountedTheUnparsablePayload() throws Exception {
        // the panel "Driver errors /s" shows a rate, 0 once the single error is older than a scrape; the counter
        // itself must be the 1 decode error of the one payload on dash/rack/r3/power
        List<Object> errors = await("esnode_driver_errors_total{job=\"esnode\",driver=\"dash-mqtt\",kind=\"decode\"}",
                5_000);
        assertEquals(1, errors.size(), "esnode_driver_errors_total of dash-mqtt: " + errors + diagnostics());
        assertEquals("decode", labels(errors.get(0)).get("kind"));
        // the other declared kinds are there from the start, at 0
        List<Object> connect = await("esnode_driver_errors_total{job=\"esnode\",driver=\"dash-mqtt\",kind=\"connect\"}",
                5_000);
        assertEquals(1, connect.size(), "connect errors of dash-mqtt: " + connect + diagnostics());
        assertEquals(0.0, value(connect.get(0)));
        assertEquals("mqtt", labels(errors.get(0)).get("protocol"));
        assertEquals(1.0, value(errors.get(0)));
    }

    @Test
    @Order(4)
    void templateVariablesListTheInstanceAndTheScope() throws Exception {
        Map<String, Object> dashboard = MiniJson.object(MiniJson.parse(Files.readString(DASHBOARDS.resolve("esnode-gateway.json"))));
        Map<String, List<Object>> expected = Map.of(
                "instance", List.of("127.0.0.1:" + metricsPort),
                "scope", List.of("site"));
        Map<String, List<Object>> actual = new LinkedHashMap<>();
        for (Object v : MiniJson.array(MiniJson.object(dashboard.get("templating")).get("list"))) {
            Map<String, Object> variable = MiniJson.object(v);
            if (!"query".equals(variable.get("type"))) {
                continue;
            }
            assertEquals(".*", variable.get("allValue"), variable.get("name") + ": the panels rely on All = .*");
            Matcher m = LABEL_VALUES.matcher((String) variable.get("query"));
            assertTrue(m.matches(), "template variable query " + variable.get("query"));
            List<Object> values = prometheus.labelValues(m.group(2), m.group(1));
            System.out.printf("dashboard variable $%-8s %d values %s  (%s)%n", variable.get("name"), values.size(), values,
                    m.group(0));
            actual.put((String) variable.get("name"), values);
        }
        assertEquals(expected, actual);
    }

    @Test
    @Order(5)
    void recordingRulesProduceSeriesAndNoRuleFails() throws Exception {
        List<Object> pue = await("esnode:pue_ratio:avg1h", 10_000);
        assertEquals(1, pue.size(), "esnode:pue_ratio:avg1h" + diagnostics());
        assertEquals("site", labels(pue.get(0)).get("scope"));
        assertEquals(1.6, value(pue.get(0)), 1e-9); // the average of a constant 1.6
        // sum by (instance, driver, protocol, kind): one series per declared kind of dash-mqtt
        List<Object> errors = await("esnode:driver_errors:rate5m", 10_000);
        assertEquals(4, errors.size(), "esnode:driver_errors:rate5m" + diagnostics());
        assertEquals(List.of("auth", "connect", "decode", "protocol"),
                errors.stream().map(e -> labels(e).get("kind")).sorted().toList());

        // every rule has been evaluated at least once (health "unknown" before) and none reports an error
        long deadline = System.currentTimeMillis() + 10_000;
        List<String> notOk;
        int rules;
        do {
            notOk = new ArrayList<>();
            rules = 0;
            for (Object g : prometheus.ruleGroups()) {
                for (Object r : MiniJson.array(MiniJson.object(g).get("rules"))) {
                    Map<String, Object> rule = MiniJson.object(r);
                    rules++;
                    if (!"ok".equals(rule.get("health"))) {
                        notOk.add(rule.get("name") + ": health " + rule.get("health") + " " + rule.get("lastError"));
                    }
                }
            }
        } while (!notOk.isEmpty() && System.currentTimeMillis() < deadline && sleep(500));
        System.out.println("rules evaluated: " + rules + ", not ok: " + notOk);
        // 2 recording rules + 6 alerts in dashboards/esnode.rules.yml
        assertEquals(8, rules, "rules loaded from esnode.rules.yml" + diagnostics());
        assertEquals(List.of(), notOk, "rules whose health is not ok" + diagnostics());
    }

    @Test
    @Order(6)
    void prometheusAndTheGatewayStopCleanly() throws Exception {
        assertTrue(prometheus.isAlive(), "Prometheus died early:\n" + prometheus.output());
        Integer promExit = prometheus.terminate(STOP_TIMEOUT_MILLIS);
        assertNotNull(promExit, "Prometheus still running after SIGTERM:\n" + prometheus.output());
        assertEquals(0, promExit, prometheus.output());
        assertTrue(gateway.isAlive(), "the gateway died early:\n" + gateway.output());
        Integer exit = gateway.terminate(STOP_TIMEOUT_MILLIS);
        String out = gateway.output();
        assertNotNull(exit, "gateway still running after SIGTERM:\n" + out);
        assertEquals(143, exit, out); // 128 + SIGTERM, after the shutdown hook stopped the framework
        assertFalse(out.contains(" ERROR "), "an error was logged:\n" + out);
        assertFalse(out.contains("\tat "), "a stack trace was printed:\n" + out);
    }

    /** Grafana's "All" for a variable with allValue {@code .*}, and its interval macros for a 1 s scrape. */
    static String asGrafanaAll(String expr) {
        return expr.replace("${instance}", ".*").replace("$instance", ".*")
                .replace("${scope}", ".*").replace("$scope", ".*")
                // $__rate_interval is at least 4 scrape intervals; $__interval is the step (here: the scrape)
                .replace("${__rate_interval}", "4s").replace("$__rate_interval", "4s")
                .replace("${__interval}", "1s").replace("$__interval", "1s");
    }

    /** Every panel, including those nested in collapsed rows (a row itself has no query). */
    private static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object p : MiniJson.array(dashboard.get("panels"))) {
            Map<String, Object> panel = MiniJson.object(p);
            if ("row".equals(panel.get("type"))) {
                MiniJson.array(panel.getOrDefault("panels", List.of())).forEach(n -> out.add(MiniJson.object(n)));
            } else {
                out.add(panel);
            }
        }
        return out;
    }

    /** Queries until the result has {@code expected} series, all finite, or the deadline passes; the last result. */
    private List<Object> awaitSeries(String promql, int expected, long deadline) throws Exception {
        while (true) {
            List<Object> result = prometheus.query(promql);
            boolean numbers = result.stream().allMatch(r -> Double.isFinite(value(r)));
            if ((result.size() == expected && numbers) || System.currentTimeMillis() >= deadline) {
                return result;
            }
            Thread.sleep(250);
        }
    }

    /** Queries until the result is non-empty or {@code timeoutMillis} passed; the last result. */
    private List<Object> await(String promql, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            List<Object> result;
            try {
                result = prometheus.query(promql);
            } catch (IOException notListeningYet) {
                result = List.of();
            }
            if (!result.isEmpty() || System.currentTimeMillis() >= deadline) {
                return result;
            }
            Thread.sleep(250);
        }
    }

    private static Map<String, Object> labels(Object series) {
        return MiniJson.object(MiniJson.object(series).get("metric"));
    }

    /** The value of an instant-vector sample: {@code "value": [timestamp, "string"]}. */
    private static double value(Object series) {
        return Double.parseDouble((String) MiniJson.array(MiniJson.object(series).get("value")).get(1));
    }

    private static boolean sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
        return true;
    }

    private String diagnostics() {
        return "\n--- prometheus ---\n" + prometheus.output() + "\n--- gateway ---\n" + gateway.output()
                + "\n--- mosquitto ---\n" + broker.log();
    }
}
