package io.esnode.api.util;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A point as it travels through Config Admin: one string of {@code key=value} pairs separated by {@code ;}
 * ({@code \;} and {@code \\} escape), e.g. {@code name=inlet;quantity=temperature;unit=C;label.rack=r1;topic=a/b}.
 * Common keys become the {@link Point}; protocol keys (topic, path, address …) stay for the driver.
 */
public final class PointSpec {
    private final Map<String, String> values;

    private PointSpec(Map<String, String> values) {
        this.values = values;
    }

    public static PointSpec parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cur.append(text.charAt(++i));
            } else if (c == ';') {
                put(map, cur.toString(), text);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        put(map, cur.toString(), text);
        return new PointSpec(map);
    }

    private static void put(Map<String, String> map, String pair, String text) {
        if (pair.isBlank()) {
            return;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("point spec entry '" + pair.trim() + "' is not key=value in '" + text + "'");
        }
        map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }

    /** Writes a map back into the one-string form. */
    public static String format(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(escape(k)).append('=').append(escape(v));
        });
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;");
    }

    public String get(String key) {
        return values.get(key);
    }

    public String get(String key, String dflt) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? dflt : v;
    }

    public double getDouble(String key, double dflt) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("point '" + get("name", "?") + "': " + key + " '" + v + "' is not a number");
        }
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    /** Static labels: every {@code label.<name>=value} entry. */
    public Map<String, String> labels() {
        Map<String, String> labels = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("label.")) {
                labels.put(k.substring("label.".length()), v);
            }
        });
        return labels;
    }

    /** Builds the common part; {@code defaultTtl} applies when the spec sets no {@code ttl} (seconds). */
    public Point toPoint(Duration defaultTtl) {
        String name = get("name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("point spec has no name: " + format(values));
        }
        Quantity q = Quantity.parse(get("quantity", get("sensor_type", "other")));
        MetricType type = "counter".equals(get("type", "gauge").toLowerCase(Locale.ROOT)) ? MetricType.COUNTER
                : MetricType.GAUGE;
        String ttlText = get("ttl");
        Duration ttl = ttlText == null ? defaultTtl : Duration.ofMillis((long) (getDouble("ttl", 0) * 1000));
        return new Point(name, q, get("unit", ""), get("metric"), type, getDouble("scale", 1.0),
                getDouble("offset", 0.0), labels(), PueRole.parse(get("pue_role")), ttl);
    }
}
