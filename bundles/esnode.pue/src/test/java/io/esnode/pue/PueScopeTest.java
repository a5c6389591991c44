package io.esnode.pue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.esnode.api.MetricType;
import io.esnode.api.Point;
import io.esnode.api.PueRole;
import io.esnode.api.Quantity;
import io.esnode.api.Reading;
import io.esnode.core.LatestReadingStore;
import io.prometheus.client.Collector;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PueScopeTest {
    private static final long T0 = 1_700_000_000_000L;
    private final LatestReadingStore store = new LatestReadingStore();
    private long now = T0;

    private static Point power(String name, PueRole role, Map<String, String> labels) {
        return new Point(name, Quantity.POWER, "kW", null, MetricType.GAUGE, 1, 0, labels, role, null);
    }

    private static final Point UPS1 = power("ups1", PueRole.IT, Map.of());
    private static final Point UPS2 = power("ups2", PueRole.IT, Map.of());
    private static final Point MAIN = power("main", PueRole.FACILITY, Map.of());
    private static final Point HALL2 = power("hall2", PueRole.NONE, Map.of("hall", "2"));

    static PueScope.Config config(String scope, String[] it, String[] facility, double maxRatio) {
        return new PueScope.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PueScope.Config.class;
            }

            @Override
            public String scope() {
                return scope;
            }

            @Override
            public String[] it() {
                return it;
            }

            @Override
            public String[] facility() {
                return facility;
            }

            @Override
            public double max__ratio() {
                return maxRatio;
            }
        };
    }

    private PueScope defaultScope() {
        return new PueScope(store, config("site", new String[] {"pue_role=it"}, new String[] {"pue_role=facility"}, 10),
                () -> now);
    }

    private static String text(Collector c) throws IOException {
        StringWriter w = new StringWriter();
        TextFormat.write004(w, Collections.enumeration(c.collect()));
        return w.toString();
    }

    private void publish(PueScope scope, Reading... readings) {
        store.publish(List.of(readings));
        scope.onReadings(List.of(readings)); // what the store's listener whiteboard does inside OSGi
    }

    private static final String COUNTERS_HEAD = ""
            + "# HELP esnode_pue_invalid_total Evaluations on new readings that gave an invalid PUE, by reason\n"
            + "# TYPE esnode_pue_invalid_total counter\n";

    private static String counters(String scope, int facilityBelowIt, int itNotPositive, int notFinite, int aboveMax) {
        return COUNTERS_HEAD
                + "esnode_pue_invalid_total{scope=\"" + scope + "\",reason=\"facility_below_it\",} " + facilityBelowIt + ".0\n"
                + "esnode_pue_invalid_total{scope=\"" + scope + "\",reason=\"it_not_positive\",} " + itNotPositive + ".0\n"
                + "esnode_pue_invalid_total{scope=\"" + scope + "\",reason=\"not_finite\",} " + notFinite + ".0\n"
                + "esnode_pue_invalid_total{scope=\"" + scope + "\",reason=\"ratio_above_max\",} " + aboveMax + ".0\n";
    }

    private static final String EMPTY_VALUE_FAMILIES = ""
            + "# HELP esnode_pue_ratio Power usage effectiveness: facility power / IT power\n"
            + "# TYPE esnode_pue_ratio gauge\n"
            + "# HELP esnode_pue_it_power_watts IT power of the PUE scope\n"
            + "# TYPE esnode_pue_it_power_watts gauge\n"
            + "# HELP esnode_pue_facility_power_watts Total facility power of the PUE scope\n"
            + "# TYPE esnode_pue_facility_power_watts gauge\n"
            + "# HELP esnode_pue_efficiency_percent IT power / facility power * 100\n"
            + "# TYPE esnode_pue_efficiency_percent gauge\n"
            + "# HELP esnode_pue_overhead_watts Facility power - IT power\n"
            + "# TYPE esnode_pue_overhead_watts gauge\n";

    @Test
    void validScopeExportsFiveFamiliesAndZeroCounters() throws IOException {
        PueScope scope = defaultScope();
        // IT 100 kW + 50 kW = 150 000 W, facility 240 000 W: PUE 1.6, efficiency 62.5 %, overhead 90 000 W
        publish(scope, Reading.of("d1", UPS1, Map.of(), 100, T0), Reading.of("d1", UPS2, Map.of(), 50, T0),
                Reading.of("d2", MAIN, Map.of(), 240, T0));
        assertEquals(""
                + "# HELP esnode_pue_ratio Power usage effectiveness: facility power / IT power\n"
                + "# TYPE esnode_pue_ratio gauge\n"
                + "esnode_pue_ratio{scope=\"site\",} 1.6\n"
                + "# HELP esnode_pue_it_power_watts IT power of the PUE scope\n"
                + "# TYPE esnode_pue_it_power_watts gauge\n"
                + "esnode_pue_it_power_watts{scope=\"site\",} 150000.0\n"
                + "# HELP esnode_pue_facility_power_watts Total facility power of the PUE scope\n"
                + "# TYPE esnode_pue_facility_power_watts gauge\n"
                + "esnode_pue_facility_power_watts{scope=\"site\",} 240000.0\n"
                + "# HELP esnode_pue_efficiency_percent IT power / facility power * 100\n"
                + "# TYPE esnode_pue_efficiency_percent gauge\n"
                + "esnode_pue_efficiency_percent{scope=\"site\",} 62.5\n"
                + "# HELP esnode_pue_overhead_watts Facility power - IT power\n"
                + "# TYPE esnode_pue_overhead_watts gauge\n"
                + "esnode_pue_overhead_watts{scope=\"site\",} 90000.0\n"
                + counters("site", 0, 0, 0, 0),
                text(scope));
        assertEquals(1.6, scope.current().ratio().getAsDouble());
    }

    @Test
    void invalidEvaluationsOnNewReadingsAreCountedButScrapesCountNothing() throws IOException {
        PueScope scope = defaultScope();
        // IT 150 kW, facility 120 kW: facility below IT
        publish(scope, Reading.of("d1", UPS1, Map.of(), 100, T0), Reading.of("d1", UPS2, Map.of(), 50, T0),
                Reading.of("d2", MAIN, Map.of(), 120, T0));
        publish(scope, Reading.of("d2", MAIN, Map.of(), 110, T0 + 1_000));
        publish(scope, Reading.of("d2", HALL2, Map.of(), 7, T0 + 1_000)); // not selected: no evaluation
        text(scope);
        assertEquals(EMPTY_VALUE_FAMILIES + counters("site", 2, 0, 0, 0), text(scope));
        // IT 150 kW, facility 1 800 kW: PUE 12 > 10
        publish(scope, Reading.of("d2", MAIN, Map.of(), 1800, T0 + 2_000));
        // IT 0: UPS1 and UPS2 both 0 kW
        publish(scope, Reading.of("d1", UPS1, Map.of(), 0, T0 + 2_000), Reading.of("d1", UPS2, Map.of(), 0, T0 + 2_000));
        assertEquals(Map.of("facility_below_it", 2L, "it_not_positive", 1L, "not_finite", 0L, "ratio_above_max", 1L),
                scope.invalidCounts());
        assertEquals(EMPTY_VALUE_FAMILIES + counters("site", 2, 1, 0, 1), text(scope));
    }

    @Test
    void viewListsTheSelectedFreshInputsPerRole() {
        PueScope scope = defaultScope();
        Reading ups1 = Reading.of("d1", UPS1, Map.of(), 100, T0);
        Reading main = Reading.of("d2", MAIN, Map.of(), 240, T0);
        publish(scope, ups1, main, Reading.of("d2", HALL2, Map.of(), 7, T0));
        assertEquals(List.of(ups1), scope.itInputs());
        assertEquals(List.of(main), scope.facilityInputs());
        now = T0 + 60_001; // both past the default 60 s ttl
        assertEquals(List.of(), scope.itInputs());
    }

    @Test
    void staleOrMissingInputsMakeThePueAbsentUncounted() throws IOException {
        PueScope scope = defaultScope();
        publish(scope, Reading.of("d1", UPS1, Map.of(), 100, T0));
        assertEquals("no_facility", scope.current().absentReason().get());
        publish(scope, Reading.of("d2", MAIN, Map.of(), 160, T0));
        assertEquals(1.6, scope.current().ratio().getAsDouble()); // 160 / 100
        now = T0 + 60_001; // default ttl 60 s passed for both
        assertEquals("no_it", scope.current().absentReason().get());
        assertEquals(EMPTY_VALUE_FAMILIES + counters("site", 0, 0, 0, 0), text(scope));
    }

    @Test
    void selectorsPickPointsAndNonPowerPointsAreIgnored() throws IOException {
        Point inletTemp = new Point("inlet", Quantity.TEMPERATURE, "C", null, MetricType.GAUGE, 1, 0,
                Map.of("hall", "2"), PueRole.IT, null);
        PueScope hall = new PueScope(store, config("hall-2", new String[] {"hall=2", "d1/ups1"},
                new String[] {"driver=d2,point=main"}, 10), () -> now);
        // IT: hall2 20 kW + ups1 30 kW (the 25 °C inlet matches hall=2 but is no power) = 50 kW; facility 80 kW:
        // PUE 80/50 = 1.6, efficiency 50/80*100 = 62.5 %, overhead 30 kW
        publish(hall, Reading.of("d2", HALL2, Map.of(), 20, T0), Reading.of("d1", UPS1, Map.of(), 30, T0),
                Reading.of("d1", UPS2, Map.of(), 999, T0), Reading.of("d1", inletTemp, Map.of(), 25, T0),
                Reading.of("d2", MAIN, Map.of(), 80, T0));
        String text = text(hall);
        assertEquals(""
                + "esnode_pue_ratio{scope=\"hall-2\",} 1.6\n"
                + "esnode_pue_it_power_watts{scope=\"hall-2\",} 50000.0\n"
                + "esnode_pue_facility_power_watts{scope=\"hall-2\",} 80000.0\n"
                + "esnode_pue_efficiency_percent{scope=\"hall-2\",} 62.5\n"
                + "esnode_pue_overhead_watts{scope=\"hall-2\",} 30000.0\n",
                String.join("", text.lines().filter(l -> l.startsWith("esnode_pue_") && !l.contains("invalid"))
                        .map(l -> l + "\n").toList()));
    }

    @Test
    void badConfigurationIsRejectedNamingScopeAndKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PueScope(store,
                config("row1", new String[] {"rack"}, new String[] {"pue_role=facility"}, 10)));
        assertEquals("esnode.pue scope 'row1': it: selector term 'rack' in 'rack' is neither label=value nor"
                + " driver/point", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PueScope(store,
                config("row1", new String[] {"pue_role=it"}, new String[] {"pue_role=facility"}, 0.9)));
        assertEquals("esnode.pue scope 'row1': max_ratio must be a finite number >= 1, not 0.9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PueScope(store,
                config(" ", new String[] {"pue_role=it"}, new String[] {"pue_role=facility"}, 10)));
        assertEquals("esnode.pue: scope must not be empty", e.getMessage());
    }
}
