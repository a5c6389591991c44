package io.esnode.metrics.internal;

import io.esnode.api.util.RateLimitedLog;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Predicate;
import io.prometheus.client.SampleNameFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry whose scrape output has each family once, sorted by name. Several collectors may export one family
 * (every PUE scope exports {@code esnode_pue_ratio}); printed twice, the family would make the whole scrape
 * unparseable, so their samples are merged. A family another collector already exports with a different type,
 * and a sample with the same name and labels as an earlier one, are left out and counted as collisions. The
 * exporter's own counters are collected last, so they include the faults of the scrape that reports them.
 */
public final class MergingRegistry extends CollectorRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(MergingRegistry.class);

    private final ExporterStats stats;
    private final RateLimitedLog faults = new RateLimitedLog(60_000L);

    public MergingRegistry(ExporterStats stats) {
        super(false);
        this.stats = stats;
    }

    @Override
    public Enumeration<MetricFamilySamples> metricFamilySamples() {
        return merge(super.metricFamilySamples(), null);
    }

    @Override
    public Enumeration<MetricFamilySamples> filteredMetricFamilySamples(Set<String> includedNames) {
        return filteredMetricFamilySamples(new SampleNameFilter.Builder().nameMustBeEqualTo(includedNames).build());
    }

    @Override
    public Enumeration<MetricFamilySamples> filteredMetricFamilySamples(Predicate<String> sampleNameFilter) {
        return merge(super.filteredMetricFamilySamples(sampleNameFilter), sampleNameFilter);
    }

    private Enumeration<MetricFamilySamples> merge(Enumeration<MetricFamilySamples> all,
                                                   Predicate<String> sampleNameFilter) {
        Map<String, MetricFamilySamples> byName = new TreeMap<>();
        while (all.hasMoreElements()) {
            add(byName, all.nextElement());
        }
        for (MetricFamilySamples f : stats.collect(sampleNameFilter)) {
            MetricFamilySamples kept = f.filter(sampleNameFilter);
            if (kept != null) {
                add(byName, kept);
            }
        }
        return Collections.enumeration(byName.values());
    }

    private void add(Map<String, MetricFamilySamples> byName, MetricFamilySamples f) {
        MetricFamilySamples earlier = byName.putIfAbsent(f.name, f);
        if (earlier == null) {
            return;
        }
        if (earlier.type != f.type) {
            conflict(f.name, "exported as " + earlier.type + " and as " + f.type + "; keeping the first");
            return;
        }
        byName.put(f.name, combine(earlier, f));
    }

    private MetricFamilySamples combine(MetricFamilySamples a, MetricFamilySamples b) {
        Set<List<Object>> seen = new HashSet<>(a.samples.size() * 2);
        List<Sample> samples = new ArrayList<>(a.samples.size() + b.samples.size());
        for (Sample s : a.samples) {
            seen.add(List.of(s.name, s.labelNames, s.labelValues));
            samples.add(s);
        }
        for (Sample s : b.samples) {
            if (seen.add(List.of(s.name, s.labelNames, s.labelValues))) {
                samples.add(s);
            } else {
                conflict(a.name, "two collectors export " + s.name + s.labelNames + "=" + s.labelValues
                        + "; keeping the first");
            }
        }
        return new MetricFamilySamples(a.name, a.unit, a.type, a.help, samples);
    }

    private void conflict(String family, String detail) {
        stats.collision();
        long suppressed = faults.allow(family);
        if (suppressed >= 0) {
            LOG.warn("metric {}: {} ({} similar suppressed)", family, detail, suppressed);
        }
    }
}
