package io.esnode.driver.mqtt.internal.codec;

import io.esnode.api.Point;
import io.esnode.api.util.PointSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How messages on a topic filter become readings of one point: the filter (with captures), the JSON path of the
 * value and whether the concrete topic is added as label {@code topic}.
 */
public record TopicMapping(Point point, TopicFilter filter, JsonPath path, boolean topicLabel) {
    public static final String TOPIC_LABEL = "topic";

    public TopicMapping {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(path, "path");
        for (String reserved : new String[] {"driver", "point"}) {
            if (point.labels().containsKey(reserved)) {
                throw new IllegalArgumentException("point '" + point.name() + "': label '" + reserved + "' is reserved");
            }
        }
    }

    /** Builds a mapping from a point spec with the MQTT keys {@code topic}, {@code path}, {@code topic_label}. */
    public static TopicMapping fromSpec(PointSpec spec, Duration defaultTtl) {
        Point point = spec.toPoint(defaultTtl);
        String topic = spec.get("topic");
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("point '" + point.name() + "' has no topic");
        }
        String topicLabel = spec.get("topic_label", "false").toLowerCase(Locale.ROOT);
        if (!topicLabel.equals("true") && !topicLabel.equals("false")) {
            throw new IllegalArgumentException("point '" + point.name() + "': topic_label must be true or false, not '"
                    + spec.get("topic_label") + "'");
        }
        try {
            return new TopicMapping(point, TopicFilter.parse(topic.trim()), JsonPath.parse(spec.get("path", "")),
                    topicLabel.equals("true"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("point '" + point.name() + "': " + e.getMessage(), e);
        }
    }

    /** The run-time labels of a message on {@code topic}, or empty when this mapping does not apply. */
    public Optional<Map<String, String>> labelsFor(String topic) {
        Optional<Map<String, String>> captured = filter.match(topic);
        if (captured.isEmpty() || !topicLabel) {
            return captured;
        }
        Map<String, String> labels = new TreeMap<>(captured.get());
        labels.put(TOPIC_LABEL, topic);
        return Optional.of(labels);
    }
}
