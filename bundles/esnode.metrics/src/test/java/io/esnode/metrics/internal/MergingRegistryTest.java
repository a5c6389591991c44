package io.esnode.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.Collector;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergingRegistryTest {
    private final ExporterStats stats = new ExporterStats();
    private final MergingRegistry registry = new MergingRegistry(stats);

    /** One family with one sample, as a PUE scope exports it. */
    static Collector family(String name, Collector.Type type, String scope, double value) {
        return new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return List.of(new MetricFamilySamples(name, type, "help of " + name, List.of(
                        new MetricFamilySamples.Sample(name, List.of("scope"), List.of(scope), value))));
            }
        };
    }

    private String fullScrape() throws Exception {
        StringWriter w = new StringWriter();
        TextFormat.write004(w, registry.metricFamilySamples());
        return w.toString();
    }

    /** The scrape without the exporter's own families, which the registry always adds last. */
    private String scrape() throws Exception {
        StringBuilder sb = new StringBuilder();
        fullScrape().lines().filter(l -> !l.contains("esnode_exporter_")).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    @Test
    void familiesOfSeveralCollectorsAreMergedAndSortedByName() throws Exception {
        registry.register(family("esnode_pue_ratio", Collector.Type.GAUGE, "site", 1.6));
        registry.register(family("esnode_pue_ratio", Collector.Type.GAUGE, "hall-1", 1.4));
        registry.register(family("a_first", Collector.Type.GAUGE, "x", 1));
        String text = scrape();
        // the order of the two scopes follows the registry's collector order, which is not defined
        List<String> lines = List.of(text.split("\n"));
        assertEquals(List.of("# HELP a_first help of a_first", "# TYPE a_first gauge", "a_first{scope=\"x\",} 1.0",
                "# HELP esnode_pue_ratio help of esnode_pue_ratio", "# TYPE esnode_pue_ratio gauge"), lines.subList(0, 5));
        assertEquals(Set.of("esnode_pue_ratio{scope=\"site\",} 1.6", "esnode_pue_ratio{scope=\"hall-1\",} 1.4"),
                Set.copyOf(lines.subList(5, 7)));
        assertEquals(7, lines.size());
        assertEquals(0, stats.collisions());
    }

    @Test
    void sameSeriesTwiceOrAnotherTypeIsLeftOutAndCounted() throws Exception {
        registry.register(family("esnode_pue_ratio", Collector.Type.GAUGE, "site", 1.6));
        registry.register(family("esnode_pue_ratio", Collector.Type.GAUGE, "site", 1.6));
        assertEquals("# HELP esnode_pue_ratio help of esnode_pue_ratio\n# TYPE esnode_pue_ratio gauge\n"
                + "esnode_pue_ratio{scope=\"site\",} 1.6\n", scrape());
        assertEquals(1, stats.collisions());
        // the counter already includes the collision of the scrape that reports it
        assertEquals(List.of("esnode_exporter_series_collisions_total 2.0"), fullScrape().lines()
                .filter(l -> l.startsWith("esnode_exporter_series_collisions_total")).toList());
        assertEquals(2, stats.collisions());

        registry.clear();
        registry.register(family("x", Collector.Type.GAUGE, "a", 1));
        registry.register(family("x", Collector.Type.COUNTER, "a", 1));
        String text = scrape();
        // which one comes first depends on the registry's collector order
        String gauge = "# HELP x help of x\n# TYPE x gauge\nx{scope=\"a\",} 1.0\n";
        String counter = "# HELP x_total help of x\n# TYPE x_total counter\nx_total{scope=\"a\",} 1.0\n";
        assertEquals(true, text.equals(gauge) || text.equals(counter), text);
        assertEquals(3, stats.collisions()); // 2 duplicate-series scrapes + 1 type conflict
    }
}
