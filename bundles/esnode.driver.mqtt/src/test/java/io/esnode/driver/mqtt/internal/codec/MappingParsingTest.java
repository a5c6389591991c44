package io.esnode.driver.mqtt.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import io.esnode.api.util.PointSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Point specs with the MQTT keys and the earlier agent's legacy mapping list. */
class MappingParsingTest {
    private static final Duration TTL = Duration.ofSeconds(60);

    @Test
    void pointSpecWithTopicPathCapturesAndTopicLabel() {
        TopicMapping m = TopicMapping.fromSpec(PointSpec.parse(
                "name=inlet;topic=dc1/{rack}/env;path=$.t[0];quantity=temperature;unit=C;scale=0.1;offset=1;"
                        + "topic_label=true;label.site=dc1;pue_role=none"), TTL);
        assertEquals("inlet", m.point().name());
        assertEquals(Map.of("site", "dc1"), m.point().labels());
        assertEquals(PueRole.NONE, m.point().pueRole());
        assertEquals(TTL, m.point().ttl());
        assertEquals("dc1/+/env", m.filter().subscription());
        assertEquals(JsonPath.parse("t[0]"), m.path());
        assertEquals(Optional.of(Map.of("rack", "r1", "topic", "dc1/r1/env")), m.labelsFor("dc1/r1/env"));
        // 23.5 * 0.1 + 1 = 3.35
        assertEquals(3.35, m.point().toBaseUnits(23.5), 1e-12);
    }

    @Test
    void pointSpecTtlOverridesTheDefault() {
        TopicMapping m = TopicMapping.fromSpec(PointSpec.parse("name=p;topic=a;ttl=5"), TTL);
        assertEquals(Duration.ofSeconds(5), m.point().ttl());
        assertFalse(m.topicLabel());
        assertTrue(m.path().isRoot());
    }

    @Test
    void pointSpecErrorsNameThePoint() {
        assertEquals("point 'p' has no topic",
                assertThrows(IllegalArgumentException.class,
                        () -> TopicMapping.fromSpec(PointSpec.parse("name=p"), TTL)).getMessage());
        assertEquals("point 'p': topic_label must be true or false, not 'yes'",
                assertThrows(IllegalArgumentException.class,
                        () -> TopicMapping.fromSpec(PointSpec.parse("name=p;topic=a;topic_label=yes"), TTL))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> TopicMapping.fromSpec(PointSpec.parse("name=p;topic=a/#/b"), TTL)).getMessage()
                .startsWith("point 'p': invalid topic filter"));
    }

    @Test
    void legacyMappingsBecomePointsWithDerivedNamesAndTopicLabel() {
        List<TopicMapping> ms = LegacyMappingParser.parse(
                "dc1/racks/+/temp_inlet:temp:C:$.value:0.5, dc1/pdu/main:power:kW:data.power[0], sensors/#:humidity:%:",
                TTL);
        assertEquals(3, ms.size());
        TopicMapping t = ms.get(0);
        assertEquals("dc1_racks_temp_inlet_value", t.point().name());
        assertEquals(Quantity.TEMPERATURE, t.point().quantity());
        assertEquals(0.5, t.point().scale());
        assertEquals(TTL, t.point().ttl());
        assertEquals(Optional.of(Map.of("topic", "dc1/racks/r1/temp_inlet")), t.labelsFor("dc1/racks/r1/temp_inlet"));
        assertEquals(Optional.of(Map.of("topic", "dc1/racks/r2/temp_inlet")), t.labelsFor("dc1/racks/r2/temp_inlet"));
        TopicMapping p = ms.get(1);
        assertEquals("dc1_pdu_main_data_power", p.point().name());
        // 2 kW = 2000 W
        assertEquals(2000.0, p.point().toBaseUnits(2.0));
        assertEquals("sensors", ms.get(2).point().name());
        assertTrue(ms.get(2).path().isRoot());
    }

    @Test
    void legacyNameCollisionsGetASuffix() {
        List<TopicMapping> ms = LegacyMappingParser.parse("a/b:temp:C:x,a/+/b:temp:C:x", TTL, Set.of("a_b_x"));
        assertEquals(List.of("a_b_x_2", "a_b_x_3"), ms.stream().map(m -> m.point().name()).toList());
    }

    @Test
    void legacyErrorsNameTheMapping() {
        assertEquals("mapping 'a/b:temp:C' is not topic:sensor_type:unit:json_path[:scale] (3 fields)",
                assertThrows(IllegalArgumentException.class, () -> LegacyMappingParser.parse("a/b:temp:C", TTL))
                        .getMessage());
        assertEquals("mapping 'a/b:temp:C:x:big': scale 'big' is not a number",
                assertThrows(IllegalArgumentException.class, () -> LegacyMappingParser.parse("a/b:temp:C:x:big", TTL))
                        .getMessage());
        assertEquals("mapping 'a/b:temp:kW:x': point 'a_b_x': unit 'kW' is not a unit of temperature",
                assertThrows(IllegalArgumentException.class, () -> LegacyMappingParser.parse("a/b:temp:kW:x", TTL))
                        .getMessage());
        assertEquals("mapping '+/#:temp:C:': no point name can be derived (no literal topic level or path member)",
                assertThrows(IllegalArgumentException.class, () -> LegacyMappingParser.parse("+/#:temp:C:", TTL))
                        .getMessage());
    }

    @Test
    void emptyLegacyListHasNoMappings() {
        assertEquals(List.of(), LegacyMappingParser.parse(" ", TTL));
        assertEquals(List.of(), LegacyMappingParser.parse(null, TTL));
    }
}
