package io.esnode.pue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import io.esnode.api.Reading;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointSelectorTest {
    private static final Point UPS = new Point("ups-a.out", Quantity.POWER, "kW", null, MetricType.GAUGE, 1, 0,
            Map.of("site", "dc1", "room", "hall-2"), PueRole.IT, null);
    /** Reading of driver modbus-1, point ups-a.out, static labels site=dc1 room=hall-2, run-time label rack=r07. */
    private static final Reading R = Reading.of("modbus-1", UPS, Map.of("rack", "r07"), 12, 0);

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "pue_role=it                     | true",
            "pue_role=IT                     | true",
            "pue_role=facility               | false",
            "quantity=power                  | true",
            "quantity=POWER                  | true",
            "quantity=temp*                  | false",
            "driver=modbus-1                 | true",
            "driver=modbus-*                 | true",
            "driver=mqtt*                    | false",
            "point=ups-*.out                 | true",
            "point=*                         | true",
            "point=ups                       | false",
            "modbus-1/ups-a.out              | true",
            "modbus-*/ups-*                  | true",
            "modbus-2/ups-a.out              | false",
            "site=dc1                        | true",
            "\"site=dc1, room=hall-*\"       | true",
            "\"site=dc1,room=hall-3\"        | false",
            "rack=r0*                        | true",
            "\"rack=r07,pue_role=it,site=*\" | true",
            "\"modbus-1/ups-a.out,rack=r08\" | false",
            "row=                            | true",
            "row=*                           | true",
            "row=a*                          | false",
            "site=                           | false",
            "room=*-2                        | true",
            "room=**hall**                   | true",
            "room=h*l*2                      | true",
            "room=h*l*3                      | false",
            "room=hall-2x                    | false",
    })
    void matching(String selector, boolean expected) {
        assertEquals(expected, PointSelector.parse(selector).matches(R));
    }

    @Test
    void selectionsAreOred() {
        PointSelection s = PointSelection.parse("it", new String[] {"driver=x", "rack=r07"});
        assertEquals(true, s.matches(R));
        PointSelection none = PointSelection.parse("it", new String[] {"driver=x", "rack=r08"});
        assertEquals(false, none.matches(R));
    }

    @Test
    void badSelectorsAreRejectedNamingKeyAndTerm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PointSelection.parse("facility", new String[] {"pue_role=facility", "site=dc1,hall"}));
        assertEquals("facility: selector term 'hall' in 'site=dc1,hall' is neither label=value nor driver/point",
                e.getMessage());
        assertEquals("facility: empty selector",
                assertThrows(IllegalArgumentException.class, () -> PointSelection.parse("facility", new String[] {" "}))
                        .getMessage());
        assertEquals("it has no selector",
                assertThrows(IllegalArgumentException.class, () -> PointSelection.parse("it", new String[0]))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PointSelector.parse("=x"));
        assertThrows(IllegalArgumentException.class, () -> PointSelector.parse("a/"));
        assertThrows(IllegalArgumentException.class, () -> PointSelector.parse("site=dc1,"));
    }
}
