package io.esnode.metrics.internal;

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
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.exemplars.Exemplar;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;
import io.prometheus.client.hotspot.VersionInfoExports;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionWriterTest {
    private static final long NOW = 1_700_000_100_000L;

    /** ifHCInOctets-like counter: no scale, no unit conversion, so its unsigned readings are exact. */
    private static final Point OCTETS = new Point("in_octets", Quantity.OTHER, "", "if_hc_in_octets",
            MetricType.COUNTER, 1, 0, Map.of("if", "eth0"), PueRole.NONE, null);

    @Test
    void exactCountersPrintEveryDigitInBothFormats() {
        LatestReadingStore store = new LatestReadingStore();
        RegisteredDrivers drivers = new RegisteredDrivers();
        TestDriver snmp = new TestDriver("sw1", "snmp", () -> new DriverStatus("sw1", "snmp", "", DriverState.CONNECTED,
                0, "", 0, 0, Map.of(), 0, 0));
        drivers.add(snmp, snmp.properties());
        // a point with a scale is not exact: Reading.ofUnsigned keeps only the double
        Point kilo = new Point("in_kilooctets", Quantity.OTHER, "", "if_hc_in_kilooctets", MetricType.COUNTER, 0.001, 0,
                Map.of(), PueRole.NONE, null);
        store.publish(List.of(
                // 2^64 - 2 = 18446744073709551614, as a long: -2
                Reading.ofUnsigned("sw1", OCTETS, Map.of("port", "1"), -2L, NOW),
                // 2^63 + 5 = 9223372036854775808 + 5 = 9223372036854775813, as a long: Long.MIN_VALUE + 5
                Reading.ofUnsigned("sw1", OCTETS, Map.of("port", "2"), Long.MIN_VALUE + 5, NOW),
                // small exact values are integers too
                Reading.ofUnsigned("sw1", OCTETS, Map.of("port", "3"), 42L, NOW),
                // 123 456 * 0.001 = 123.456
                Reading.ofUnsigned("sw1", kilo, Map.of(), 123_456L, NOW),
                // not read as unsigned: printed as a double as before
                Reading.of("sw1", OCTETS, Map.of("port", "4"), 1234, NOW)));
        ReadingsCollector collector = new ReadingsCollector(store, drivers, new ExporterStats(), () -> NOW);

        assertEquals(""
                + "# HELP if_hc_in_kilooctets_total ESNODE sensor value\n"
                + "# TYPE if_hc_in_kilooctets_total counter\n"
                + "if_hc_in_kilooctets_total{driver=\"sw1\",point=\"in_kilooctets\",} 123.456\n"
                + "# HELP if_hc_in_octets_total ESNODE sensor value\n"
                + "# TYPE if_hc_in_octets_total counter\n"
                + "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",if=\"eth0\",port=\"1\",} 18446744073709551614\n"
                + "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",if=\"eth0\",port=\"2\",} 9223372036854775813\n"
                + "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",if=\"eth0\",port=\"3\",} 42\n"
                + "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",if=\"eth0\",port=\"4\",} 1234.0\n",
                Exposition.text004(collector));
        assertEquals(""
                + "# TYPE if_hc_in_kilooctets counter\n"
                + "# HELP if_hc_in_kilooctets ESNODE sensor value\n"
                + "if_hc_in_kilooctets_total{driver=\"sw1\",point=\"in_kilooctets\"} 123.456\n"
                + "# TYPE if_hc_in_octets counter\n"
                + "# HELP if_hc_in_octets ESNODE sensor value\n"
                + "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",if=\"eth0\",port=\"1\"} 18446744073709551614\n"
                + "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",if=\"eth0\",port=\"2\"} 9223372036854775813\n"
                + "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",if=\"eth0\",port=\"3\"} 42\n"
                + "if_hc_in_octets_total{driver=\"sw1\",point=\"in_octets\",if=\"eth0\",port=\"4\"} 1234.0\n"
                + "# EOF\n",
                Exposition.openMetrics(collector));
        // what simpleclient's TextFormat made of the first one: the nearest double, 2^64
        assertEquals("1.8446744073709552E19", Collector.doubleToGoString(collector.collect().get(1).samples.get(0).value));
    }

    @Test
    void everythingButExactCountersIsWrittenAsSimpleclientWritesIt() throws IOException {
        List<MetricFamilySamples> families = new ArrayList<>(unusualFamilies());
        for (Collector c : List.of(new StandardExports(), new MemoryPoolsExports(), new BufferPoolsExports(),
                new GarbageCollectorExports(), new ThreadExports(), new ClassLoadingExports(), new VersionInfoExports())) {
            families.addAll(c.collect()); // collected once, so both writers see the same values
        }

        StringWriter expected004 = new StringWriter();
        TextFormat.write004(expected004, Collections.enumeration(families));
        StringBuilder actual004 = new StringBuilder();
        ExpositionWriter.write004(actual004, Collections.enumeration(families));
        assertEquals(expected004.toString(), actual004.toString());

        StringWriter expectedOm = new StringWriter();
        TextFormat.writeOpenMetrics100(expectedOm, Collections.enumeration(families));
        StringBuilder actualOm = new StringBuilder();
        ExpositionWriter.writeOpenMetrics100(actualOm, Collections.enumeration(families));
        assertEquals(expectedOm.toString(), actualOm.toString());

        assertTrue(actual004.indexOf("\njvm_threads_current ") > 0, "the hotspot families were part of the comparison");
        assertTrue(actual004.indexOf("\nprocess_cpu_seconds_total ") > 0, "the process families too");
    }

    @Test
    void createdAndGaugeHistogramSamplesMoveToGaugesAtTheEndOf004() {
        List<MetricFamilySamples> families = unusualFamilies().subList(0, 2);
        StringBuilder out = new StringBuilder();
        ExpositionWriter.write004(out, Collections.enumeration(families));
        assertEquals(""
                + "# HELP rpc_seconds Latency with \\\\ and \\n and \"quotes\"\n"
                + "# TYPE rpc_seconds summary\n"
                + "rpc_seconds_count{path=\"/a\\\"b\\\\c\\nd\",} 3.0 1700000000005\n"
                + "rpc_seconds_sum{path=\"/a\\\"b\\\\c\\nd\",} +Inf\n"
                + "# HELP queue_bytes Queue\n"
                + "# TYPE queue_bytes histogram\n"
                + "queue_bytes_bucket{le=\"+Inf\",} NaN\n"
                + "# HELP queue_bytes_gcount Queue\n"
                + "# TYPE queue_bytes_gcount gauge\n"
                + "queue_bytes_gcount -Inf\n"
                + "# HELP queue_bytes_gsum Queue\n"
                + "# TYPE queue_bytes_gsum gauge\n"
                + "queue_bytes_gsum 2.5\n"
                + "# HELP rpc_seconds_created Latency with \\\\ and \\n and \"quotes\"\n"
                + "# TYPE rpc_seconds_created gauge\n"
                + "rpc_seconds_created{path=\"/a\\\"b\\\\c\\nd\",} 1.7E9\n",
                out.toString());
        StringBuilder om = new StringBuilder();
        ExpositionWriter.writeOpenMetrics100(om, Collections.enumeration(families));
        // OpenMetrics keeps them in place, escapes quotes in HELP, and writes timestamps as seconds with 3 decimals
        assertEquals(""
                + "# TYPE rpc_seconds summary\n"
                + "# UNIT rpc_seconds seconds\n"
                + "# HELP rpc_seconds Latency with \\\\ and \\n and \\\"quotes\\\"\n"
                + "rpc_seconds_count{path=\"/a\\\"b\\\\c\\nd\"} 3.0 1700000000.005\n"
                + "rpc_seconds_sum{path=\"/a\\\"b\\\\c\\nd\"} +Inf\n"
                + "rpc_seconds_created{path=\"/a\\\"b\\\\c\\nd\"} 1.7E9\n"
                + "# TYPE queue_bytes gaugehistogram\n"
                + "# HELP queue_bytes Queue\n"
                + "queue_bytes_bucket{le=\"+Inf\"} NaN # {trace_id=\"ab\"} 0.5 1700000000.050\n"
                + "queue_bytes_gcount -Inf\n"
                + "queue_bytes_gsum 2.5\n"
                + "# EOF\n",
                om.toString());
    }

    /** Families with every type, suffix, escape, special value, timestamp and exemplar the writers treat apart. */
    private static List<MetricFamilySamples> unusualFamilies() {
        List<String> path = List.of("path");
        List<String> odd = List.of("/a\"b\\c\nd");
        return List.of(
                new MetricFamilySamples("rpc_seconds", "seconds", Collector.Type.SUMMARY,
                        "Latency with \\ and \n and \"quotes\"", List.of(
                        new Sample("rpc_seconds_count", path, odd, 3, 1_700_000_000_005L),
                        new Sample("rpc_seconds_sum", path, odd, Double.POSITIVE_INFINITY),
                        new Sample("rpc_seconds_created", path, odd, 1.7e9))),
                new MetricFamilySamples("queue_bytes", Collector.Type.GAUGE_HISTOGRAM, "Queue", List.of(
                        new Sample("queue_bytes_bucket", List.of("le"), List.of("+Inf"), Double.NaN,
                                new Exemplar(0.5, 1_700_000_000_050L, "trace_id", "ab")),
                        new Sample("queue_bytes_gcount", List.of(), List.of(), Double.NEGATIVE_INFINITY),
                        new Sample("queue_bytes_gsum", List.of(), List.of(), 2.5))),
                new MetricFamilySamples("build", Collector.Type.INFO, "Build", List.of(
                        new Sample("build_info", List.of("v", "ü"), List.of("1.0", "ünïcödé ✓ 😀"), 1))),
                new MetricFamilySamples("mode", Collector.Type.STATE_SET, "Mode", List.of(
                        new Sample("mode", List.of("mode"), List.of("on"), 1, -1_500L))),
                new MetricFamilySamples("hits", Collector.Type.COUNTER, "Hits", List.of(
                        new Sample("hits_total", List.of(), List.of(), 1e-7, 7L),
                        new Sample("hits_created", List.of(), List.of(), 1.5e9))),
                new MetricFamilySamples("misc", Collector.Type.UNKNOWN, "", List.of(
                        new Sample("misc", List.of(), List.of(), -0.0))),
                new MetricFamilySamples("lat", Collector.Type.HISTOGRAM, "L", List.of(
                        new Sample("lat_bucket", List.of("le"), List.of("0.1"), 12_345_678_901_234.0),
                        new Sample("lat_count", List.of(), List.of(), 4))));
    }
}
