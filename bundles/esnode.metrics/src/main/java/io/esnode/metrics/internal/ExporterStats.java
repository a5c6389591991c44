package io.esnode.metrics.internal;

import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** The exporter's own fault counters, exported as {@code esnode_exporter_*}. */
public final class ExporterStats extends Collector {
    public static final String COLLISIONS = "esnode_exporter_series_collisions";
    public static final String ERRORS = "esnode_exporter_errors";
    public static final String COLLECTOR_ERRORS = "esnode_exporter_collector_errors";

    /** Error kinds ({@code esnode_exporter_errors_total{kind}}). */
    public static final String DRIVER_STATUS = "driver_status";
    public static final String RESERVED_LABEL = "reserved_label";
    public static final String DUPLICATE_LABEL = "duplicate_label";
    public static final String RESERVED_NAME = "reserved_name";

    private final LongAdder collisions = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> collectorErrors = new ConcurrentSkipListMap<>();

    public void collision() {
        collisions.increment();
    }

    public void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public void collectorError(String collector) {
        collectorErrors.computeIfAbsent(collector, k -> new LongAdder()).increment();
    }

    public long collisions() {
        return collisions.sum();
    }

    public long errors(String kind) {
        LongAdder a = errors.get(kind);
        return a == null ? 0 : a.sum();
    }

    public long collectorErrors(String collector) {
        LongAdder a = collectorErrors.get(collector);
        return a == null ? 0 : a.sum();
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> out = new ArrayList<>(3);
        out.add(new MetricFamilySamples(COLLISIONS, Type.COUNTER,
                "Series left out because an earlier series had the same family and labels, or the family had another type",
                List.of(new MetricFamilySamples.Sample(COLLISIONS + "_total", List.of(), List.of(), collisions.sum()))));
        out.add(labelled(ERRORS, "kind", "Exporter faults by kind (a series refused, a driver status that failed)", errors));
        out.add(labelled(COLLECTOR_ERRORS, "collector", "Scrapes in which a collector threw; its families were left out",
                collectorErrors));
        return out;
    }

    private static MetricFamilySamples labelled(String name, String label, String help, Map<String, LongAdder> counts) {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(counts.size());
        List<String> names = List.of(label);
        counts.forEach((k, v) -> samples.add(new MetricFamilySamples.Sample(name + "_total", names, List.of(k), v.sum())));
        return new MetricFamilySamples(name, Type.COUNTER, help, samples);
    }
}
