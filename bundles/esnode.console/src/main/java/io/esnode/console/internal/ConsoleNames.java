package io.esnode.console.internal;

import java.util.regex.Pattern;

/** PIDs, property names and markers the console shares with the rest of the gateway (docs/architecture.md). */
public final class ConsoleNames {
    public static final String DRIVER_FACTORY_PID_PREFIX = "esnode.driver.";
    /** Bumped by {@code restart}: any configuration change makes SCR deactivate and reactivate the driver. */
    public static final String RESTART_KEY = "esnode.restart";
    /** Bumped by {@code reload} on the loader's own configuration, which re-creates the loader: it re-reads at once. */
    public static final String RELOAD_KEY = "esnode.reload";
    public static final String LOADER_PID = "esnode.config";
    public static final String LOADER_COMPONENT = "io.esnode.config.ConfigFileLoader";
    /** Marker of configurations made from etc/esnode.toml by esnode.config. */
    public static final String CONFIG_SOURCE = "esnode.config.source";
    /**
     * Bundle location given to the configuration of a disabled driver. No bundle has it, so SCR no longer sees the
     * configuration and stops that one driver instance; the configuration itself (same PID) is kept.
     */
    public static final String DISABLED_LOCATION = "esnode:console:disabled";
    /** Multi-location binding: every bundle may receive the configuration (as esnode.config creates them). */
    public static final String ANY_LOCATION = "?";
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,62}");
    public static final String PUE_PID = "esnode.pue";

    private ConsoleNames() {
    }
}
