package io.esnode.config.internal;

/** A scalar: {@link String}, {@link Long}, {@link Double} or {@link Boolean}. */
public record TomlValue(Object value, int line, int column) implements TomlNode {

    @Override
    public String typeName() {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "integer";
        }
        if (value instanceof Double) {
            return "float";
        }
        return "boolean";
    }

    /** The value as an operator wrote it, for error messages: strings quoted, numbers and booleans bare. */
    public String display() {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Double d && (d.isInfinite() || d.isNaN())) {
            return d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf";
        }
        return String.valueOf(value);
    }
}
