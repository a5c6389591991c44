package io.esnode.config.internal;

import java.util.Map;
import java.util.TreeSet;

/**
 * One configuration to put into Config Admin: a singleton ({@code name == null}, {@code pid} is the PID) or a
 * factory configuration ({@code pid} is the factory PID, {@code name} the configuration name). {@code line} is
 * where its section starts (0 for built-in defaults). {@link #toString()} names keys only: values may be secrets.
 */
public record ConfigEntry(String pid, String name, Map<String, Object> properties, int line) {

    public ConfigEntry {
        properties = Map.copyOf(properties);
    }

    public boolean isFactory() {
        return name != null;
    }

    public String hash() {
        return (String) properties.get(ConfigNames.HASH);
    }

    /** {@code factoryPid~name} or the PID, for log lines. */
    public String label() {
        return isFactory() ? pid + "~" + name : pid;
    }

    @Override
    public String toString() {
        return "ConfigEntry[" + label() + " line " + line + " keys=" + new TreeSet<>(properties.keySet()) + "]";
    }
}
