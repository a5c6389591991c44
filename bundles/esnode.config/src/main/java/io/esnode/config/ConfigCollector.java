package io.esnode.config;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;

/** The loader's health for /metrics, registered as a whiteboard {@link Collector} service. */
final class ConfigCollector extends Collector {
    static final String ERRORS = "esnode_config_errors";
    static final String VALID = "esnode_config_valid";
    static final String LAST_SUCCESS = "esnode_config_last_success_timestamp_seconds";
    static final String MANAGED = "esnode_config_configurations";

    private final LoaderStats stats;

    ConfigCollector(LoaderStats stats) {
        this.stats = stats;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return List.of(
                new CounterMetricFamily(ERRORS, "Reads of the configuration file that were not applied "
                        + "(syntax, validation, secret, I/O or Config Admin error)", stats.errors()),
                new GaugeMetricFamily(VALID, "1 when the last read of the configuration file was applied, else 0",
                        stats.valid() ? 1 : 0),
                new GaugeMetricFamily(LAST_SUCCESS, "When the configuration file was last applied (0 = never)",
                        stats.lastSuccessMillis() / 1000.0),
                new GaugeMetricFamily(MANAGED, "Configurations kept in Config Admin from the configuration file",
                        stats.managed()));
    }
}
