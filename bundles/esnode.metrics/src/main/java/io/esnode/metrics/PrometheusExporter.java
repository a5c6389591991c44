package io.esnode.metrics;

import io.esnode.api.Driver;
import io.esnode.api.ReadingStore;
import io.esnode.metrics.internal.BuildInfoCollector;
import io.esnode.metrics.internal.DriverHealthCollector;
import io.esnode.metrics.internal.ExporterStats;
import io.esnode.metrics.internal.GuardedCollector;
import io.esnode.metrics.internal.MergingRegistry;
import io.esnode.metrics.internal.MetricsServer;
import io.esnode.metrics.internal.ReadingsCollector;
import io.esnode.metrics.internal.RegisteredDrivers;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;
import io.prometheus.client.hotspot.VersionInfoExports;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} from a registry of its own: fresh readings of registered drivers, driver health, the
 * exporter's fault counters, build info, JVM metrics, and every whiteboard {@link Collector} service (PUE).
 */
@Component(configurationPid = PrometheusExporter.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = PrometheusExporter.Config.class)
public final class PrometheusExporter {
    public static final String PID = "esnode.metrics";
    /** Optional service property of a whiteboard collector: its name in {@code esnode_exporter_collector_errors_total}. */
    public static final String COLLECTOR_NAME = "esnode.collector.name";
    static final long BIND_RETRY_MILLIS = 5_000L;

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusExporter.class);

    @ObjectClassDefinition(name = "ESNODE Prometheus exporter",
            description = "HTTP endpoint serving /metrics in the Prometheus text and OpenMetrics formats")
    public @interface Config {
        @AttributeDefinition(name = "Bind address",
                description = "Address to listen on; 0.0.0.0 for all IPv4 interfaces, 127.0.0.1 for local scrapes only")
        String bind__address() default "0.0.0.0";

        @AttributeDefinition(name = "Port", description = "TCP port of /metrics", min = "0", max = "65535")
        int port() default 9100;
    }

    private final ExporterStats stats = new ExporterStats();
    private final CollectorRegistry registry = new MergingRegistry(stats);
    private final RegisteredDrivers drivers = new RegisteredDrivers();
    private final Map<Collector, GuardedCollector> whiteboard = new ConcurrentHashMap<>();

    @Reference
    private ReadingStore store;

    private MetricsServer server;

    public PrometheusExporter() {
    }

    PrometheusExporter(ReadingStore store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDriver(Driver driver, Map<String, Object> properties) {
        drivers.add(driver, properties);
    }

    void removeDriver(Driver driver, Map<String, Object> properties) {
        drivers.remove(driver, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCollector(Collector collector, Map<String, Object> properties) {
        Object name = properties == null ? null : properties.get(COLLECTOR_NAME);
        GuardedCollector guarded = new GuardedCollector(
                name instanceof String ? (String) name : collector.getClass().getName(), collector, stats, true);
        if (whiteboard.putIfAbsent(collector, guarded) == null) {
            registry.register(guarded);
        }
    }

    void removeCollector(Collector collector) {
        GuardedCollector guarded = whiteboard.remove(collector);
        if (guarded != null) {
            registry.unregister(guarded);
        }
    }

    @Activate
    void activate(Config config, BundleContext context) {
        start(config, context.getBundle().getVersion().toString());
    }

    void start(Config config, String version) {
        String address = config.bind__address() == null ? "" : config.bind__address().trim();
        if (address.isEmpty()) {
            throw new IllegalArgumentException(PID + ": bind_address must not be empty");
        }
        if (config.port() < 0 || config.port() > 65535) {
            throw new IllegalArgumentException(PID + ": port " + config.port() + " is not between 0 and 65535");
        }
        own("readings", new ReadingsCollector(store, drivers, stats, System::currentTimeMillis));
        own("driver_health", new DriverHealthCollector(drivers, stats));
        own("build_info", new BuildInfoCollector(version));
        registerJvmCollectors();
        server = new MetricsServer(address, config.port(), registry, BIND_RETRY_MILLIS);
        server.start();
        LOG.info("Prometheus exporter started: bind_address={} port={} version={}", address, config.port(), version);
    }

    /**
     * The collectors of simpleclient_hotspot's DefaultExports except MemoryAllocationExports: that one adds a GC
     * notification listener that is never removed, so every reactivation would leak one.
     */
    private void registerJvmCollectors() {
        own("jvm_standard", new StandardExports());
        own("jvm_memory_pools", new MemoryPoolsExports());
        own("jvm_buffer_pools", new BufferPoolsExports());
        own("jvm_gc", new GarbageCollectorExports());
        own("jvm_threads", new ThreadExports());
        own("jvm_classes", new ClassLoadingExports());
        own("jvm_version", new VersionInfoExports());
    }

    private void own(String name, Collector collector) {
        registry.register(new GuardedCollector(name, collector, stats));
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.stop();
            server = null;
        }
        LOG.info("Prometheus exporter stopped");
    }

    /** The port listened on, or -1 while not (yet) bound. */
    int boundPort() {
        return server == null ? -1 : server.boundPort();
    }
}
