package io.esnode.api.util;

import java.util.Locale;

/**
 * Typed values out of configuration text, failing with a message that names the owner, the key and the value as
 * written: {@code MQTT driver d1: qos '7' is invalid: must be an integer from 0 to 2}. Never pass a secret's value.
 */
public final class ConfigText {

    private ConfigText() {
    }

    public static IllegalArgumentException invalid(String owner, String key, String value, String why) {
        return new IllegalArgumentException(owner + ": " + key + " '" + value + "' is invalid: " + why);
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static int integer(String owner, String key, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw invalid(owner, key, value, "must be an integer from " + min + " to " + max);
    }

    /** A number of seconds with {@code min <= v < max} ({@code min} exclusive when {@code minExclusive}). */
    public static double seconds(String owner, String key, String value, double min, boolean minExclusive, double max,
                                 String rule) {
        try {
            double v = Double.parseDouble(value.trim());
            if ((minExclusive ? v > min : v >= min) && v < max) {
                return v;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw invalid(owner, key, value, rule);
    }

    public static double positiveSeconds(String owner, String key, String value) {
        return seconds(owner, key, value, 0, true, 1e7, "must be a positive number of seconds");
    }

    public static boolean bool(String owner, String key, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw invalid(owner, key, value, "must be true or false");
    }
}
