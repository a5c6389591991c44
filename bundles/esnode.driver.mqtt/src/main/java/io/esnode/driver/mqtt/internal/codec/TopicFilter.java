package io.esnode.driver.mqtt.internal.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An MQTT topic filter with {@code +} and {@code #} wildcards (MQTT 3.1.1 / 5 section 4.7), extended with
 * {@code {name}} levels that match one level like {@code +} and capture it as run-time label {@code name}.
 */
public final class TopicFilter {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> RESERVED_LABELS = Set.of("driver", "point", "topic");

    private final String text;
    private final String[] levels;
    /** Capture name per level, null for a literal or plain wildcard level. */
    private final String[] captures;
    private final String subscription;

    private TopicFilter(String text, String[] levels, String[] captures) {
        this.text = text;
        this.levels = levels;
        this.captures = captures;
        String[] sub = levels.clone();
        for (int i = 0; i < sub.length; i++) {
            if (captures[i] != null) {
                sub[i] = "+";
            }
        }
        this.subscription = String.join("/", sub);
    }

    public static TopicFilter parse(String filter) {
        if (filter == null || filter.isEmpty()) {
            throw new IllegalArgumentException("topic filter is empty");
        }
        if (filter.indexOf('\0') >= 0) {
            throw invalid(filter, "contains a NUL character");
        }
        String[] levels = filter.split("/", -1);
        String[] captures = new String[levels.length];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals("#")) {
                if (i != levels.length - 1) {
                    throw invalid(filter, "'#' must be the last level");
                }
            } else if (level.startsWith("{") && level.endsWith("}") && level.length() > 2) {
                String name = level.substring(1, level.length() - 1);
                if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
                    throw invalid(filter, "'" + name + "' is not a valid label name");
                }
                if (RESERVED_LABELS.contains(name)) {
                    throw invalid(filter, "label name '" + name + "' is reserved");
                }
                if (seen.contains(name)) {
                    throw invalid(filter, "label '" + name + "' is captured twice");
                }
                seen.add(name);
                captures[i] = name;
            } else if (!level.equals("+") && (level.contains("+") || level.contains("#"))) {
                throw invalid(filter, "wildcards must fill a whole level");
            } else if (level.contains("{") || level.contains("}")) {
                throw invalid(filter, "a capture must fill a whole level, like {name}");
            }
        }
        return new TopicFilter(filter, levels, captures);
    }

    private static IllegalArgumentException invalid(String filter, String why) {
        return new IllegalArgumentException("invalid topic filter '" + filter + "': " + why);
    }

    /** The filter to subscribe to: captures replaced by {@code +}. */
    public String subscription() {
        return subscription;
    }

    /** The labels captured from {@code topic}, or empty when the topic does not match. */
    public Optional<Map<String, String>> match(String topic) {
        if (topic.isEmpty()) {
            return Optional.empty();
        }
        // MQTT 4.7.2: topics beginning with '$' are not matched by a filter starting with a wildcard
        boolean firstIsWildcard = levels[0].equals("+") || levels[0].equals("#") || captures[0] != null;
        if (topic.startsWith("$") && firstIsWildcard) {
            return Optional.empty();
        }
        Map<String, String> labels = null;
        int start = 0;
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.equals("#")) {
                return Optional.of(labels == null ? Map.of() : labels);  // also matches the parent level
            }
            if (start > topic.length()) {
                return Optional.empty();
            }
            int end = topic.indexOf('/', start);
            if (end < 0) {
                end = topic.length();
            }
            String part = topic.substring(start, end);
            if (captures[i] != null) {
                if (labels == null) {
                    labels = new LinkedHashMap<>();
                }
                labels.put(captures[i], part);
            } else if (!level.equals("+") && !level.equals(part)) {
                return Optional.empty();
            }
            start = end + 1;
        }
        // all levels consumed: the topic must be consumed too
        return start == topic.length() + 1 ? Optional.of(labels == null ? Map.of() : labels) : Optional.empty();
    }

    /** The literal (non-wildcard) levels, used to derive point names. */
    public List<String> literalLevels() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            if (captures[i] == null && !levels[i].equals("+") && !levels[i].equals("#")) {
                out.add(levels[i]);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicFilter f && f.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
