package io.esnode.metrics.internal;

import io.esnode.api.Point;
import io.esnode.api.Quantity;

/**
 * Makes names and label values safe for the exposition formats without regular expressions (this runs for every
 * sample of every scrape). Valid input is returned as the same instance.
 */
public final class MetricNames {
    public static final String SENSOR_PREFIX = "esnode_sensor_";
    private static final char REPLACEMENT = '\uFFFD';

    private MetricNames() {
    }

    /** Metric name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; invalid code points become {@code _}, a leading digit gets one. */
    public static String metricName(String name) {
        return sanitize(name, true);
    }

    /** Label name: {@code [a-zA-Z_][a-zA-Z0-9_]*}; invalid code points become {@code _}, a leading digit gets one. */
    public static String labelName(String name) {
        return sanitize(name, false);
    }

    /** The family name of a point: its {@code metric} key, else {@code esnode_sensor_<quantity>[_<base unit>]}. */
    public static String familyName(Point point) {
        if (point.metricName() != null) {
            return metricName(point.metricName());
        }
        Quantity q = point.quantity();
        return q.baseUnit().isEmpty() ? SENSOR_PREFIX + q.metricWord()
                : SENSOR_PREFIX + q.metricWord() + "_" + q.baseUnit();
    }

    /** A label value as valid UTF-16 (so it encodes to valid UTF-8): unpaired surrogates become U+FFFD. */
    public static String labelValue(String value) {
        if (value == null) {
            return "";
        }
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                i += 2;
            } else if (Character.isSurrogate(c)) {
                break;
            } else {
                i++;
            }
        }
        if (i == n) {
            return value;
        }
        StringBuilder sb = new StringBuilder(n).append(value, 0, i);
        while (i < n) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                sb.append(c).append(value.charAt(i + 1));
                i += 2;
            } else {
                sb.append(Character.isSurrogate(c) ? REPLACEMENT : c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String sanitize(String name, boolean colonAllowed) {
        if (name == null || name.isEmpty()) {
            return "_";
        }
        if (isValid(name, colonAllowed)) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length() + 1);
        if (isDigit(name.charAt(0))) {
            sb.append('_');
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            boolean ok = cp < 128 && (isLetter((char) cp) || isDigit((char) cp) || cp == '_' || (colonAllowed && cp == ':'));
            sb.append(ok ? (char) cp : '_');
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static boolean isValid(String name, boolean colonAllowed) {
        char first = name.charAt(0);
        if (!(isLetter(first) || first == '_' || (colonAllowed && first == ':'))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isLetter(c) || isDigit(c) || c == '_' || (colonAllowed && c == ':'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
