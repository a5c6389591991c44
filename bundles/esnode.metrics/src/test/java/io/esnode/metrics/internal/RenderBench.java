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
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: measures one full scrape render (collect + write 0.0.4 into a byte array) of 10 000 fresh readings,
 * against simpleclient's own TextFormat over 10 000 plain Gauge children of the same label shapes. Run with
 * {@code mvn -q -B -pl bundles/esnode.metrics -Desnode.bench=true -Dtest=RenderBench
 * -Dsurefire.failIfNoSpecifiedTests=false test}; results go to docs/bench-render.md.
 */
@EnabledIfSystemProperty(named = "esnode.bench", matches = "true")
class RenderBench {
    private static final int DRIVERS = 100;
    private static final int POINTS = 100;
    private static final int SERIES = DRIVERS * POINTS;
    private static final int WARMUP = 100;
    private static final int ITERATIONS = 200;
    private static final long NOW = 1_700_000_100_000L;
    /** Ten families: one quantity (and a unit it accepts) per point number modulo 10. */
    private static final Quantity[] QUANTITIES = {Quantity.TEMPERATURE, Quantity.HUMIDITY, Quantity.POWER,
            Quantity.ENERGY, Quantity.VOLTAGE, Quantity.CURRENT, Quantity.FREQUENCY, Quantity.PRESSURE, Quantity.FLOW,
            Quantity.OTHER};
    private static final String[] UNITS = {"C", "%", "W", "J", "V", "A", "Hz", "Pa", "m3/s", ""};

    @Test
    void renderTenThousandSeries() {
        List<String> rows = new ArrayList<>();
        rows.add("| render | series | output | median ms | p90 ms | p99 ms |");
        rows.add("|---|---:|---:|---:|---:|---:|");

        MetricsHandler handler = new MetricsHandler(readingsRegistry());
        rows.add(row("esnode: collect + ExpositionWriter 0.0.4 to byte[]", "bytes",
                () -> handler.render(ExpositionWriter.CONTENT_TYPE_004, null).length));
        rows.add(row("esnode: collect + ExpositionWriter OpenMetrics to byte[]", "bytes",
                () -> handler.render(ExpositionWriter.CONTENT_TYPE_OPENMETRICS_100, null).length));
        CollectorRegistry readings = readingsRegistry();
        rows.add(row("esnode: collect only (families listed, nothing written)", "samples", () -> {
            int samples = 0;
            for (var e = readings.metricFamilySamples(); e.hasMoreElements(); ) {
                samples += e.nextElement().samples.size();
            }
            return samples;
        }));
        CollectorRegistry gauges = gaugeRegistry();
        rows.add(row("baseline: simpleclient TextFormat.write004 of Gauge children to byte[]", "bytes",
                () -> simpleclient004(gauges).length));

        rows.forEach(System.out::println);
    }

    /** The exporter's registry with the readings collector over a store of {@value #SERIES} fresh readings. */
    private static CollectorRegistry readingsRegistry() {
        LatestReadingStore store = new LatestReadingStore();
        RegisteredDrivers drivers = new RegisteredDrivers();
        List<Reading> batch = new ArrayList<>(SERIES);
        for (int d = 0; d < DRIVERS; d++) {
            String id = String.format("drv%03d", d);
            TestDriver driver = new TestDriver(id, "mqtt", () -> new DriverStatus(id, "mqtt", "",
                    DriverState.CONNECTED, 0, "", 0, 0, Map.of(), 0, 0));
            drivers.add(driver, driver.properties());
            for (int p = 0; p < POINTS; p++) {
                // every driver has its own Point objects, as configured drivers do
                Point point = new Point(String.format("p%02d", p), QUANTITIES[p % 10], UNITS[p % 10], null,
                        MetricType.GAUGE, 1, 0, Map.of("site", "dc-1", "rack", "r" + (p % 20)), PueRole.NONE, null);
                batch.add(Reading.of(id, point, Map.of("topic", "site/" + id + "/" + p), d * 1000 + p + 0.5, NOW));
            }
        }
        store.publish(batch);
        ExporterStats stats = new ExporterStats();
        MergingRegistry registry = new MergingRegistry(stats);
        registry.register(new GuardedCollector("readings", new ReadingsCollector(store, drivers, stats, () -> NOW),
                stats));
        return registry;
    }

    /** {@value #SERIES} Gauge children with the same names, label names and values as the readings. */
    private static CollectorRegistry gaugeRegistry() {
        CollectorRegistry registry = new CollectorRegistry();
        Gauge[] gauges = new Gauge[10];
        for (int q = 0; q < 10; q++) {
            Point shapeOnly = Point.gauge("x", QUANTITIES[q], UNITS[q]);
            gauges[q] = Gauge.build().name(MetricNames.familyName(shapeOnly)).help("help")
                    .labelNames("driver", "point", "rack", "site", "topic").register(registry);
        }
        for (int d = 0; d < DRIVERS; d++) {
            String id = String.format("drv%03d", d);
            for (int p = 0; p < POINTS; p++) {
                gauges[p % 10].labels(id, String.format("p%02d", p), "r" + (p % 20), "dc-1", "site/" + id + "/" + p)
                        .set(d * 1000 + p + 0.5);
            }
        }
        return registry;
    }

    private static byte[] simpleclient004(CollectorRegistry registry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            TextFormat.write004(w, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Runs {@code render} {@value #WARMUP} times, then times it {@value #ITERATIONS} times. */
    private static String row(String name, String unit, IntSupplier render) {
        int size = 0;
        for (int i = 0; i < WARMUP; i++) {
            size = render.getAsInt();
        }
        double[] ms = new double[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            long t0 = System.nanoTime();
            int out = render.getAsInt();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            assertEquals(size, out, "every render of the same data has the same size");
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "| %s | %d | %d %s | %.1f | %.1f | %.1f |", name, SERIES, size, unit,
                ms[ITERATIONS / 2], ms[(int) Math.ceil(ITERATIONS * 0.9) - 1], ms[(int) Math.ceil(ITERATIONS * 0.99) - 1]);
    }
}
