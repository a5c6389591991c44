package io.esnode.config.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns TOML nodes into Config Admin property values (String, Integer or Long, Double, Boolean and arrays of one
 * of them), resolving secrets in strings. Errors quote the value as written in the file, never a resolved secret.
 */
final class ValueConverter {
    private final String file;
    private final SecretResolver secrets;

    ValueConverter(String file, SecretResolver secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    TomlException error(TomlNode node, String key, String message) {
        return new TomlException(file, node.line(), node.column(), key, message);
    }

    /** A scalar or an array of scalars of one type. */
    Object typed(TomlNode node, String key) throws TomlException {
        if (node instanceof TomlValue v) {
            return scalar(v, key);
        }
        if (node instanceof TomlArray a) {
            return array(a, key);
        }
        throw error(node, key, "expected a value or an array, got a table");
    }

    private Object scalar(TomlValue v, String key) throws TomlException {
        if (v.value() instanceof String s) {
            return resolve(s, v, key);
        }
        if (v.value() instanceof Long l) {
            return narrow(l);
        }
        return v.value();
    }

    /** Integers that fit become Integer (what typed DS configuration and the console expect), others Long. */
    private static Object narrow(long l) {
        return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
    }

    private Object array(TomlArray array, String key) throws TomlException {
        List<Object> values = new ArrayList<>();
        String type = null;
        boolean allInts = true;
        for (int i = 0; i < array.items().size(); i++) {
            TomlNode item = array.items().get(i);
            String itemKey = key + "[" + i + "]";
            if (!(item instanceof TomlValue v)) {
                throw error(item, itemKey, "expected a value, got " + (item instanceof TomlTable ? "a table" : "an array")
                        + " (arrays here hold strings, numbers or booleans)");
            }
            if (type != null && !type.equals(v.typeName())) {
                throw error(item, itemKey, "expected " + type + " like the first element, got " + v.typeName()
                        + " " + v.display() + " (arrays hold one type)");
            }
            type = v.typeName();
            Object value = scalar(v, itemKey);
            allInts &= !(value instanceof Long);
            values.add(value);
        }
        if (type == null || type.equals("string")) {
            return values.toArray(new String[0]);
        }
        switch (type) {
            case "integer":
                if (allInts) {
                    return values.toArray(new Integer[0]);
                }
                return values.stream().map(o -> ((Number) o).longValue()).toArray(Long[]::new);
            case "float":
                return values.toArray(new Double[0]);
            default:
                return values.toArray(new Boolean[0]);
        }
    }

    /** A string value with secrets resolved. */
    String string(TomlNode node, String key) throws TomlException {
        if (node instanceof TomlValue v && v.value() instanceof String s) {
            return resolve(s, v, key);
        }
        throw error(node, key, "expected a string, got " + describe(node));
    }

    /** A string taken literally: identifiers such as protocol, id and scope. */
    String identifier(TomlNode node, String key) throws TomlException {
        if (node instanceof TomlValue v && v.value() instanceof String s) {
            return s;
        }
        throw error(node, key, "expected a string, got " + describe(node));
    }

    /** A required identifier of a table; a missing key is reported at the table's header. */
    String requiredIdentifier(TomlTable table, String key) throws TomlException {
        TomlNode node = table.get(key);
        if (node == null) {
            throw error(table, table.keyPath(key), "missing required key");
        }
        return identifier(node, table.keyPath(key));
    }

    /** Any scalar written as text, as point specs carry them. */
    String scalarText(TomlNode node, String key) throws TomlException {
        if (!(node instanceof TomlValue v)) {
            throw error(node, key, "expected a value, got " + describe(node));
        }
        return v.value() instanceof String s ? resolve(s, v, key) : String.valueOf(v.value());
    }

    /** One string or an array of strings. */
    String[] strings(TomlNode node, String key) throws TomlException {
        if (node instanceof TomlValue v && v.value() instanceof String) {
            return new String[] {string(v, key)};
        }
        if (node instanceof TomlArray a) {
            String[] out = new String[a.items().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = string(a.items().get(i), key + "[" + i + "]");
            }
            return out;
        }
        throw error(node, key, "expected a string or an array of strings, got " + describe(node));
    }

    /** {@code enabled = false} switches a section off; absent means on. */
    boolean enabled(TomlTable table) throws TomlException {
        TomlNode node = table.get("enabled");
        if (node == null) {
            return true;
        }
        if (node instanceof TomlValue v && v.value() instanceof Boolean b) {
            return b;
        }
        throw error(node, table.keyPath("enabled"), "expected true or false, got " + describe(node));
    }

    /** An integer in a range; legacy string values such as {@code "1"} are accepted and stay strings. */
    void checkIntegerRange(Object value, TomlNode node, String key, int min, int max) throws TomlException {
        long n;
        if (value instanceof Integer i) {
            n = i;
        } else if (value instanceof String s && s.trim().matches("-?[0-9]{1,9}")) {
            n = Long.parseLong(s.trim());
        } else {
            n = Long.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw error(node, key, "expected an integer " + min + ".." + max + ", got " + describe(node));
        }
    }

    static String describe(TomlNode node) {
        if (node instanceof TomlValue v) {
            return v.display();
        }
        return node instanceof TomlTable ? "a table" : "an array";
    }

    private String resolve(String text, TomlValue at, String key) throws TomlException {
        try {
            return secrets.resolve(text);
        } catch (SecretResolver.SecretException e) {
            throw error(at, key, e.getMessage());
        }
    }
}
