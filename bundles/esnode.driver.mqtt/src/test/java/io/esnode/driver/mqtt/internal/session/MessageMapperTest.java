package io.esnode.driver.mqtt.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.esnode.api.ErrorKind;
import io.esnode.api.Reading;
import io.esnode.api.util.PointSpec;
import io.esnode.api.util.RateLimitedLog;
import io.esnode.api.util.StatusTracker;
import io.esnode.driver.mqtt.internal.codec.TopicMapping;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageMapperTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final StatusTracker status = new StatusTracker("d", "mqtt", "tcp://h:1", clock::get);
    private final RateLimitedLog rateLimit = new RateLimitedLog(60_000, clock::get);

    private MessageMapper mapper(String... specs) {
        List<TopicMapping> ms = java.util.Arrays.stream(specs)
                .map(s -> TopicMapping.fromSpec(PointSpec.parse(s), Duration.ofSeconds(60))).toList();
        return new MessageMapper("d", ms, status, rateLimit);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyMatchingMappingReadsItsPath() {
        MessageMapper m = mapper("name=t;topic=env/{room};path=t;quantity=temperature;unit=C",
                "name=h;topic=env/+;path=h;quantity=humidity;unit=%", "name=x;topic=other");
        List<Reading> rs = m.map("env/lab", utf8("{\"t\": 21.5, \"h\": \"40\"}"), 42L);
        assertEquals(2, rs.size());
        assertEquals("t", rs.get(0).point().name());
        assertEquals(21.5, rs.get(0).value());
        assertEquals(Map.of("room", "lab"), rs.get(0).labels());
        assertEquals(42L, rs.get(0).timestampMillis());
        assertEquals(40.0, rs.get(1).value());
        assertEquals(Map.of(), rs.get(1).labels());
        assertEquals(List.of(), m.map("unrelated/topic", utf8("1"), 42L));
    }

    @Test
    void aDecodeFailureCountsOnceAndTheOtherMappingsStillRead() {
        MessageMapper m = mapper("name=t;topic=env;path=t", "name=h;topic=env;path=h");
        List<Reading> rs = m.map("env", utf8("{\"h\": 55}"), 1L);
        assertEquals(1, rs.size());
        assertEquals(55.0, rs.get(0).value());
        assertEquals(1, status.errors(ErrorKind.DECODE));
        assertEquals("point t, topic env: path t not found", status.snapshot().lastError());
    }

    @Test
    void repeatedDecodeFailuresAreAllCountedButLoggedOncePerMinute() {
        MessageMapper m = mapper("name=t;topic=env;path=t");
        for (int i = 0; i < 5; i++) {
            m.map("env", utf8("garbage"), 1L);
        }
        assertEquals(5, status.errors(ErrorKind.DECODE));
        // the first was logged, the next four suppressed
        assertEquals(4, rateLimit.suppressedTotal());
        clock.addAndGet(60_000);
        assertEquals(4, rateLimit.allow("decode/t")); // a minute later the next is logged, with the count
    }
}
