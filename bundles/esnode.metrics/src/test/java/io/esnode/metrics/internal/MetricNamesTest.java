package io.esnode.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricNamesTest {

    @ParameterizedTest(name = "metric name [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', emptyValue = "", value = {
            "esnode_sensor_power_watts | esnode_sensor_power_watts",
            "rack:power_watts          | rack:power_watts",
            ":leading_colon            | :leading_colon",
            "rack-power.watts          | rack_power_watts",
            "1st_floor                 | _1st_floor",
            "9                         | _9",
            "température               | temp_rature",
            "a b\tc                    | a_b_c",
            "😀x                       | _x",
            "\"\"                      | _",
            "_ok                       | _ok",
            "ÄBC                       | _BC",
    })
    void metricNames(String in, String expected) {
        assertEquals(expected, MetricNames.metricName(in));
    }

    @ParameterizedTest(name = "label name [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "rack        | rack",
            "rack:id     | rack_id",
            ":x          | _x",
            "2nd         | _2nd",
            "room.name   | room_name",
            "__meta      | __meta",
            "Zone_9      | Zone_9",
    })
    void labelNames(String in, String expected) {
        assertEquals(expected, MetricNames.labelName(in));
    }

    @Test
    void validNamesAreReturnedWithoutCopying() {
        String name = "esnode_sensor_state";
        assertSame(name, MetricNames.metricName(name));
        String value = "plain ✓ value 😀";
        assertSame(value, MetricNames.labelValue(value));
    }

    @Test
    void unpairedSurrogatesInLabelValuesBecomeReplacementCharacters() {
        // lone high, lone low, a valid pair, a high followed by a non-surrogate, a trailing high
        assertEquals("a\uFFFDb\uFFFDc\uD83D\uDE00d\uFFFDe\uFFFD",
                MetricNames.labelValue("a\uD83Db\uDE00c\uD83D\uDE00d\uD83De\uD83D"));
        assertEquals("", MetricNames.labelValue(null));
    }

    @Test
    void familyNamesFollowQuantityAndUnitOrTheMetricKey() {
        assertEquals("esnode_sensor_temperature_celsius",
                MetricNames.familyName(Point.gauge("t", Quantity.TEMPERATURE, "F")));
        assertEquals("esnode_sensor_power_watts", MetricNames.familyName(Point.gauge("p", Quantity.POWER, "kW")));
        assertEquals("esnode_sensor_flow_cubic_meters_per_second",
                MetricNames.familyName(Point.gauge("f", Quantity.FLOW, "l/s")));
        assertEquals("esnode_sensor_state", MetricNames.familyName(Point.gauge("s", Quantity.STATE, "")));
        assertEquals("esnode_sensor_value", MetricNames.familyName(Point.gauge("v", Quantity.OTHER, "")));
        Point custom = new Point("c", Quantity.POWER, "W", "rack-7.power", MetricType.GAUGE, 1, 0, Map.of(),
                PueRole.NONE, null);
        assertEquals("rack_7_power", MetricNames.familyName(custom));
    }
}
