package io.esnode.pue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.esnode.api.PueRole;
import io.esnode.api.pue.PueResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PueCalculatorTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final long TTL = 60_000L;

    /** "it:100000,it:50000,facility:240000", each optionally "@age" in ms. */
    private static List<PueInput> inputs(String spec) {
        List<PueInput> list = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return list;
        }
        for (String part : spec.split(",")) {
            String[] roleRest = part.trim().split(":");
            String[] valueAge = roleRest[1].split("@");
            long age = valueAge.length > 1 ? Long.parseLong(valueAge[1]) : 0;
            list.add(new PueInput(PueRole.parse(roleRest[0]), Double.parseDouble(valueAge[0]), NOW - age, TTL));
        }
        return list;
    }

    private static String describe(PueResult r) {
        if (r.absentReason().isPresent()) {
            return "absent " + r.absentReason().get();
        }
        if (r.invalidReason().isPresent()) {
            return "invalid " + r.invalidReason().get();
        }
        return "pue=" + r.ratio().getAsDouble() + " it=" + r.itWatts().getAsDouble()
                + " facility=" + r.facilityWatts().getAsDouble() + " eff=" + r.efficiencyPercent().getAsDouble()
                + " overhead=" + r.overheadWatts().getAsDouble();
    }

    @ParameterizedTest(name = "{0} (max {1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            // IT 100 kW + 50 kW = 150 kW, facility 240 kW: PUE 240/150 = 1.6, efficiency 150/240*100 = 62.5 %,
            // overhead 240 - 150 = 90 kW
            "it:100000,it:50000,facility:240000 | 10 | pue=1.6 it=150000.0 facility=240000.0 eff=62.5 overhead=90000.0",
            // two facility meters 150 kW + 50 kW = 200 kW over IT 100 kW: PUE 2.0, efficiency 50 %, overhead 100 kW
            "it:100000,facility:150000,facility:50000 | 10 | pue=2.0 it=100000.0 facility=200000.0 eff=50.0 overhead=100000.0",
            // facility == IT: PUE 1.0, efficiency 100 %, overhead 0
            "it:5000,facility:5000 | 10 | pue=1.0 it=5000.0 facility=5000.0 eff=100.0 overhead=0.0",
            // a stale IT meter (age 60 001 ms > ttl 60 000 ms) is left out: 200 / 100 = 2.0
            "it:100000,it:900000@60001,facility:200000 | 10 | pue=2.0 it=100000.0 facility=200000.0 eff=50.0 overhead=100000.0",
            // age exactly the ttl still counts: (100 + 100) kW IT, facility 300 kW: PUE 1.5, eff 66.666…, overhead 100 kW
            "it:100000@60000,it:100000,facility:300000 | 10 | pue=1.5 it=200000.0 facility=300000.0 eff=66.66666666666666 overhead=100000.0",
            // ratio 12 above max 10 is invalid; exactly 10 is not
            "it:10000,facility:120000 | 10 | invalid ratio_above_max",
            "it:10000,facility:100000 | 10 | pue=10.0 it=10000.0 facility=100000.0 eff=10.0 overhead=90000.0",
            "it:10000,facility:120000 | 12.5 | pue=12.0 it=10000.0 facility=120000.0 eff=8.333333333333332 overhead=110000.0",
            "it:200000,facility:150000 | 10 | invalid facility_below_it",
            "it:0,facility:150000 | 10 | invalid it_not_positive",
            "it:-5,facility:150000 | 10 | invalid it_not_positive",
            "it:NaN,facility:150000 | 10 | invalid not_finite",
            "facility:150000 | 10 | absent no_it",
            "it:100000 | 10 | absent no_facility",
            "'' | 10 | absent no_it",
            // only stale readings are the same as none
            "it:100000@70000,facility:200000 | 10 | absent no_it",
            "it:100000,facility:200000@70000 | 10 | absent no_facility",
    })
    void cases(String spec, double maxRatio, String expected) {
        PueResult r = new PueCalculator(maxRatio).evaluate("site", inputs(spec), NOW);
        assertEquals(expected, describe(r));
        assertEquals("site", r.scope());
    }

    @Test
    void invalidResultKeepsTotalsForDiagnosis() {
        PueResult r = new PueCalculator(10).evaluate("site", inputs("it:200000,facility:150000"), NOW);
        assertEquals(200000.0, r.itWatts().getAsDouble());
        assertEquals(150000.0, r.facilityWatts().getAsDouble());
        assertEquals(false, r.ratio().isPresent());
    }

    @Test
    void maxRatioBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PueCalculator(0.5));
        assertEquals("max_ratio must be a finite number >= 1, not 0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PueCalculator(Double.NaN));
    }
}
