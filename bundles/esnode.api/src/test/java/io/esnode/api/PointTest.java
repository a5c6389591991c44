package io.esnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.esnode.api.util.PointSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointTest {

    @Test
    void kilowattsConvertToWattsAfterScaleAndOffset() {
        Point p = new Point("main", Quantity.POWER, "kW", null, MetricType.GAUGE, 0.1, 2.0, Map.of(), PueRole.FACILITY, null);
        // (1234 * 0.1 + 2.0) kW = 125.4 kW = 125400 W
        assertEquals(125400.0, p.toBaseUnits(1234), 1e-9);
    }

    @Test
    void fahrenheitConvertsToCelsius() {
        Point p = Point.gauge("t", Quantity.TEMPERATURE, "F");
        // (212 - 32) * 5 / 9 = 100
        assertEquals(100.0, p.toBaseUnits(212), 1e-9);
    }

    @Test
    void kilowattHoursConvertToJoules() {
        Point p = Point.gauge("e", Quantity.ENERGY, "kWh");
        // 2 kWh = 2 * 3.6e6 J = 7.2e6 J
        assertEquals(7.2e6, p.toBaseUnits(2), 1e-6);
    }

    @Test
    void wrongUnitForQuantityIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Point.gauge("t", Quantity.TEMPERATURE, "kW"));
        assertEquals("point 't': unit 'kW' is not a unit of temperature", e.getMessage());
    }

    @Test
    void unsignedCounterNearTwoToThe64StaysExact() {
        Point p = new Point("octets", Quantity.OTHER, "", null, MetricType.COUNTER, 1, 0, Map.of(), PueRole.NONE, null);
        Reading r = Reading.ofUnsigned("d", p, Map.of(), -2L, 0); // -2 as unsigned = 2^64 - 2
        assertTrue(r.exact());
        assertEquals("18446744073709551614", r.exactText());
        assertEquals(1.8446744073709552E19, r.value(), 0.0);
    }

    @Test
    void scaledCounterIsNotExact() {
        Point p = new Point("e", Quantity.ENERGY, "kWh", null, MetricType.COUNTER, 1, 0, Map.of(), PueRole.NONE, null);
        assertFalse(p.isExactCounter());
    }

    @Test
    void pointSpecRoundTripsWithEscapes() {
        String text = PointSpec.format(Map.of("name", "a;b"));
        assertEquals("name=a\\;b", text);
        assertEquals("a;b", PointSpec.parse(text).get("name"));
    }

    @Test
    void pointSpecBuildsPoint() {
        Point p = PointSpec.parse("name=inlet;quantity=temp;unit=C;scale=0.1;label.rack=r1;pue_role=none;ttl=30")
                .toPoint(Duration.ofSeconds(60));
        assertEquals(new Point("inlet", Quantity.TEMPERATURE, "C", null, MetricType.GAUGE, 0.1, 0.0,
                Map.of("rack", "r1"), PueRole.NONE, Duration.ofSeconds(30)), p);
    }

    @Test
    void unitTextsInAnyCaseConvertTheSameEachTime() {
        // 2 kW = 2000 W, however the unit is written and however often it is converted (the second call is cached)
        assertEquals(2000.0, Quantity.POWER.toBaseUnit(2, "kW"), 0.0);
        assertEquals(2000.0, Quantity.POWER.toBaseUnit(2, "kW"), 0.0);
        assertEquals(2000.0, Quantity.POWER.toBaseUnit(2, " KW "), 0.0);
        // (50 - 32) * 5 / 9 = 10 °C
        assertEquals(10.0, Quantity.TEMPERATURE.toBaseUnit(50, "F"), 1e-12);
        assertEquals(10.0, Quantity.TEMPERATURE.toBaseUnit(50, "F"), 1e-12);
        // a blank unit means the value is already in the base unit
        assertEquals(7.0, Quantity.POWER.toBaseUnit(7, "  "), 0.0);
        assertEquals(7.0, Quantity.POWER.toBaseUnit(7, null), 0.0);
    }

    @Test
    void unknownUnitIsRefusedEveryTime() {
        for (int i = 0; i < 2; i++) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Quantity.POWER.toBaseUnit(1, "furlong"));
            assertEquals("unit 'furlong' is not a unit of power", e.getMessage());
        }
    }
}
