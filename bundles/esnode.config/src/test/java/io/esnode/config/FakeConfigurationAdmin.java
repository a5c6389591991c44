package io.esnode.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * An in-memory Config Admin with the semantics the loader relies on: {@code getFactoryConfiguration} names the
 * PID {@code factoryPid~name}, a configuration is listed only once it has properties, and it counts every update
 * and delete per PID; like Felix, a deleted configuration object refuses every further call. The real Felix
 * ConfigAdmin is exercised by the OSGi integration tests.
 */
final class FakeConfigurationAdmin implements ConfigurationAdmin {
    final Map<String, FakeConfiguration> configurations = new ConcurrentHashMap<>();
    final Map<String, Integer> updates = new ConcurrentHashMap<>();
    final List<String> deleted = Collections.synchronizedList(new ArrayList<>());
    volatile boolean failUpdates;

    /** PID to its properties (without service.pid / service.factoryPid), sorted, for assertions. */
    Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        configurations.forEach((pid, c) -> {
            if (c.properties != null) {
                Map<String, Object> props = new TreeMap<>();
                for (Enumeration<String> keys = c.properties.keys(); keys.hasMoreElements();) {
                    String k = keys.nextElement();
                    if (!k.equals("service.pid") && !k.equals("service.factoryPid")) {
                        props.put(k, c.properties.get(k));
                    }
                }
                out.put(pid, props);
            }
        });
        return out;
    }

    int totalUpdates() {
        return updates.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** What an operator does in the console: a configuration without the loader's marker. */
    void putForeign(String factoryPid, String name, Map<String, Object> props) throws IOException {
        getFactoryConfiguration(factoryPid, name, "?").update(new Hashtable<>(props));
        updates.remove(factoryPid + "~" + name);
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        return configurations.computeIfAbsent(factoryPid + "~" + name, pid -> new FakeConfiguration(pid, factoryPid));
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, null);
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, p -> new FakeConfiguration(p, null));
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        throw new UnsupportedOperationException("the loader names its factory configurations");
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        throw new UnsupportedOperationException("the loader names its factory configurations");
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter f = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<Configuration> found = new ArrayList<>();
        for (FakeConfiguration c : configurations.values()) {
            if (c.properties != null && (f == null || f.match(c.properties))) {
                found.add(c);
            }
        }
        return found.isEmpty() ? null : found.toArray(new Configuration[0]);
    }

    final class FakeConfiguration implements Configuration {
        private final String pid;
        private final String factoryPid;
        volatile Hashtable<String, Object> properties;
        private volatile boolean gone;

        FakeConfiguration(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        private void checkNotDeleted() {
            if (gone) {
                throw new IllegalStateException("Configuration " + pid + " deleted");
            }
        }

        @Override
        public String getPid() {
            checkNotDeleted();
            return pid;
        }

        @Override
        public String getFactoryPid() {
            checkNotDeleted();
            return factoryPid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            checkNotDeleted();
            return properties == null ? null : new Hashtable<>(properties);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> props) throws IOException {
            checkNotDeleted();
            if (failUpdates) {
                throw new IOException("disk full");
            }
            Hashtable<String, Object> copy = new Hashtable<>();
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                copy.put(k, props.get(k));
            }
            copy.put("service.pid", pid);
            if (factoryPid != null) {
                copy.put("service.factoryPid", factoryPid);
            }
            properties = copy;
            updates.merge(pid, 1, Integer::sum);
        }

        @Override
        public void delete() {
            checkNotDeleted();
            gone = true;
            configurations.remove(pid);
            deleted.add(pid);
        }

        @Override
        public void update() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> props) {
            throw new UnsupportedOperationException("the loader compares hashes itself");
        }

        @Override
        public void setBundleLocation(String location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getBundleLocation() {
            return "?";
        }

        @Override
        public long getChangeCount() {
            return updates.getOrDefault(pid, 0);
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException();
        }
    }
}
