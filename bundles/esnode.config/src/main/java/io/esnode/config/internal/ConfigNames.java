package io.esnode.config.internal;

/** PIDs and property names shared by the mapper and the loader (docs/architecture.md, "Configuration Admin"). */
public final class ConfigNames {
    /** The absolute path of the file a configuration was made from; configurations without it are not ours. */
    public static final String SOURCE = "esnode.config.source";
    /** SHA-256 (hex) of a configuration's own properties, to detect unchanged sections. */
    public static final String HASH = "esnode.config.hash";
    public static final String METRICS_PID = "esnode.metrics";
    public static final String PUE_FACTORY_PID = "esnode.pue";
    public static final String DRIVER_FACTORY_PID_PREFIX = "esnode.driver.";
    /** The console's login settings (bundle esnode.console). */
    public static final String CONSOLE_PID = "esnode.console";
    /** Felix HTTP Jetty's own PID: the console's address and port. */
    public static final String HTTP_PID = "org.apache.felix.http";
    /** The loader's own singleton PID. */
    public static final String LOADER_PID = "esnode.config";

    private ConfigNames() {
    }
}
