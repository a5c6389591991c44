package io.esnode.driver.mqtt.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

    @ParameterizedTest
    @CsvSource({
        "a/b/c, a/b/c, true",
        "a/b/c, a/b, false",
        "a/b, a/b/c, false",
        "a/+/c, a/x/c, true",
        "a/+/c, a/x/y/c, false",
        "a/+, a/, true",
        "a/+, a, false",
        "+/+, a/b, true",
        "a/#, a, true",
        "a/#, a/b/c/d, true",
        "a/#, ab, false",
        "#, a/b, true",
        "#, $SYS/broker, false",
        "+/monitor, $SYS/monitor, false",
        "$SYS/#, $SYS/broker/load, true",
        "a/b, A/b, false"})
    void matchesLikeMqtt(String filter, String topic, boolean matches) {
        assertEquals(matches, TopicFilter.parse(filter).match(topic).isPresent());
    }

    @Test
    void capturesNamedLevels() {
        TopicFilter f = TopicFilter.parse("dc1/{room}/racks/{rack}/#");
        assertEquals("dc1/+/racks/+/#", f.subscription());
        assertEquals(Optional.of(Map.of("room", "hall", "rack", "r7")), f.match("dc1/hall/racks/r7/temp/inlet"));
        assertEquals(Optional.empty(), f.match("dc2/hall/racks/r7/temp"));
        assertEquals(List.of("dc1", "racks"), f.literalLevels());
    }

    @Test
    void filterWithoutCapturesGivesNoLabels() {
        assertEquals(Optional.of(Map.of()), TopicFilter.parse("a/+/c").match("a/b/c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/#/b", "a/b#", "a+/b", "a/{}/b", "a/{1x}", "a/{x}{y}", "a/{driver}",
        "a/{point}", "a/{topic}", "a/{x}/{x}", "a/{__x}", "a/x{y}"})
    void rejectsInvalidFilters(String filter) {
        assertThrows(IllegalArgumentException.class, () -> TopicFilter.parse(filter));
    }

    @Test
    void rejectionNamesTheFilter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicFilter.parse("a/#/b"));
        assertEquals("invalid topic filter 'a/#/b': '#' must be the last level", e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicFilter.parse("a/{driver}"))
                .getMessage().contains("reserved"));
    }
}
