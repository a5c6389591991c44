package io.esnode.config;

import io.esnode.api.util.NamedThreads;
import io.esnode.config.internal.ConfigNames;
import io.prometheus.client.Collector;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Config Admin in step with {@code etc/esnode.toml}: polls the file on its own thread and applies each valid
 * version, touching only the configurations whose section changed. Registers its health as a {@link Collector}.
 */
@Component(immediate = true, configurationPid = ConfigNames.LOADER_PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ConfigFileLoader.Config.class)
public final class ConfigFileLoader {
    /** Framework property naming the file when the loader's configuration does not. */
    static final String FILE_PROPERTY = "esnode.config";
    static final String DEFAULT_FILE = "etc/esnode.toml";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileLoader.class);

    @ObjectClassDefinition(name = "ESNODE configuration file loader",
            description = "Turns the gateway's TOML file into Configuration Admin configurations and watches it.")
    public @interface Config {
        @AttributeDefinition(name = "File", required = false, description = "Path of the TOML file (relative to the "
                + "working directory). Empty: the framework property esnode.config, else etc/esnode.toml.")
        String file() default "";

        @AttributeDefinition(name = "Poll interval (s)", min = "0.05",
                description = "How often the file's size and modification time are checked.")
        double poll__interval() default 2.0;
    }

    private final ScheduledExecutorService scheduler;
    private final ServiceRegistration<Collector> collector;

    @Activate
    public ConfigFileLoader(@Reference(name = "configurationAdmin") ConfigurationAdmin cm, BundleContext context, Config config) {
        String fileName = fileName(config.file(), context.getProperty(FILE_PROPERTY));
        long intervalMillis = Math.max(50, Math.round(config.poll__interval() * 1000));
        LoaderStats stats = new LoaderStats();
        ConfigFileReloader reloader = new ConfigFileReloader(Path.of(fileName), fileName, cm, System::getenv, stats,
                System::currentTimeMillis);
        collector = context.registerService(Collector.class, new ConfigCollector(stats), new Hashtable<>());
        scheduler = NamedThreads.scheduler("esnode-config-loader", 1);
        scheduler.scheduleWithFixedDelay(() -> pollSafely(reloader), 0, intervalMillis, TimeUnit.MILLISECONDS);
        LOG.info("configuration loader started: file {} ({}), poll interval {} ms", fileName,
                Path.of(fileName).toAbsolutePath().normalize(), intervalMillis);
    }

    static String fileName(String configured, String frameworkProperty) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        if (frameworkProperty != null && !frameworkProperty.isBlank()) {
            return frameworkProperty.trim();
        }
        return DEFAULT_FILE;
    }

    /** A task that throws would never run again: the scheduler drops it. */
    private static void pollSafely(ConfigFileReloader reloader) {
        try {
            reloader.poll();
        } catch (RuntimeException e) {
            LOG.error("configuration loader failed; it keeps polling", e);
        }
    }

    @Deactivate
    void deactivate() {
        NamedThreads.shutdown(scheduler, 5_000);
        try {
            collector.unregister();
        } catch (IllegalStateException alreadyUnregistered) {
            // the framework already removed it while stopping the bundle
        }
        LOG.info("configuration loader stopped");
    }
}
