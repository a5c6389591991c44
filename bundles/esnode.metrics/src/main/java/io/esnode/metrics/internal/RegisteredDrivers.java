package io.esnode.metrics.internal;

import io.esnode.api.Driver;
import io.esnode.api.ErrorKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link Driver} services currently registered, by driver id (service property, else {@link Driver#id()}). */
public final class RegisteredDrivers {

    /** One registered driver with the id, protocol and error kinds it was registered under. */
    public record Entry(String id, String protocol, Driver driver, List<String> declaredErrorKinds) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    public void add(Driver driver, Map<String, ?> properties) {
        String id = property(properties, Driver.DRIVER_ID);
        if (id == null) {
            try {
                id = driver.id();
            } catch (RuntimeException e) {
                return; // a driver that cannot name itself has no series to export either
            }
        }
        if (id == null) {
            return;
        }
        String protocol = property(properties, Driver.PROTOCOL);
        byId.put(id, new Entry(id, protocol, driver, kinds(properties)));
    }

    public void remove(Driver driver, Map<String, ?> properties) {
        byId.values().removeIf(e -> e.driver() == driver);
    }

    public boolean contains(String driverId) {
        return byId.containsKey(driverId);
    }

    /** The drivers ordered by id. */
    public List<Entry> sorted() {
        List<Entry> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(Entry::id));
        return list;
    }

    private static List<String> kinds(Map<String, ?> properties) {
        Object v = properties == null ? null : properties.get(ErrorKind.DECLARED_KINDS_PROPERTY);
        if (v instanceof String[] a) {
            return List.of(a);
        }
        return v instanceof String s && !s.isBlank() ? List.of(s.split("\\s*,\\s*")) : List.of();
    }

    private static String property(Map<String, ?> properties, String key) {
        Object v = properties == null ? null : properties.get(key);
        return v instanceof String && !((String) v).isBlank() ? (String) v : null;
    }
}
