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
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
