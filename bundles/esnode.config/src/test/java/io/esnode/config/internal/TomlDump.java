package io.esnode.config.internal;

import java.util.Map;
import java.util.StringJoiner;

/** A compact, type-revealing rendering of a parse result: strings quoted, floats with a decimal point. */
final class TomlDump {
    private TomlDump() {
    }

    static String dump(TomlNode node) {
        if (node instanceof TomlValue v) {
            return v.value() instanceof String s ? quote(s) : String.valueOf(v.value());
        }
        if (node instanceof TomlArray a) {
            StringJoiner j = a.isArrayOfTables() ? new StringJoiner(", ", "[[", "]]") : new StringJoiner(", ", "[", "]");
            a.items().forEach(i -> j.add(dump(i)));
            return j.toString();
        }
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, TomlNode> e : ((TomlTable) node).entries().entrySet()) {
            String key = e.getKey().matches("[A-Za-z0-9_-]+") ? e.getKey() : quote(e.getKey());
            j.add(key + "=" + dump(e.getValue()));
        }
        return j.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
