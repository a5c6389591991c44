package io.esnode.config.internal;

/** A parsed TOML value, table or array; every node remembers where it starts in the file (1-based). */
public sealed interface TomlNode permits TomlValue, TomlArray, TomlTable {
    int line();

    int column();

    /** The TOML type name used in error messages: string, integer, float, boolean, array or table. */
    String typeName();
}
