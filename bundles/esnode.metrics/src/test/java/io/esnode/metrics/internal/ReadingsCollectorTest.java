package io.esnode.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.esnode.api.DriverState;
import io.esnode.api.DriverStatus;
import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import io.esnode.api.Reading;
import io.esnode.core.LatestReadingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadingsCollectorTest {
    private static final long NOW = 1_700_000_100_000L;

    private final LatestReadingStore store = new LatestReadingStore();
    private final RegisteredDrivers drivers = new RegisteredDrivers();
    private final ExporterStats stats = new ExporterStats();
    private long now = NOW;
    private final ReadingsCollector collector = new ReadingsCollector(store, drivers, stats, () -> now);

    private static Point point(String name, Quantity q, String unit, String metric, MetricType type,
                               Map<String, String> labels) {
        return new Point(name, q, unit, metric, type, 1.0, 0.0, labels, PueRole.NONE, null);
    }

    private static TestDriver driver(String id, String protocol) {
        return new TestDriver(id, protocol, () -> new DriverStatus(id, protocol, "", DriverState.CONNECTED, 0, "", 0, 0,
                Map.of(), 0, 0));
    }

    @BeforeEach
    void registerDrivers() {
        for (TestDriver d : List.of(driver("d1", "mqtt"), driver("d2", "modbus"))) {
            drivers.add(d, d.properties());
        }
    }

    @Test
    void familiesAreBuiltFromFreshReadingsOfRegisteredDrivers() {
        Point inlet = point("inlet", Quantity.TEMPERATURE, "C", null, MetricType.GAUGE,
                Map.of("site", "dc-1", "rack", "r1"));
        Point ups = point("ups", Quantity.POWER, "kW", null, MetricType.GAUGE, Map.of());
        Point energy = point("energy", Quantity.ENERGY, "kWh", null, MetricType.COUNTER, Map.of());
        Point door = point("door", Quantity.STATE, "", null, MetricType.GAUGE, Map.of("room", "a\"b\\c\nd"));
        store.publish(List.of(
                Reading.of("d1", inlet, Map.of("topic", "t/2"), 22.0, NOW - 1_000),
                Reading.of("d1", inlet, Map.of("topic", "t/1"), 21.5, NOW - 1_000),
                Reading.of("d1", ups, Map.of(), 2.5, NOW - 1_000),        // 2.5 kW = 2500 W
                Reading.of("d1", energy, Map.of(), 3, NOW - 1_000),       // 3 kWh = 3 * 3 600 000 J = 1.08E7 J
                Reading.of("d2", door, Map.of(), 1, NOW - 1_000),
                Reading.of("d9", ups, Map.of(), 9.0, NOW - 1_000)));      // d9 has no Driver service
        assertEquals(""
                + "# HELP esnode_sensor_energy_joules_total ESNODE sensor energy in joules\n"
                + "# TYPE esnode_sensor_energy_joules_total counter\n"
                + "esnode_sensor_energy_joules_total{driver=\"d1\",point=\"energy\",} 1.08E7\n"
                + "# HELP esnode_sensor_power_watts ESNODE sensor power in watts\n"
                + "# TYPE esnode_sensor_power_watts gauge\n"
                + "esnode_sensor_power_watts{driver=\"d1\",point=\"ups\",} 2500.0\n"
                + "# HELP esnode_sensor_state ESNODE sensor state\n"
                + "# TYPE esnode_sensor_state gauge\n"
                + "esnode_sensor_state{driver=\"d2\",point=\"door\",room=\"a\\\"b\\\\c\\nd\",} 1.0\n"
                + "# HELP esnode_sensor_temperature_celsius ESNODE sensor temperature in celsius\n"
                + "# TYPE esnode_sensor_temperature_celsius gauge\n"
                + "esnode_sensor_temperature_celsius{driver=\"d1\",point=\"inlet\",rack=\"r1\",site=\"dc-1\",topic=\"t/1\",} 21.5\n"
                + "esnode_sensor_temperature_celsius{driver=\"d1\",point=\"inlet\",rack=\"r1\",site=\"dc-1\",topic=\"t/2\",} 22.0\n",
                Exposition.text004(collector));
        assertEquals(""
                + "# TYPE esnode_sensor_energy_joules counter\n"
                + "# UNIT esnode_sensor_energy_joules joules\n"
                + "# HELP esnode_sensor_energy_joules ESNODE sensor energy in joules\n"
                + "esnode_sensor_energy_joules_total{driver=\"d1\",point=\"energy\"} 1.08E7\n"
                + "# TYPE esnode_sensor_power_watts gauge\n"
                + "# UNIT esnode_sensor_power_watts watts\n"
                + "# HELP esnode_sensor_power_watts ESNODE sensor power in watts\n"
                + "esnode_sensor_power_watts{driver=\"d1\",point=\"ups\"} 2500.0\n"
                + "# TYPE esnode_sensor_state gauge\n"
                + "# HELP esnode_sensor_state ESNODE sensor state\n"
                + "esnode_sensor_state{driver=\"d2\",point=\"door\",room=\"a\\\"b\\\\c\\nd\"} 1.0\n"
                + "# TYPE esnode_sensor_temperature_celsius gauge\n"
                + "# UNIT esnode_sensor_temperature_celsius celsius\n"
                + "# HELP esnode_sensor_temperature_celsius ESNODE sensor temperature in celsius\n"
                + "esnode_sensor_temperature_celsius{driver=\"d1\",point=\"inlet\",rack=\"r1\",site=\"dc-1\",topic=\"t/1\"} 21.5\n"
                + "esnode_sensor_temperature_celsius{driver=\"d1\",point=\"inlet\",rack=\"r1\",site=\"dc-1\",topic=\"t/2\"} 22.0\n"
                + "# EOF\n",
                Exposition.openMetrics(collector));
        assertEquals(0, stats.collisions());
    }

    @Test
    void metricKeyNamesTheFamilyAndCounterGetsOneTotalSuffix() {
        Point a = point("a", Quantity.ENERGY, "J", "rack.energy_total", MetricType.COUNTER, Map.of());
        Point b = point("b", Quantity.OTHER, "", "9lives", MetricType.GAUGE, Map.of());
        store.publish(List.of(Reading.of("d1", a, Map.of(), 42, NOW), Reading.of("d1", b, Map.of(), -1.5, NOW)));
        assertEquals(""
                + "# HELP _9lives ESNODE sensor value\n"
                + "# TYPE _9lives gauge\n"
                + "_9lives{driver=\"d1\",point=\"b\",} -1.5\n"
                + "# HELP rack_energy_total ESNODE sensor energy in joules\n"
                + "# TYPE rack_energy_total counter\n"
                + "rack_energy_total{driver=\"d1\",point=\"a\",} 42.0\n",
                Exposition.text004(collector));
    }

    @Test
    void readingOlderThanItsTtlIsAbsent() {
        Point p = point("p", Quantity.POWER, "W", null, MetricType.GAUGE, Map.of()).withTtl(Duration.ofSeconds(10));
        store.publish(Reading.of("d1", p, Map.of(), 100, NOW - 10_000));
        // age 10 000 ms <= ttl 10 000 ms: exported
        assertEquals(List.of("esnode_sensor_power_watts{driver=\"d1\",point=\"p\",} 100.0"), sampleLines());
        now = NOW + 1; // age 10 001 ms > ttl
        assertEquals(List.of(), sampleLines());
    }

    @Test
    void unregisteredDriverSeriesLeaveAtOnce() {
        Point p = point("p", Quantity.POWER, "W", null, MetricType.GAUGE, Map.of());
        store.publish(List.of(Reading.of("d1", p, Map.of(), 1, NOW), Reading.of("d2", p, Map.of(), 2, NOW)));
        TestDriver d1 = new TestDriver("d1", "mqtt", () -> null);
        drivers.remove(drivers.sorted().get(0).driver(), d1.properties());
        assertEquals(List.of("esnode_sensor_power_watts{driver=\"d2\",point=\"p\",} 2.0"), sampleLines());
    }

    @Test
    void gaugeAndCounterOfOneFamilyExportTheFirstOnly() {
        Point a = point("a", Quantity.ENERGY, "J", "rack_energy", MetricType.GAUGE, Map.of());
        Point b = point("b", Quantity.ENERGY, "J", "rack_energy", MetricType.COUNTER, Map.of());
        store.publish(List.of(Reading.of("d1", b, Map.of(), 2, NOW), Reading.of("d1", a, Map.of(), 1, NOW)));
        assertEquals(List.of("rack_energy{driver=\"d1\",point=\"a\",} 1.0"), sampleLines());
        assertEquals(1, stats.collisions());
        sampleLines(); // every scrape that meets the collision counts it
        assertEquals(2, stats.collisions());
    }

    @Test
    void gaugeNamedLikeACounterSampleCollides() {
        Point a = point("a", Quantity.OTHER, "", "x_total", MetricType.GAUGE, Map.of());
        Point b = point("b", Quantity.OTHER, "", "x", MetricType.COUNTER, Map.of());
        store.publish(List.of(Reading.of("d1", a, Map.of(), 1, NOW), Reading.of("d1", b, Map.of(), 2, NOW)));
        assertEquals(List.of("x_total{driver=\"d1\",point=\"a\",} 1.0"), sampleLines());
        assertEquals(1, stats.collisions());
    }

    @Test
    void labelSetsThatSanitiseAlikeExportTheFirstOnly() {
        Point p = point("p", Quantity.POWER, "W", null, MetricType.GAUGE, Map.of());
        // "rack-id" sorts before "rack.id" ('-' < '.'), both become rack_id="1"
        store.publish(List.of(Reading.of("d1", p, Map.of("rack.id", "1"), 2, NOW),
                Reading.of("d1", p, Map.of("rack-id", "1"), 1, NOW)));
        assertEquals(List.of("esnode_sensor_power_watts{driver=\"d1\",point=\"p\",rack_id=\"1\",} 1.0"), sampleLines());
        assertEquals(1, stats.collisions());
    }

    @Test
    void reservedAndDuplicateLabelsAndReservedNamesAreRefused() {
        Point ok = point("ok", Quantity.POWER, "W", null, MetricType.GAUGE, Map.of("rack", "r1"));
        Point staticDriver = point("s1", Quantity.POWER, "W", null, MetricType.GAUGE, Map.of("driver", "x"));
        Point staticMeta = point("s2", Quantity.POWER, "W", null, MetricType.GAUGE, Map.of("__name__", "x"));
        Point pueName = point("s3", Quantity.OTHER, "", "esnode_pue_ratio", MetricType.GAUGE, Map.of());
        store.publish(List.of(
                Reading.of("d1", ok, Map.of(), 1, NOW),
                Reading.of("d1", ok, Map.of("point", "y"), 2, NOW),      // reserved run-time label
                Reading.of("d1", ok, Map.of("rack", "r2"), 3, NOW),      // repeats the static label
                Reading.of("d1", staticDriver, Map.of(), 4, NOW),
                Reading.of("d1", staticMeta, Map.of(), 5, NOW),
                Reading.of("d1", pueName, Map.of(), 6, NOW)));
        assertEquals(List.of("esnode_sensor_power_watts{driver=\"d1\",point=\"ok\",rack=\"r1\",} 1.0"), sampleLines());
        assertEquals(3, stats.errors(ExporterStats.RESERVED_LABEL));
        assertEquals(1, stats.errors(ExporterStats.DUPLICATE_LABEL));
        assertEquals(1, stats.errors(ExporterStats.RESERVED_NAME));
        assertEquals(0, stats.collisions());
    }

    @Test
    void tenThousandSeriesAllRender() {
        List<Reading> batch = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            TestDriver drv = driver("bulk" + d, "mqtt");
            drivers.add(drv, drv.properties());
            for (int p = 0; p < 10; p++) {
                Point pt = point("p" + p, Quantity.values()[p], "", null, MetricType.GAUGE, Map.of("site", "s"));
                for (int i = 0; i < 100; i++) {
                    batch.add(Reading.of(drv.id(), pt, Map.of("topic", "t/" + i), i, NOW));
                }
            }
        }
        store.publish(batch);
        String text = Exposition.text004(collector);
        // 10 drivers x 10 points x 100 topics = 10 000 samples; 10 quantities = 10 families of 2 comment lines each
        assertEquals(10_000 + 20, text.split("\n").length);
    }

    private List<String> sampleLines() {
        List<String> lines = new ArrayList<>();
        for (String l : Exposition.text004(collector).split("\n")) {
            if (!l.isEmpty() && !l.startsWith("#")) {
                lines.add(l);
            }
        }
        return lines;
    }
}
