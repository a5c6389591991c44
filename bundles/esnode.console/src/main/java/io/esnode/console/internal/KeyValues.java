package io.esnode.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the {@code key=value} arguments of {@code create} (and the lines of the console's form) into typed
 * configuration properties: whole numbers become Integer (Long when too big), decimals Double, true/false Boolean,
 * anything else (or a value in double quotes) String. A key given several times, and always {@code points} and
 * {@code topics}, becomes a String[].
 */
public final class KeyValues {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final List<String> ALWAYS_ARRAYS = List.of("points", "topics");
    /** Keys the console sets itself. */
    private static final List<String> RESERVED = List.of("id", "service.pid", "service.factoryPid",
            "service.bundleLocation", "esnode.config.source", "esnode.config.hash", ConsoleNames.RESTART_KEY);

    private KeyValues() {
    }

    /** @throws IllegalArgumentException naming the bad argument */
    public static Map<String, Object> parse(List<String> arguments) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (String argument : arguments) {
            String a = argument.strip();
            if (a.isEmpty() || a.startsWith("#")) {
                continue;
            }
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + safe(a) + "'");
            }
            String key = a.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("invalid key '" + key + "' (letters, digits, _ . -)");
            }
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("key '" + key + "' is set by the console, not by hand");
            }
            raw.computeIfAbsent(key, k -> new ArrayList<>()).add(a.substring(eq + 1).strip());
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        raw.forEach((key, values) -> {
            if (values.size() > 1 || ALWAYS_ARRAYS.contains(key)) {
                typed.put(key, values.stream().map(KeyValues::unquote).toArray(String[]::new));
            } else {
                typed.put(key, type(values.get(0)));
            }
        });
        return typed;
    }

    /** One value typed as described in the class comment. */
    public static Object type(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        if (INTEGER.matcher(value).matches()) {
            long l = Long.parseLong(value);
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return Integer.valueOf((int) l);
            }
            return Long.valueOf(l);
        }
        if (DECIMAL.matcher(value).matches()) {
            return Double.valueOf(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        return value;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** An argument without '=' may be a mistyped secret: show only its start. */
    private static String safe(String argument) {
        return argument.length() <= 3 ? argument : argument.substring(0, 3) + "…";
    }
}
