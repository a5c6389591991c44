package io.esnode.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.DriverState;
import io.esnode.api.DriverStatus;
import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import io.esnode.api.Reading;
import io.esnode.core.LatestReadingStore;
import io.esnode.metrics.internal.TestDriver;
import io.esnode.testkit.AnnotationConfig;
import io.prometheus.client.Collector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusExporterTest {
    private final LatestReadingStore store = new LatestReadingStore();
    private final PrometheusExporter exporter = new PrometheusExporter(store);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static PrometheusExporter.Config config(String address, int port) {
        return AnnotationConfig.of(PrometheusExporter.Config.class, "bind_address", address, "port", port);
    }

    /** A whiteboard collector such as PUE registers. */
    static final class Site extends Collector {
        boolean fail;

        @Override
        public List<MetricFamilySamples> collect() {
            if (fail) {
                throw new IllegalStateException("site collector broken");
            }
            return List.of(new MetricFamilySamples("esnode_pue_ratio", Type.GAUGE, "PUE",
                    List.of(new MetricFamilySamples.Sample("esnode_pue_ratio", List.of("scope"), List.of("site"), 1.6))));
        }
    }

    @AfterEach
    void stop() {
        exporter.deactivate();
    }

    private int startOnFreePort() throws InterruptedException {
        exporter.start(config("127.0.0.1", 0), "1.2.3");
        long deadline = System.currentTimeMillis() + 5_000;
        while (exporter.boundPort() < 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(exporter.boundPort() > 0, "exporter did not bind within 5 s");
        return exporter.boundPort();
    }

    private HttpResponse<String> get(int port, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> linesStartingWith(String body, String... prefixes) {
        return Arrays.stream(body.split("\n")).filter(l -> Arrays.stream(prefixes).anyMatch(l::startsWith))
                .collect(Collectors.toList());
    }

    @Test
    void metricsEndpointServesBothFormats() throws Exception {
        TestDriver d1 = new TestDriver("d1", "mqtt", () -> new DriverStatus("d1", "mqtt", "", DriverState.CONNECTED,
                0, "", 0, 7, Map.of(), 0, 0));
        exporter.addDriver(d1, d1.properties());
        Site site = new Site();
        exporter.addCollector(site, Map.of(PrometheusExporter.COLLECTOR_NAME, "pue-site"));
        Point energy = new Point("energy", Quantity.ENERGY, "J", null, MetricType.COUNTER, 1, 0,
                Map.of("rack", "r7"), PueRole.NONE, null);
        store.publish(Reading.of("d1", energy, Map.of(), 1234, System.currentTimeMillis()));
        int port = startOnFreePort();

        HttpResponse<String> plain = get(port, null);
        assertEquals(200, plain.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", plain.headers().firstValue("Content-Type").get());
        assertEquals(List.of(
                        "# TYPE esnode_sensor_energy_joules_total counter",
                        "esnode_sensor_energy_joules_total{driver=\"d1\",point=\"energy\",rack=\"r7\",} 1234.0"),
                linesStartingWith(plain.body(), "esnode_sensor_", "# TYPE esnode_sensor_"));
        assertEquals(List.of(
                        "esnode_driver_up{driver=\"d1\",protocol=\"mqtt\",} 1.0",
                        "esnode_driver_readings_total{driver=\"d1\",protocol=\"mqtt\",} 7.0",
                        "esnode_build_info{version=\"1.2.3\",} 1.0",
                        "esnode_pue_ratio{scope=\"site\",} 1.6"),
                linesStartingWith(plain.body(), "esnode_driver_up", "esnode_driver_readings", "esnode_build_info",
                        "esnode_pue_ratio").stream().sorted(PrometheusExporterTest::byFamilyOrder)
                        .collect(Collectors.toList()));
        assertTrue(plain.body().contains("\njvm_threads_current "), "hotspot JVM families are exported");
        assertTrue(plain.body().contains("\nprocess_cpu_seconds_total "), "hotspot process families are exported");

        HttpResponse<String> om = get(port, "application/openmetrics-text; version=1.0.0,text/plain;q=0.5");
        assertEquals(200, om.statusCode());
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
                om.headers().firstValue("Content-Type").get());
        assertEquals(List.of(
                        "# TYPE esnode_sensor_energy_joules counter",
                        "# UNIT esnode_sensor_energy_joules joules",
                        "esnode_sensor_energy_joules_total{driver=\"d1\",point=\"energy\",rack=\"r7\"} 1234.0"),
                linesStartingWith(om.body(), "esnode_sensor_", "# TYPE esnode_sensor_", "# UNIT esnode_sensor_"));
        assertTrue(om.body().endsWith("\n# EOF\n"), "OpenMetrics body ends with # EOF");

        // a broken whiteboard collector loses its own families only, and is counted by its service name
        site.fail = true;
        String afterFailure = get(port, null).body();
        assertEquals(List.of(), linesStartingWith(afterFailure, "esnode_pue_ratio"));
        assertEquals(List.of("esnode_exporter_collector_errors_total{collector=\"pue-site\",} 1.0"),
                linesStartingWith(afterFailure, "esnode_exporter_collector_errors_total"));
        assertEquals(1, linesStartingWith(afterFailure, "esnode_sensor_energy_joules_total{").size());

        // an unregistered driver's series and a removed whiteboard collector leave at once
        exporter.removeDriver(d1, d1.properties());
        exporter.removeCollector(site);
        String afterRemoval = get(port, null).body();
        assertEquals(List.of(), linesStartingWith(afterRemoval, "esnode_sensor_", "esnode_driver_up{"));
        assertEquals(List.of("esnode_exporter_collector_errors_total{collector=\"pue-site\",} 1.0"),
                linesStartingWith(afterRemoval, "esnode_exporter_collector_errors_total"));
    }

    @Test
    void exactCountersStayExactOverHttpInBothFormatsFilteredAndGzipped() throws Exception {
        TestDriver sw = new TestDriver("sw1", "snmp", () -> new DriverStatus("sw1", "snmp", "", DriverState.CONNECTED,
                0, "", 0, 0, Map.of(), 0, 0));
        exporter.addDriver(sw, sw.properties());
        Point octets = new Point("in_octets", Quantity.OTHER, "", "if_hc_in_octets", MetricType.COUNTER, 1, 0,
                Map.of(), PueRole.NONE, null);
        long now = System.currentTimeMillis();
        store.publish(List.of(
                Reading.ofUnsigned("sw1", octets, Map.of("port", "1"), -2L, now),               // 2^64 - 2
                Reading.ofUnsigned("sw1", octets, Map.of("port", "2"), Long.MIN_VALUE + 5, now))); // 2^63 + 5
        int port = startOnFreePort();
        List<String> expected004 = List.of(
                "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",port=\"1\",} 18446744073709551614",
                "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",port=\"2\",} 9223372036854775813");

        assertEquals(expected004, linesStartingWith(get(port, null).body(), "if_hc_in_octets"));
        assertEquals(List.of(
                        "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",port=\"1\"} 18446744073709551614",
                        "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",port=\"2\"} 9223372036854775813"),
                linesStartingWith(get(port, "application/openmetrics-text").body(), "if_hc_in_octets"));

        // name[] keeps only the named samples (simpleclient rebuilds the filtered families: still exact)
        HttpResponse<String> filtered = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics?name[]=if_hc_in_octets_total&name[]=esnode_build_info")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("# HELP esnode_build_info ESNODE Gateway build; the value is always 1\n"
                + "# TYPE esnode_build_info gauge\n"
                + "esnode_build_info{version=\"1.2.3\",} 1.0\n"
                + "# HELP if_hc_in_octets_total ESNODE sensor value\n"
                + "# TYPE if_hc_in_octets_total counter\n"
                + expected004.get(0) + "\n" + expected004.get(1) + "\n", filtered.body());

        HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept-Encoding", "deflate, gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").get());
        String unzipped;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            unzipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertEquals(expected004, linesStartingWith(unzipped, "if_hc_in_octets"));

        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", head.headers().firstValue("Content-Type").get());

        HttpResponse<String> healthy = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/-/healthy")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("Exporter is Healthy.", healthy.body());
        // "/" serves the metrics too, as simpleclient's HTTPServer did
        assertEquals(expected004, linesStartingWith(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString()).body(),
                "if_hc_in_octets"));
    }

    private static int byFamilyOrder(String a, String b) {
        List<String> order = List.of("esnode_driver_up", "esnode_driver_readings", "esnode_build_info", "esnode_pue_ratio");
        return Integer.compare(indexOf(order, a), indexOf(order, b));
    }

    private static int indexOf(List<String> prefixes, String line) {
        for (int i = 0; i < prefixes.size(); i++) {
            if (line.startsWith(prefixes.get(i))) {
                return i;
            }
        }
        return prefixes.size();
    }

    @Test
    void badPortIsRejectedNamingTheKey() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> exporter.start(config("127.0.0.1", 70_000), "x"));
        assertEquals("esnode.metrics: port 70000 is not between 0 and 65535", e.getMessage());
    }
}
