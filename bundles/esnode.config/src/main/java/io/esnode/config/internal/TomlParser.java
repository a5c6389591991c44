package io.esnode.config.internal;

import io.esnode.config.internal.TomlTable.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * A TOML 1.0 parser for operator-written files: tables, arrays of tables, dotted and quoted keys, all string
 * forms, integers, floats, booleans, arrays and inline tables (which, as in TOML 1.1, may span lines and end with
 * a comma). Dates and times are refused. The first error ends parsing with a {@link TomlException}.
 */
public final class TomlParser {
    private final TomlReader in;
    private final TomlTable root = new TomlTable("", Origin.ROOT, 1, 1);
    private TomlTable current = root;

    private record KeyPart(String name, int line, int column) {
    }

    private TomlParser(String file, String text) {
        this.in = new TomlReader(file, text);
    }

    /** Parses a whole document; {@code file} is only used in error messages. */
    public static TomlTable parse(String file, String text) throws TomlException {
        return new TomlParser(file, text).document();
    }

    private TomlTable document() throws TomlException {
        while (true) {
            in.skipBlank();
            if (in.eof()) {
                return root;
            }
            if (in.peek() == '[') {
                header();
            } else {
                keyValue(current);
            }
            endOfLine();
        }
    }

    private void endOfLine() throws TomlException {
        in.skipSpaces();
        in.skipComment();
        if (!in.eof() && !in.atNewline()) {
            throw in.error("", "expected the end of the line, got " + in.describeHere());
        }
    }

    private List<KeyPart> key(TomlTable table) throws TomlException {
        List<KeyPart> parts = new ArrayList<>();
        while (true) {
            in.skipSpaces();
            int line = in.line();
            int column = in.column();
            String soFar = pathOf(table, parts);
            String name;
            if (in.startsWith("\"\"\"") || in.startsWith("'''")) {
                throw in.error(soFar, "a multi-line string cannot be a key");
            } else if (in.peek() == '"') {
                name = in.basicString(soFar);
            } else if (in.peek() == '\'') {
                name = in.literalString(soFar);
            } else {
                name = in.bareKey(soFar);
            }
            parts.add(new KeyPart(name, line, column));
            in.skipSpaces();
            if (in.peek() != '.') {
                return parts;
            }
            in.advance();
        }
    }

    private static String pathOf(TomlTable table, List<KeyPart> parts) {
        String path = table.path();
        for (KeyPart p : parts) {
            path = TomlTable.join(path, p.name());
        }
        return path;
    }

    private void header() throws TomlException {
        int line = in.line();
        int column = in.column();
        boolean array = in.startsWith("[[");
        in.advance(array ? 2 : 1);
        List<KeyPart> parts = key(root);
        String close = array ? "]]" : "]";
        if (!in.startsWith(close)) {
            throw in.error(pathOf(root, parts), "expected \"" + close + "\" to close the table header, got "
                    + in.describeHere());
        }
        in.advance(close.length());
        TomlTable parent = root;
        for (KeyPart p : parts.subList(0, parts.size() - 1)) {
            parent = descendForHeader(parent, p);
        }
        KeyPart last = parts.get(parts.size() - 1);
        String path = parent.keyPath(last.name());
        TomlNode existing = parent.get(last.name());
        if (array) {
            TomlArray tables;
            if (existing == null) {
                tables = new TomlArray(true, line, column);
                parent.put(last.name(), tables);
            } else if (existing instanceof TomlArray a && a.isArrayOfTables()) {
                tables = a;
            } else {
                throw in.error(line, column, path, "already defined as " + article(existing) + " at line "
                        + existing.line());
            }
            current = new TomlTable(path + "[" + tables.items().size() + "]", Origin.ARRAY_ELEMENT, line, column);
            tables.add(current);
        } else if (existing == null) {
            current = new TomlTable(path, Origin.HEADER, line, column);
            parent.put(last.name(), current);
        } else if (existing instanceof TomlTable t && t.origin() == Origin.IMPLICIT) {
            t.defineByHeader(line, column);
            current = t;
        } else if (existing instanceof TomlTable) {
            throw in.error(line, column, path, "duplicate table (first defined at line " + existing.line() + ")");
        } else {
            throw in.error(line, column, path, "already defined as " + article(existing) + " at line "
                    + existing.line());
        }
    }

    private TomlTable descendForHeader(TomlTable parent, KeyPart part) throws TomlException {
        TomlNode existing = parent.get(part.name());
        String path = parent.keyPath(part.name());
        if (existing == null) {
            TomlTable t = new TomlTable(path, Origin.IMPLICIT, part.line(), part.column());
            parent.put(part.name(), t);
            return t;
        }
        if (existing instanceof TomlTable t) {
            if (t.isFrozen()) {
                throw in.error(part.line(), part.column(), path, "cannot extend the inline table defined at line "
                        + t.line());
            }
            return t;
        }
        if (existing instanceof TomlArray a && a.isArrayOfTables()) {
            return (TomlTable) a.items().get(a.items().size() - 1);
        }
        throw in.error(part.line(), part.column(), path, "already defined as " + article(existing) + " at line "
                + existing.line() + ", not a table");
    }

    private TomlTable descendForDottedKey(TomlTable parent, KeyPart part) throws TomlException {
        TomlNode existing = parent.get(part.name());
        String path = parent.keyPath(part.name());
        if (existing == null) {
            TomlTable t = new TomlTable(path, Origin.DOTTED, part.line(), part.column());
            parent.put(part.name(), t);
            return t;
        }
        if (existing instanceof TomlTable t && t.isFrozen()) {
            throw in.error(part.line(), part.column(), path, "cannot extend the inline table defined at line "
                    + t.line());
        }
        if (existing instanceof TomlTable t && t.origin() == Origin.DOTTED) {
            return t;
        }
        if (existing instanceof TomlTable t) {
            throw in.error(part.line(), part.column(), path, "cannot add keys with a dotted key to the table "
                    + "defined at line " + t.line());
        }
        throw in.error(part.line(), part.column(), path, "already defined as " + article(existing) + " at line "
                + existing.line() + ", not a table");
    }

    private void keyValue(TomlTable table) throws TomlException {
        List<KeyPart> parts = key(table);
        String path = pathOf(table, parts);
        if (in.peek() != '=') {
            throw in.error(path, "expected \"=\" after the key, got " + in.describeHere());
        }
        in.advance();
        in.skipSpaces();
        TomlNode value = value(path);
        TomlTable target = table;
        for (KeyPart p : parts.subList(0, parts.size() - 1)) {
            target = descendForDottedKey(target, p);
        }
        KeyPart last = parts.get(parts.size() - 1);
        TomlNode existing = target.get(last.name());
        if (existing != null) {
            throw in.error(last.line(), last.column(), path, "duplicate key (first defined at line "
                    + existing.line() + ")");
        }
        target.put(last.name(), value);
    }

    private TomlNode value(String path) throws TomlException {
        int line = in.line();
        int column = in.column();
        switch (in.peek()) {
            case '"':
                return new TomlValue(in.startsWith("\"\"\"") ? in.multiLineBasicString(path) : in.basicString(path),
                        line, column);
            case '\'':
                return new TomlValue(in.startsWith("'''") ? in.multiLineLiteralString(path) : in.literalString(path),
                        line, column);
            case '[':
                return array(path);
            case '{':
                return inlineTable(path);
            default:
                return in.scalar(path);
        }
    }

    private TomlArray array(String path) throws TomlException {
        TomlArray array = new TomlArray(false, in.line(), in.column());
        in.advance();
        while (true) {
            in.skipBlank();
            if (in.eof()) {
                throw in.error(array.line(), array.column(), path, "unterminated array");
            }
            if (in.peek() == ']') {
                in.advance();
                return array;
            }
            array.add(value(path + "[" + array.items().size() + "]"));
            in.skipBlank();
            if (in.eof()) {
                throw in.error(array.line(), array.column(), path, "unterminated array");
            }
            if (in.peek() == ',') {
                in.advance();
            } else if (in.peek() != ']') {
                throw in.error(path, "expected \",\" or \"]\" in the array, got " + in.describeHere());
            }
        }
    }

    private TomlTable inlineTable(String path) throws TomlException {
        TomlTable table = new TomlTable(path, Origin.INLINE, in.line(), in.column());
        in.advance();
        while (true) {
            in.skipBlank();
            if (in.eof()) {
                throw in.error(table.line(), table.column(), path, "unterminated inline table");
            }
            if (in.peek() == '}') {
                in.advance();
                table.freeze();
                return table;
            }
            keyValue(table);
            in.skipBlank();
            if (in.eof()) {
                throw in.error(table.line(), table.column(), path, "unterminated inline table");
            }
            if (in.peek() == ',') {
                in.advance();
            } else if (in.peek() != '}') {
                throw in.error(path, "expected \",\" or \"}\" in the inline table, got " + in.describeHere());
            }
        }
    }

    private static String article(TomlNode node) {
        String type = node.typeName();
        return (type.startsWith("a") || type.startsWith("i") ? "an " : "a ") + type;
    }
}
