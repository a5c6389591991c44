package io.esnode.metrics.internal;

import io.prometheus.client.Collector;
import java.util.List;

/** {@code esnode_build_info{version} 1}. */
public final class BuildInfoCollector extends Collector {
    public static final String NAME = "esnode_build_info";
    private final List<MetricFamilySamples> families;

    public BuildInfoCollector(String version) {
        families = List.of(new MetricFamilySamples(NAME, Type.GAUGE, "ESNODE Gateway build; the value is always 1",
                List.of(new MetricFamilySamples.Sample(NAME, List.of("version"), List.of(MetricNames.labelValue(version)), 1))));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return families;
    }
}
