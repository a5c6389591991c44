package io.esnode.config.internal;

import io.esnode.api.util.PointSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code [[drivers]]} table to the properties of factory PID {@code esnode.driver.<protocol>}: the legacy
 * {@code [drivers.params]} strings and the structured typed keys side by side, {@code [[drivers.points]]} as the
 * String[] {@code points} of {@link PointSpec}s.
 */
final class DriverSectionMapper {
    static final List<String> PROTOCOLS = List.of("dnp3", "modbus", "mqtt", "snmp");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> NOT_PROPERTIES = Set.of("protocol", "id", "enabled", "params", "points");

    private final ValueConverter values;
    private final Map<String, Integer> idLines = new HashMap<>();

    DriverSectionMapper(ValueConverter values) {
        this.values = values;
    }

    /** The driver's protocol and properties (without the source/hash markers). */
    Map.Entry<String, Map<String, Object>> map(TomlTable driver) throws TomlException {
        String protocol = values.requiredIdentifier(driver, "protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw values.error(driver.get("protocol"), driver.keyPath("protocol"), "unknown protocol \"" + protocol
                    + "\" (known: " + String.join(", ", PROTOCOLS) + ")");
        }
        String id = values.requiredIdentifier(driver, "id");
        TomlNode idNode = driver.get("id");
        if (!ID.matcher(id).matches()) {
            throw values.error(idNode, driver.keyPath("id"), "invalid id \"" + id
                    + "\" (use letters, digits, \"_\", \".\" and \"-\")");
        }
        Integer firstLine = idLines.putIfAbsent(id, idNode.line());
        if (firstLine != null) {
            throw values.error(idNode, driver.keyPath("id"), "duplicate driver id \"" + id
                    + "\" (first defined at line " + firstLine + ")");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", id);
        for (Map.Entry<String, TomlNode> e : driver.entries().entrySet()) {
            if (!NOT_PROPERTIES.contains(e.getKey())) {
                put(props, e.getKey(), e.getValue(), driver.keyPath(e.getKey()));
            }
        }
        TomlNode params = driver.get("params");
        if (params != null) {
            legacyParams(params, driver.keyPath("params"), props);
        }
        TomlNode points = driver.get("points");
        if (points != null) {
            props.put("points", points(points, driver.keyPath("points")));
        }
        return Map.entry(protocol, props);
    }

    private void put(Map<String, Object> props, String key, TomlNode node, String path) throws TomlException {
        Object value = values.typed(node, path);
        if (key.equals("qos")) {
            values.checkIntegerRange(value, node, path, 0, 2);
        }
        props.put(key, value);
    }

    /** The earlier agent's schema: every param is a string, passed on under its own name. */
    private void legacyParams(TomlNode node, String path, Map<String, Object> props) throws TomlException {
        if (!(node instanceof TomlTable params)) {
            throw values.error(node, path, "expected a table ([drivers.params]), got " + ValueConverter.describe(node));
        }
        for (Map.Entry<String, TomlNode> e : params.entries().entrySet()) {
            String key = params.keyPath(e.getKey());
            TomlNode value = e.getValue();
            if (!(value instanceof TomlValue v && v.value() instanceof String)) {
                throw values.error(value, key, "expected a string (params are strings; write "
                        + (value instanceof TomlValue v ? "\"" + v.value() + "\"" : "the value in quotes")
                        + " or move the key into the driver table), got " + ValueConverter.describe(value));
            }
            if (props.containsKey(e.getKey()) || NOT_PROPERTIES.contains(e.getKey())) {
                throw values.error(value, key, "also set in the driver table");
            }
            put(props, e.getKey(), value, key);
        }
    }

    private String[] points(TomlNode node, String path) throws TomlException {
        if (!(node instanceof TomlArray array)) {
            throw values.error(node, path, "expected [[drivers.points]] tables or an array of point specs, got "
                    + ValueConverter.describe(node));
        }
        Map<String, Integer> nameLines = new HashMap<>();
        String[] specs = new String[array.items().size()];
        for (int i = 0; i < specs.length; i++) {
            TomlNode item = array.items().get(i);
            String itemPath = path + "[" + i + "]";
            String spec = pointSpec(item, itemPath);
            String name = PointSpec.parse(spec).get("name");
            if (name == null || name.isBlank()) {
                throw values.error(item, itemPath, "point has no name");
            }
            TomlNode nameNode = item instanceof TomlTable t ? t.get("name") : item;
            Integer first = nameLines.putIfAbsent(name, nameNode.line());
            if (first != null) {
                throw values.error(nameNode, item instanceof TomlTable ? itemPath + ".name" : itemPath,
                        "duplicate point name \"" + name + "\" (first defined at line " + first + ")");
            }
            specs[i] = spec;
        }
        return specs;
    }

    /** A point table in {@link PointSpec} form; a string is taken as a spec already. */
    private String pointSpec(TomlNode item, String path) throws TomlException {
        if (item instanceof TomlValue v && v.value() instanceof String) {
            String spec = values.string(v, path);
            try {
                PointSpec.parse(spec);
            } catch (IllegalArgumentException e) {
                // the parser's message would repeat the (resolved) text
                throw values.error(item, path, "invalid point spec (write key=value entries separated by \";\")");
            }
            return spec;
        }
        if (!(item instanceof TomlTable table)) {
            throw values.error(item, path, "expected a point table, got " + ValueConverter.describe(item));
        }
        Map<String, String> spec = new LinkedHashMap<>();
        for (Map.Entry<String, TomlNode> e : table.entries().entrySet()) {
            String key = table.keyPath(e.getKey());
            if ((e.getKey().equals("labels") || e.getKey().equals("label")) && e.getValue() instanceof TomlTable labels) {
                for (Map.Entry<String, TomlNode> l : labels.entries().entrySet()) {
                    spec.put("label." + l.getKey(), values.scalarText(l.getValue(), labels.keyPath(l.getKey())));
                }
            } else {
                spec.put(e.getKey(), values.scalarText(e.getValue(), key));
            }
        }
        return PointSpec.format(spec);
    }
}
