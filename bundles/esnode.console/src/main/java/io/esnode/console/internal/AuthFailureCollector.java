package io.esnode.console.internal;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@code esnode_console_auth_failures_total}: Web Console logins refused for wrong credentials. */
public final class AuthFailureCollector extends Collector {
    public static final String NAME = "esnode_console_auth_failures_total";
    private final AtomicLong failures;

    public AuthFailureCollector(AtomicLong failures) {
        this.failures = failures;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        return List.of(new CounterMetricFamily(NAME, "Web Console logins refused for wrong credentials",
                failures.get()));
    }
}
