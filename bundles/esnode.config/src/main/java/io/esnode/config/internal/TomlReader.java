package io.esnode.config.internal;

import java.util.regex.Pattern;

/** The character cursor under {@link TomlParser}: positions, whitespace, comments, strings and scalar tokens. */
final class TomlReader {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(0|[1-9](_?[0-9])*)");
    private static final Pattern HEX = Pattern.compile("0x[0-9A-Fa-f](_?[0-9A-Fa-f])*");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7](_?[0-7])*");
    private static final Pattern BINARY = Pattern.compile("0b[01](_?[01])*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(0|[1-9](_?[0-9])*)(\\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?");
    private static final Pattern DATE_OR_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\d{2}:\\d{2}.*");

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    TomlReader(String file, String text) {
        this.file = file;
        this.text = text;
        if (text.startsWith("\uFEFF")) {
            pos = 1;
            lineStart = 1;
        }
    }

    boolean eof() {
        return pos >= text.length();
    }

    char peek() {
        return peek(0);
    }

    char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    boolean startsWith(String s) {
        return text.startsWith(s, pos);
    }

    void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    void advance(int n) {
        for (int i = 0; i < n; i++) {
            advance();
        }
    }

    int line() {
        return line;
    }

    int column() {
        return pos - lineStart + 1;
    }

    boolean atNewline() {
        return peek() == '\n' || (peek() == '\r' && peek(1) == '\n');
    }

    void skipSpaces() {
        while (!eof() && (peek() == ' ' || peek() == '\t')) {
            advance();
        }
    }

    void skipComment() {
        if (peek() == '#') {
            while (!eof() && !atNewline()) {
                advance();
            }
        }
    }

    /** Skips spaces, comments and line breaks. */
    void skipBlank() {
        while (true) {
            skipSpaces();
            skipComment();
            if (atNewline()) {
                advance(peek() == '\r' ? 2 : 1);
            } else {
                return;
            }
        }
    }

    /** What the cursor is on, for "got …" in messages. */
    String describeHere() {
        if (eof()) {
            return "end of file";
        }
        if (atNewline()) {
            return "end of line";
        }
        char c = peek();
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "\"" + c + "\"";
    }

    TomlException error(String key, String message) {
        return new TomlException(file, line, column(), key, message);
    }

    TomlException error(int atLine, int atColumn, String key, String message) {
        return new TomlException(file, atLine, atColumn, key, message);
    }

    String bareKey(String key) throws TomlException {
        int start = pos;
        while (!eof() && isBareKeyChar(peek())) {
            advance();
        }
        if (pos == start) {
            throw error(key, "expected a key, got " + describeHere());
        }
        return text.substring(start, pos);
    }

    private static boolean isBareKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** A {@code "basic"} string; the cursor is on the opening quote. */
    String basicString(String key) throws TomlException {
        int startLine = line;
        int startColumn = column();
        advance();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof() || atNewline()) {
                throw error(startLine, startColumn, key, "unterminated string");
            }
            char c = peek();
            if (c == '"') {
                advance();
                return sb.toString();
            } else if (c == '\\') {
                escape(sb, key);
            } else {
                checkNotControl(c, key);
                sb.append(c);
                advance();
            }
        }
    }

    /** A {@code """multi-line basic"""} string; a line-ending backslash joins lines. */
    String multiLineBasicString(String key) throws TomlException {
        int startLine = line;
        int startColumn = column();
        advance(3);
        skipFirstNewline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof()) {
                throw error(startLine, startColumn, key, "unterminated multi-line string");
            }
            char c = peek();
            if (c == '"' && startsWith("\"\"\"")) {
                closeMultiLine('"', sb, key);
                return sb.toString();
            } else if (c == '\\' && lineEndingBackslash()) {
                advance();
                while (!eof() && (peek() == ' ' || peek() == '\t' || atNewline())) {
                    advance();
                }
            } else if (c == '\\') {
                escape(sb, key);
            } else if (atNewline()) {
                sb.append('\n');
                advance(c == '\r' ? 2 : 1);
            } else {
                checkNotControl(c, key);
                sb.append(c);
                advance();
            }
        }
    }

    /** A {@code 'literal'} string: no escapes. */
    String literalString(String key) throws TomlException {
        int startLine = line;
        int startColumn = column();
        advance();
        int start = pos;
        while (true) {
            if (eof() || atNewline()) {
                throw error(startLine, startColumn, key, "unterminated string");
            }
            char c = peek();
            if (c == '\'') {
                String s = text.substring(start, pos);
                advance();
                return s;
            }
            checkNotControl(c, key);
            advance();
        }
    }

    /** A {@code '''multi-line literal'''} string. */
    String multiLineLiteralString(String key) throws TomlException {
        int startLine = line;
        int startColumn = column();
        advance(3);
        skipFirstNewline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof()) {
                throw error(startLine, startColumn, key, "unterminated multi-line string");
            }
            char c = peek();
            if (c == '\'' && startsWith("'''")) {
                closeMultiLine('\'', sb, key);
                return sb.toString();
            } else if (atNewline()) {
                sb.append('\n');
                advance(c == '\r' ? 2 : 1);
            } else {
                checkNotControl(c, key);
                sb.append(c);
                advance();
            }
        }
    }

    private void skipFirstNewline() {
        if (atNewline()) {
            advance(peek() == '\r' ? 2 : 1);
        }
    }

    /** Up to two quotes may stand right before the closing three ({@code """a""""} is {@code a"}). */
    private void closeMultiLine(char quote, StringBuilder sb, String key) throws TomlException {
        int run = 0;
        while (peek(run) == quote) {
            run++;
        }
        if (run > 5) {
            throw error(key, "too many quotes at the end of a multi-line string");
        }
        sb.append(String.valueOf(quote).repeat(run - 3));
        advance(run);
    }

    private boolean lineEndingBackslash() {
        int i = pos + 1;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i >= text.length() || text.charAt(i) == '\n' || text.startsWith("\r\n", i);
    }

    private void checkNotControl(char c, String key) throws TomlException {
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            throw error(key, String.format("control character U+%04X in a string (write it as an escape)", (int) c));
        }
    }

    private void escape(StringBuilder sb, String key) throws TomlException {
        int escLine = line;
        int escColumn = column();
        advance();
        char c = eof() ? '\0' : peek();
        switch (c) {
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u', 'U' -> {
                int digits = c == 'u' ? 4 : 8;
                String hex = text.substring(pos + 1, Math.min(text.length(), pos + 1 + digits));
                if (hex.length() < digits || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                    throw error(escLine, escColumn, key, "\\" + c + " needs " + digits + " hex digits");
                }
                int cp = (int) Long.parseLong(hex, 16);
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw error(escLine, escColumn, key, "\\" + c + hex + " is not a Unicode scalar value");
                }
                sb.appendCodePoint(cp);
                advance(digits);
            }
            default -> throw error(escLine, escColumn, key, eof() || atNewline()
                    ? "incomplete escape at the end of the line" : "invalid escape \"\\" + c + "\"");
        }
        advance();
    }

    /** An unquoted value: boolean, integer or float. */
    TomlValue scalar(String key) throws TomlException {
        int startLine = line;
        int startColumn = column();
        int start = pos;
        while (!eof() && isTokenChar(peek())) {
            advance();
        }
        String token = text.substring(start, pos);
        if (token.isEmpty()) {
            throw error(key, "expected a value, got " + describeHere());
        }
        Object value = scalarValue(token, startLine, startColumn, key);
        return new TomlValue(value, startLine, startColumn);
    }

    private static boolean isTokenChar(char c) {
        return isBareKeyChar(c) || c == '+' || c == '.' || c == ':';
    }

    private Object scalarValue(String token, int atLine, int atColumn, String key) throws TomlException {
        switch (token) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan":
                return Double.NaN;
            default:
                break;
        }
        String digits = token.replace("_", "");
        try {
            if (DECIMAL.matcher(token).matches()) {
                return Long.parseLong(digits);
            }
            if (HEX.matcher(token).matches()) {
                return Long.parseLong(digits.substring(2), 16);
            }
            if (OCTAL.matcher(token).matches()) {
                return Long.parseLong(digits.substring(2), 8);
            }
            if (BINARY.matcher(token).matches()) {
                return Long.parseLong(digits.substring(2), 2);
            }
        } catch (NumberFormatException e) {
            throw error(atLine, atColumn, key, "integer " + token + " is out of range (64-bit signed)");
        }
        if (FLOAT.matcher(token).matches()) {
            return Double.parseDouble(digits);
        }
        if (DATE_OR_TIME.matcher(token).matches()) {
            throw error(atLine, atColumn, key, "dates and times are not supported; quote the value");
        }
        throw error(atLine, atColumn, key, "invalid value " + token + " (strings must be quoted)");
    }
}
