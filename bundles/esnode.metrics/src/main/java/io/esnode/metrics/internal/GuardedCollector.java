package io.esnode.metrics.internal;

import io.esnode.api.util.RateLimitedLog;
import io.prometheus.client.Collector;
import io.prometheus.client.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a collector so that its failure leaves its families out of one scrape and counts
 * {@code esnode_exporter_collector_errors_total{collector}}, instead of breaking the whole scrape. Families of
 * foreign (whiteboard) collectors are also checked for the nulls that would make the text writer throw later,
 * outside this guard.
 */
public final class GuardedCollector extends Collector {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedCollector.class);

    private final String name;
    private final Collector delegate;
    private final ExporterStats stats;
    private final boolean checkFamilies;
    private final RateLimitedLog faults = new RateLimitedLog(60_000L);

    /** A guard for the exporter's own collectors, whose families need no checking. */
    public GuardedCollector(String name, Collector delegate, ExporterStats stats) {
        this(name, delegate, stats, false);
    }

    public GuardedCollector(String name, Collector delegate, ExporterStats stats, boolean checkFamilies) {
        this.name = name;
        this.delegate = delegate;
        this.stats = stats;
        this.checkFamilies = checkFamilies;
    }

    public String name() {
        return name;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return collect(null);
    }

    @Override
    public List<MetricFamilySamples> collect(Predicate<String> sampleNameFilter) {
        List<MetricFamilySamples> result;
        try {
            result = delegate.collect(sampleNameFilter);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            fault("failed, its families are left out of this scrape: " + e);
            return List.of();
        }
        if (result == null) {
            return List.of();
        }
        return checkFamilies ? wellFormed(result) : result;
    }

    private List<MetricFamilySamples> wellFormed(List<MetricFamilySamples> families) {
        List<MetricFamilySamples> ok = new ArrayList<>(families.size());
        for (MetricFamilySamples f : families) {
            String problem = problem(f);
            if (problem == null) {
                ok.add(f);
            } else {
                fault("returned a family that cannot be written, left out: " + problem);
            }
        }
        return ok;
    }

    private static String problem(MetricFamilySamples f) {
        if (f == null || f.name == null || f.type == null || f.help == null || f.unit == null || f.samples == null) {
            return f == null ? "null family" : "family " + f.name + " has a null name, type, help, unit or samples";
        }
        for (MetricFamilySamples.Sample s : f.samples) {
            if (s == null || s.name == null || s.labelNames == null || s.labelValues == null
                    || s.labelNames.size() != s.labelValues.size() || hasNull(s.labelNames) || hasNull(s.labelValues)) {
                return "family " + f.name + " has a sample with a null or unmatched name, label or value";
            }
        }
        return null;
    }

    private static boolean hasNull(List<String> list) {
        for (String s : list) { // List.of(...).contains(null) would throw
            if (s == null) {
                return true;
            }
        }
        return false;
    }

    private void fault(String what) {
        stats.collectorError(name);
        long suppressed = faults.allow(name);
        if (suppressed >= 0) {
            LOG.warn("collector {} {} ({} similar suppressed)", name, what, suppressed);
        }
    }
}
