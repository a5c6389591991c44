package io.esnode.config.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An array value ({@code [1, 2]}) or an array of tables ({@code [[drivers]]}). */
public final class TomlArray implements TomlNode {
    private final List<TomlNode> items = new ArrayList<>();
    private final boolean ofTables;
    private final int line;
    private final int column;

    TomlArray(boolean ofTables, int line, int column) {
        this.ofTables = ofTables;
        this.line = line;
        this.column = column;
    }

    void add(TomlNode node) {
        items.add(node);
    }

    public List<TomlNode> items() {
        return Collections.unmodifiableList(items);
    }

    /** True for {@code [[name]]} headers, false for inline arrays (even of inline tables). */
    public boolean isArrayOfTables() {
        return ofTables;
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
        return ofTables ? "array of tables" : "array";
    }
}
