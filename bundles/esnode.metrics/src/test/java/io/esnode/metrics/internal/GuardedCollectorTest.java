package io.esnode.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedCollectorTest {
    private final ExporterStats stats = new ExporterStats();

    /** Fails on every second scrape. */
    static final class Flaky extends Collector {
        int calls;

        @Override
        public List<MetricFamilySamples> collect() {
            if (++calls % 2 == 0) {
                throw new IllegalStateException("even call");
            }
            return List.of(new MetricFamilySamples("flaky", Type.GAUGE, "h",
                    List.of(new MetricFamilySamples.Sample("flaky", List.of(), List.of(), calls))));
        }
    }

    @Test
    void failureLeavesFamiliesOutAndIsCounted() {
        GuardedCollector guarded = new GuardedCollector("flaky", new Flaky(), stats);
        assertEquals("# HELP flaky h\n# TYPE flaky gauge\nflaky 1.0\n", Exposition.text004(guarded));
        assertEquals("", Exposition.text004(guarded));
        assertEquals("# HELP flaky h\n# TYPE flaky gauge\nflaky 3.0\n", Exposition.text004(guarded));
        assertEquals("", Exposition.text004(guarded));
        assertEquals(2, stats.collectorErrors("flaky"));
        assertEquals(""
                + "# HELP esnode_exporter_series_collisions_total Series left out because an earlier series had the same family and labels, or the family had another type\n"
                + "# TYPE esnode_exporter_series_collisions_total counter\n"
                + "esnode_exporter_series_collisions_total 0.0\n"
                + "# HELP esnode_exporter_errors_total Exporter faults by kind (a series refused, a driver status that failed)\n"
                + "# TYPE esnode_exporter_errors_total counter\n"
                + "# HELP esnode_exporter_collector_errors_total Scrapes in which a collector threw; its families were left out\n"
                + "# TYPE esnode_exporter_collector_errors_total counter\n"
                + "esnode_exporter_collector_errors_total{collector=\"flaky\",} 2.0\n",
                Exposition.text004(stats));
    }

    @Test
    void foreignFamilyThatWouldBreakTheWriterIsLeftOut() {
        List<String> nullValue = new java.util.ArrayList<>();
        nullValue.add(null);
        Collector sloppy = new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return List.of(
                        new MetricFamilySamples("bad", Type.GAUGE, "h",
                                List.of(new MetricFamilySamples.Sample("bad", List.of("scope"), nullValue, 1))),
                        new MetricFamilySamples("short", Type.GAUGE, "h",
                                List.of(new MetricFamilySamples.Sample("short", List.of("a", "b"), List.of("x"), 1))),
                        new MetricFamilySamples("good", Type.GAUGE, "h",
                                List.of(new MetricFamilySamples.Sample("good", List.of("scope"), List.of("site"), 2))));
            }
        };
        assertEquals("# HELP good h\n# TYPE good gauge\ngood{scope=\"site\",} 2.0\n",
                Exposition.text004(new GuardedCollector("sloppy", sloppy, stats, true)));
        assertEquals(2, stats.collectorErrors("sloppy"));
    }

    @Test
    void nullResultIsAnEmptyScrape() {
        Collector nulls = new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return null;
            }
        };
        assertEquals("", Exposition.text004(new GuardedCollector("nulls", nulls, stats)));
        assertEquals(0, stats.collectorErrors("nulls"));
    }
}
