package io.esnode.driver.mqtt.internal.session;

import io.esnode.api.ErrorKind;
import io.esnode.api.Reading;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.mqtt.internal.codec.DecodeException;
import io.esnode.driver.mqtt.internal.codec.PayloadDecoder;
import io.esnode.driver.mqtt.internal.codec.TopicMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one message into readings: every mapping whose filter matches the topic reads its path from the payload.
 * A mapping that cannot decode the payload counts one {@code decode} error (logged at most once a minute per
 * point); the other mappings of the same message still produce their readings.
 */
public final class MessageMapper {
    private static final Logger LOG = LoggerFactory.getLogger(MessageMapper.class);

    private final String driverId;
    private final List<TopicMapping> mappings;
    private final StatusTracker status;
    private final RateLimitedLog rateLimit;

    public MessageMapper(String driverId, List<TopicMapping> mappings, StatusTracker status, RateLimitedLog rateLimit) {
        this.driverId = driverId;
        this.mappings = List.copyOf(mappings);
        this.status = status;
        this.rateLimit = rateLimit;
    }

    public List<Reading> map(String topic, byte[] payload, long receivedMillis) {
        List<Reading> readings = new ArrayList<>(2);
        PayloadDecoder decoder = null;
        for (TopicMapping m : mappings) {
            Optional<Map<String, String>> labels = m.labelsFor(topic);
            if (labels.isEmpty()) {
                continue;
            }
            if (decoder == null) {
                decoder = new PayloadDecoder(payload);
            }
            try {
                double raw = decoder.valueAt(m.path());
                readings.add(Reading.of(driverId, m.point(), labels.get(), raw, receivedMillis));
            } catch (DecodeException e) {
                String message = "point " + m.point().name() + ", topic " + topic + ": " + e.getMessage();
                status.error(ErrorKind.DECODE, message);
                long suppressed = rateLimit.allow("decode/" + m.point().name());
                if (suppressed >= 0) {
                    LOG.warn("MQTT driver {}: cannot decode {} ({} similar suppressed)", driverId, message, suppressed);
                }
            }
        }
        return readings;
    }
}
