package io.esnode.driver.mqtt.internal.codec;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the earlier agent's {@code mappings}: a comma list of {@code topic:sensor_type:unit:json_path[:scale]}.
 *
 * <p>Point name rule: the literal (non-wildcard) levels of the topic filter, then the members of the JSON path
 * (indices left out), joined with {@code _}; every character outside {@code [A-Za-z0-9_]} becomes {@code _}, runs
 * of {@code _} collapse, leading and trailing ones are dropped. {@code dc1/racks/+/temp_inlet} with {@code $.t}
 * becomes {@code dc1_racks_temp_inlet_t}. A name already taken gets {@code _2}, {@code _3} … in list order.
 * Every legacy mapping adds the concrete topic as run-time label {@code topic}, so one wildcard mapping gives one
 * series per matching topic.
 */
public final class LegacyMappingParser {

    private LegacyMappingParser() {
    }

    public static List<TopicMapping> parse(String mappings, Duration ttl) {
        return parse(mappings, ttl, Set.of());
    }

    /** As {@link #parse(String, Duration)}, avoiding the point names in {@code taken}. */
    public static List<TopicMapping> parse(String mappings, Duration ttl, Set<String> taken) {
        List<TopicMapping> out = new ArrayList<>();
        if (mappings == null || mappings.isBlank()) {
            return out;
        }
        Set<String> names = new HashSet<>(taken);
        for (String entry : mappings.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            out.add(parseOne(e, ttl, names));
        }
        return out;
    }

    private static TopicMapping parseOne(String entry, Duration ttl, Set<String> names) {
        String[] f = entry.split(":", -1);
        if (f.length != 4 && f.length != 5) {
            throw new IllegalArgumentException("mapping '" + entry
                    + "' is not topic:sensor_type:unit:json_path[:scale] (" + f.length + " fields)");
        }
        try {
            TopicFilter filter = TopicFilter.parse(f[0].trim());
            JsonPath path = JsonPath.parse(f[3]);
            double scale = 1.0;
            if (f.length == 5 && !f[4].isBlank()) {
                try {
                    scale = Double.parseDouble(f[4].trim());
                } catch (NumberFormatException nfe) {
                    throw new IllegalArgumentException("scale '" + f[4].trim() + "' is not a number");
                }
            }
            String name = unique(derivedName(filter, path), names);
            Point point = new Point(name, Quantity.parse(f[1]), f[2].trim(), null, MetricType.GAUGE, scale, 0.0,
                    Map.of(), PueRole.NONE, ttl);
            return new TopicMapping(point, filter, path, true);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("mapping '" + entry + "': " + ex.getMessage(), ex);
        }
    }

    static String derivedName(TopicFilter filter, JsonPath path) {
        List<String> parts = new ArrayList<>(filter.literalLevels());
        for (JsonPath.Segment s : path.segments()) {
            if (s.key() != null) {
                parts.add(s.key());
            }
        }
        String name = String.join("_", parts).replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no point name can be derived (no literal topic level or path member)");
        }
        return name;
    }

    private static String unique(String base, Set<String> names) {
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
