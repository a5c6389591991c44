package io.esnode.metrics.internal;

import io.esnode.api.DriverStatus;
import io.esnode.api.util.RateLimitedLog;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code esnode_driver_*} families from each registered driver's {@link DriverStatus}. */
public final class DriverHealthCollector extends Collector {
    public static final String UP = "esnode_driver_up";
    public static final String LAST_SUCCESS = "esnode_driver_last_success_timestamp_seconds";
    public static final String ERRORS = "esnode_driver_errors";
    public static final String READINGS = "esnode_driver_readings";
    public static final String LATENCY = "esnode_driver_latency_seconds";

    private static final Logger LOG = LoggerFactory.getLogger(DriverHealthCollector.class);
    private static final List<String> DRIVER_PROTOCOL = List.of("driver", "protocol");
    private static final List<String> DRIVER_PROTOCOL_KIND = List.of("driver", "protocol", "kind");

    private final RegisteredDrivers drivers;
    private final ExporterStats stats;
    private final RateLimitedLog faults = new RateLimitedLog(60_000L);

    public DriverHealthCollector(RegisteredDrivers drivers, ExporterStats stats) {
        this.drivers = drivers;
        this.stats = stats;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> up = new ArrayList<>();
        List<MetricFamilySamples.Sample> lastSuccess = new ArrayList<>();
        List<MetricFamilySamples.Sample> errors = new ArrayList<>();
        List<MetricFamilySamples.Sample> readings = new ArrayList<>();
        List<MetricFamilySamples.Sample> latency = new ArrayList<>();
        for (RegisteredDrivers.Entry e : drivers.sorted()) {
            DriverStatus s = status(e);
            if (s == null) {
                up.add(sample(UP, ids(e, null), 0));
                continue;
            }
            List<String> ids = ids(e, s);
            up.add(sample(UP, ids, s.state() != null && s.state().isUp() ? 1 : 0));
            if (s.lastSuccessMillis() != 0) {
                lastSuccess.add(sample(LAST_SUCCESS, ids, s.lastSuccessMillis() / 1000.0));
            }
            Map<String, Long> byKind = new TreeMap<>(s.errorsByKind());
            // declared kinds start at 0, so rate() reads 0 on a healthy driver instead of "no data"
            e.declaredErrorKinds().forEach(k -> byKind.putIfAbsent(k, 0L));
            for (Map.Entry<String, Long> kind : byKind.entrySet()) {
                errors.add(new MetricFamilySamples.Sample(ERRORS + "_total", DRIVER_PROTOCOL_KIND,
                        List.of(ids.get(0), ids.get(1), MetricNames.labelValue(kind.getKey())), kind.getValue()));
            }
            readings.add(sample(READINGS + "_total", ids, s.readingsTotal()));
            latency.add(sample(LATENCY + "_count", ids, s.latencyCount()));
            latency.add(sample(LATENCY + "_sum", ids, s.latencySecondsSum()));
        }
        return List.of(
                new MetricFamilySamples(UP, Type.GAUGE, "1 when the driver reaches its device or broker", up),
                new MetricFamilySamples(LAST_SUCCESS, Type.GAUGE,
                        "Unix time of the driver's last good reading or poll", lastSuccess),
                new MetricFamilySamples(ERRORS, Type.COUNTER, "Driver errors by kind", errors),
                new MetricFamilySamples(READINGS, Type.COUNTER, "Good readings produced by the driver", readings),
                new MetricFamilySamples(LATENCY, "seconds", Type.SUMMARY, "Poll or message latency", latency));
    }

    private DriverStatus status(RegisteredDrivers.Entry e) {
        try {
            DriverStatus s = e.driver().status();
            if (s == null) {
                throw new IllegalStateException("status() returned null");
            }
            return s;
        } catch (RuntimeException | LinkageError ex) {
            stats.error(ExporterStats.DRIVER_STATUS);
            long suppressed = faults.allow(e.id());
            if (suppressed >= 0) {
                LOG.warn("driver {}: status() failed, exporting esnode_driver_up 0: {} ({} similar suppressed)",
                        e.id(), ex.toString(), suppressed);
            }
            return null;
        }
    }

    private static List<String> ids(RegisteredDrivers.Entry e, DriverStatus s) {
        return List.of(MetricNames.labelValue(e.id()), MetricNames.labelValue(protocol(e, s)));
    }

    private static String protocol(RegisteredDrivers.Entry e, DriverStatus s) {
        if (e.protocol() != null) {
            return e.protocol();
        }
        if (s != null && s.protocol() != null) {
            return s.protocol();
        }
        try {
            String p = e.driver().protocol();
            return p == null ? "" : p;
        } catch (RuntimeException ex) {
            return "";
        }
    }

    private static MetricFamilySamples.Sample sample(String name, List<String> values, double value) {
        return new MetricFamilySamples.Sample(name, DRIVER_PROTOCOL, values, value);
    }
}
