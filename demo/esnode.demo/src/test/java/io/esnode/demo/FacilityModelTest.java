package io.esnode.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FacilityModelTest {
    private final FacilityModel model = new FacilityModel();

    @Test
    void pueStaysBetween1_3And1_8ForTwoHours() {
        for (int s = 0; s <= 7200; s++) {
            double pue = model.facilityKilowatts(s) * 1000 / model.itWatts(s);
            assertTrue(pue >= 1.3 && pue <= 1.8, "PUE " + pue + " at " + s + " s");
        }
    }

    @Test
    void atTimeZeroValuesAreTheHandComputedOnes() {
        // rack r1 (index 0): 32000 * (1 + 0.15 * sin(0)) = 32000
        assertEquals(32_000.0, model.rackWatts(0, 0));
        // PUE(0) = 1.55 + 0.2 * sin(0) + 0.03 * sin(0) = 1.55; inlet r1 = 22.5 + 0 + 1.5 * sin(0) = 22.5
        assertEquals(1.55, model.pue(0), 1e-12);
        assertEquals(22.5, model.inletCelsius(0, 0));
        assertEquals(45.0, model.humidityPercent(0));
    }

    @Test
    void temperaturesAndHumidityStayPlausible() {
        for (int s = 0; s <= 7200; s += 7) {
            for (int r = 0; r < FacilityModel.RACKS.size(); r++) {
                double t = model.inletCelsius(r, s);
                assertTrue(t >= 21.0 && t <= 24.9, "inlet " + t);
            }
            double h = model.humidityPercent(s);
            assertTrue(h >= 40 && h <= 50, "humidity " + h);
        }
    }
}
