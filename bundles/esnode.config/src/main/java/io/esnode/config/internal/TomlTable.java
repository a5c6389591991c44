package io.esnode.config.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table with its entries in file order and its path for messages ({@code drivers[1].params}). */
public final class TomlTable implements TomlNode {
    /** How a table came to exist; TOML allows defining a table once, and only some origins may be extended. */
    enum Origin { ROOT, HEADER, IMPLICIT, DOTTED, INLINE, ARRAY_ELEMENT }

    private final Map<String, TomlNode> entries = new LinkedHashMap<>();
    private final String path;
    private Origin origin;
    private boolean frozen;
    private int line;
    private int column;

    TomlTable(String path, Origin origin, int line, int column) {
        this.path = path;
        this.origin = origin;
        this.line = line;
        this.column = column;
    }

    public TomlNode get(String key) {
        return entries.get(key);
    }

    public Map<String, TomlNode> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The path of this table, empty for the document root. */
    public String path() {
        return path;
    }

    /** The path of one of this table's keys: {@code drivers[0].params.qos}. */
    public String keyPath(String key) {
        return join(path, key);
    }

    static String join(String path, String key) {
        String k = key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
        return path.isEmpty() ? k : path + "." + k;
    }

    void put(String key, TomlNode node) {
        entries.put(key, node);
    }

    Origin origin() {
        return origin;
    }

    /** An implicitly created table ({@code a} in {@code [a.b]}) becomes defined by its own later header. */
    void defineByHeader(int headerLine, int headerColumn) {
        origin = Origin.HEADER;
        line = headerLine;
        column = headerColumn;
    }

    boolean isFrozen() {
        return frozen;
    }

    /** Inline tables are complete when closed: neither headers nor dotted keys may add to them later. */
    void freeze() {
        frozen = true;
        for (TomlNode n : entries.values()) {
            if (n instanceof TomlTable t) {
                t.freeze();
            }
        }
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public int column() {
        return column;
    }

    @Override
    public String typeName() {
        return "table";
    }
}
