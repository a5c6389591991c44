package io.esnode.driver.mqtt.internal.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, small recursive-descent JSON parser (RFC 8259) with a nesting limit, so a hostile payload cannot
 * exhaust the stack of the MQTT callback thread.
 */
public final class JsonParser {
    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses one complete JSON document; trailing non-whitespace is an error. */
    public static JsonValue parse(String text) throws DecodeException {
        JsonParser p = new JsonParser(text);
        p.skipWhitespace();
        JsonValue v = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("unexpected trailing characters");
        }
        return v;
    }

    private JsonValue value(int depth) throws DecodeException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return new JsonValue.JsonString(string());
            case 't': literal("true"); return new JsonValue.JsonBoolean(true);
            case 'f': literal("false"); return new JsonValue.JsonBoolean(false);
            case 'n': literal("null"); return JsonValue.JsonNull.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return new JsonValue.JsonNumber(number());
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private JsonValue object(int depth) throws DecodeException {
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonValue.JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return new JsonValue.JsonObject(members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private JsonValue array(int depth) throws DecodeException {
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonValue.JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return new JsonValue.JsonArray(elements);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws DecodeException {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': sb.append(unicodeEscape()); break;
                default:
                    pos--;
                    throw error("invalid escape '\\" + e + "'");
            }
        }
    }

    private char unicodeEscape() throws DecodeException {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
                pos--;
                throw error("invalid \\u escape");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private String number() throws DecodeException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number: digit expected after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: digit expected in exponent");
            }
            digits();
        }
        return text.substring(start, pos);
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) throws DecodeException {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
    }

    private void expect(char c) throws DecodeException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() throws DecodeException {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private DecodeException error(String what) {
        return new DecodeException("not JSON: " + what + " at offset " + pos);
    }
}
