package io.esnode.driver.mqtt.internal.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simple JSON path: {@code $.a.b[0]}, {@code a.b[0]}, {@code $['odd key'][2]}; empty or {@code $} is the whole
 * payload. Only member names and array indices, no filters or wildcards.
 */
public final class JsonPath {
    public static final JsonPath ROOT = new JsonPath("$", List.of());

    /** One step: a member name or an array index. */
    public record Segment(String key, int index) {
        static Segment key(String k) {
            return new Segment(k, -1);
        }

        static Segment index(int i) {
            return new Segment(null, i);
        }

        boolean isIndex() {
            return key == null;
        }
    }

    private final String text;
    private final List<Segment> segments;

    private JsonPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    public static JsonPath parse(String path) {
        String p = path == null ? "" : path.trim();
        if (p.isEmpty() || p.equals("$")) {
            return ROOT;
        }
        int i = 0;
        if (p.startsWith("$")) {
            i = 1;
        } else {
            p = "." + p; // "a.b" is read as "$.a.b"
            i = 0;
        }
        List<Segment> segs = new ArrayList<>();
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
                    i++;
                }
                if (i == start) {
                    throw invalid(path, "empty member name");
                }
                segs.add(Segment.key(p.substring(start, i)));
            } else if (c == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    throw invalid(path, "missing ']'");
                }
                String inner = p.substring(i + 1, close).trim();
                if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
                    segs.add(Segment.key(inner.substring(1, inner.length() - 1)));
                } else {
                    segs.add(Segment.index(parseIndex(path, inner)));
                }
                i = close + 1;
            } else {
                throw invalid(path, "unexpected '" + c + "'");
            }
        }
        return new JsonPath(path.trim(), segs);
    }

    private static int parseIndex(String path, String inner) {
        if (inner.isEmpty() || inner.length() > 9 || !inner.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw invalid(path, "array index '" + inner + "' is not a non-negative integer");
        }
        return Integer.parseInt(inner);
    }

    private static IllegalArgumentException invalid(String path, String why) {
        return new IllegalArgumentException("invalid JSON path '" + path + "': " + why);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The value at this path, or empty when a member or index is missing or the type does not fit. */
    public Optional<JsonValue> select(JsonValue root) {
        JsonValue cur = root;
        for (Segment s : segments) {
            if (s.isIndex()) {
                if (!(cur instanceof JsonValue.JsonArray a) || s.index() >= a.elements().size()) {
                    return Optional.empty();
                }
                cur = a.elements().get(s.index());
            } else {
                if (!(cur instanceof JsonValue.JsonObject o) || !o.members().containsKey(s.key())) {
                    return Optional.empty();
                }
                cur = o.members().get(s.key());
            }
        }
        return Optional.of(cur);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath other && other.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
