package io.esnode.config.internal;

/**
 * A configuration error at a place in a file: {@code etc/esnode.toml:12:9: drivers[1].params.qos: expected an
 * integer 0..2, got "x"}. Messages never contain resolved secrets.
 */
public final class TomlException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String key;
    private final String detail;

    public TomlException(String file, int line, int column, String key, String detail) {
        super(format(file, line, column, key, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key == null ? "" : key;
        this.detail = detail;
    }

    private static String format(String file, int line, int column, String key, String detail) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (key != null && !key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(detail).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The dotted key path, empty when the error is not about one key. */
    public String key() {
        return key;
    }

    /** The message without the location. */
    public String detail() {
        return detail;
    }
}
