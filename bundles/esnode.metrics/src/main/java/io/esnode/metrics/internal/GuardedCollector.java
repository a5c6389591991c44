package io.esnode.metrics.internal;

import io.esnode.api.util.RateLimitedLog;
import io.prometheus.client.Collector;
import io.prometheus.client.Predicate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a collector so that its failure leaves its families out of one scrape and counts
 * {@code esnode_exporter_collector_errors_total{collector}}, instead of breaking the whole scrape.
 */
public final class GuardedCollector extends Collector {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedCollector.class);
    
    private final String name;
    private final Collector delegate;
    private final ExporterStats stats;
    private final RateLimitedLog faults = new RateLimitedLog(60_000L);

    public GuardedCollector(String name, Collector delegate, ExporterStats stats) {
        this.name = name;
        this.delegate = delegate;
        this.stats = stats;
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
        try {
            List<MetricFamilySamples> result = delegate.collect(sampleNameFilter);
            return result == null ? List.of() : result;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            stats.collectorError(name);
            long suppressed = faults.allow(name);
            if (suppressed >= 0) {
                LOG.warn("collector {} failed, its families are left out of this scrape: {} ({} similar suppressed)",
                        name, e.toString(), suppressed);
            }
            return List.of();
        }
    }
}
